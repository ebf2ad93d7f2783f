package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The element-style (要素式) layouts carry every element of the model texts. Each element below names
 * its source. The general layout (parties; address for service and electronic service; claims with
 * the amount in dispute; agreed jurisdiction and preservation; facts; willingness to mediate;
 * evidence) is that of the SPC/MOJ/ACLA element-style complaint model texts of 2024 as issue 13
 * lists it; 法〔2025〕82号 extends the model texts to 67 kinds, 刑事自诉 among them. The official texts of
 * those two kinds (隐私权/网络侵权 and 刑事自诉) were not read for this project: the element names here follow
 * the general layout (UNCONFIRMED wording, see docs/documents.md), and the test keeps them from
 * silently disappearing.
 */
class ElementLayoutTest {
  /** An element of a model text and where it comes from. */
  record Element(String label, String source) {}

  static final String MODEL_2024 = "SPC/MOJ/ACLA 要素式起诉状示范文本 (2024), general layout";
  static final String ISSUE_13 = "issue 13 point 1 (送达地址确认, 电子送达, 调解意愿, 诉讼标的额, 保全)";
  static final String CL_246 = "Criminal Law Art 246; 刑事诉讼法 Art 101 (incidental civil action)";

  static final List<Element> CIVIL =
      List.of(
          new Element("原告", MODEL_2024), new Element("原告住所地", MODEL_2024),
          new Element("原告经常居住地", MODEL_2024), new Element("原告证件类型及号码", MODEL_2024),
          new Element("原告联系电话", MODEL_2024), new Element("委托诉讼代理人", MODEL_2024),
          new Element("被告", MODEL_2024), new Element("被告住所地", MODEL_2024),
          new Element("送达地址", ISSUE_13), new Element("收件人", ISSUE_13),
          new Element("是否接受电子送达", ISSUE_13), new Element("电子送达方式", ISSUE_13),
          new Element("诉讼请求1", MODEL_2024), new Element("诉讼标的额", ISSUE_13),
          new Element("请求依据", MODEL_2024), new Element("有无仲裁、法院管辖约定", MODEL_2024),
          new Element("是否已经申请诉前保全", ISSUE_13), new Element("是否申请诉讼保全", ISSUE_13),
          new Element("事实与理由", MODEL_2024), new Element("是否了解调解", ISSUE_13),
          new Element("是否考虑先行调解", ISSUE_13), new Element("证据清单", MODEL_2024));

  static final List<Element> PRIVATE =
      List.of(
          new Element("自诉人", MODEL_2024),
          new Element("被告人", MODEL_2024),
          new Element("诉讼代理人", MODEL_2024),
          new Element("送达地址", ISSUE_13),
          new Element("是否接受电子送达", ISSUE_13),
          new Element("电子送达方式", ISSUE_13),
          new Element("案由（罪名）", CL_246),
          new Element("附带民事诉讼请求", CL_246),
          new Element("附带民事诉讼标的额", ISSUE_13),
          new Element("是否申请保全", ISSUE_13),
          new Element("犯罪时间", MODEL_2024),
          new Element("犯罪地点或网络位置", MODEL_2024),
          new Element("犯罪行为和手段", MODEL_2024),
          new Element("危害后果", MODEL_2024),
          new Element("告诉才处理", CL_246),
          new Element("是否同意调解或者和解", ISSUE_13),
          new Element("证据和证据来源", MODEL_2024));

  private static String elements(DocumentKind kind) {
    Documents docs =
        Documents.builder()
            .date(SampleCase.DATE)
            .generator(SampleCase.GENERATOR)
            .layout(Documents.Layout.ELEMENTS)
            .build();
    byte[] pdf = docs.render(kind, Lang.ZH, OutputFormat.PDF, SampleCase.full());
    try {
      // Kept for review beside the narrative ones (docs/documents.md: look at every page).
      Path out = Path.of("target", "review-elements");
      Files.createDirectories(out);
      Files.write(out.resolve(kind.id() + ".elements.zh.pdf"), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Rendered.squash(Rendered.extract(OutputFormat.PDF, pdf));
  }

  @Test
  void civilComplaint_elementLayout_carriesEveryElementOfTheModelText() {
    String text = elements(DocumentKind.CIVIL_COMPLAINT);
    for (Element e : CIVIL) {
      assertThat(text).as(e.label() + " (" + e.source() + ")").contains(e.label());
    }
    assertThat(text).contains("人民币", "北京时间");
  }

  @Test
  void privateProsecution_elementLayout_carriesEveryElementAndOnly246() {
    String text = elements(DocumentKind.PRIVATE_PROSECUTION);
    for (Element e : PRIVATE) {
      assertThat(text).as(e.label() + " (" + e.source() + ")").contains(e.label());
    }
    assertThat(text).contains("第二百四十六条").doesNotContain("第二百八十四条", "第三百六十四条");
  }

  @Test
  void privateProsecution_narrativeLayout_offersTheIncidentalCivilClaimAndOnly246() {
    String text =
        Rendered.squash(Rendered.text(DocumentKind.PRIVATE_PROSECUTION, Lang.ZH, OutputFormat.PDF));
    assertThat(text).contains("附带民事诉讼").doesNotContain("第二百八十四条");
  }
}
