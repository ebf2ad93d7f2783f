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
 * its source. The official texts of 法〔2025〕82号 (SPC, MOJ and ACLA, 2025-05-28, in force 2025-07-14)
 * were not found in a form we could read; the elements were checked against a third-party
 * transcription of its templates (cat-xierluo/legal-skills,
 * skills/elements-complaint-generator/references/skeletons/: 01-侮辱案刑事附带民事-刑事附带民事自诉状 for the private
 * prosecution; the civil templates, e.g. 21-机动车交通事故责任纠纷, for the common civil elements, since none
 * of the 67 kinds is a privacy or online-infringement dispute). That wording stays unconfirmed
 * against the official text (docs/documents.md).
 */
class ElementLayoutTest {
  /** An element of a model text and where it comes from. */
  record Element(String label, String source) {}

  static final String CIVIL_82 =
      "法〔2025〕82号 civil templates, common elements (third-party transcription, e.g. 21)";
  static final String INSULT_82 =
      "法〔2025〕82号 template 01 刑事（附带民事）自诉状（侮辱案） (third-party transcription)";
  static final String ISSUE_13 = "issue 13 point 1 (送达地址确认, 电子送达, 调解意愿, 诉讼标的额, 保全)";
  static final String CL_246 = "Criminal Law Art 246; 刑事诉讼法 Art 101 (incidental civil action)";

  static final List<Element> CIVIL =
      List.of(
          new Element("原告", CIVIL_82),
          new Element("原告住所地（户籍所在地）", CIVIL_82),
          new Element("原告经常居住地", CIVIL_82),
          new Element("原告证件类型及号码", CIVIL_82),
          new Element("原告联系电话", CIVIL_82),
          new Element("委托诉讼代理人", CIVIL_82),
          new Element("代理权限", CIVIL_82),
          new Element("被告", CIVIL_82),
          new Element("被告住所地", CIVIL_82),
          new Element("送达地址", ISSUE_13),
          new Element("收件人", ISSUE_13),
          new Element("是否接受电子送达", ISSUE_13),
          new Element("电子送达方式", ISSUE_13),
          new Element("诉讼请求1", CIVIL_82),
          new Element("诉讼标的额", CIVIL_82),
          new Element("请求依据", CIVIL_82),
          new Element("有无仲裁、法院管辖约定", CIVIL_82),
          new Element("是否已经申请诉前保全", CIVIL_82),
          new Element("是否申请诉讼保全", ISSUE_13),
          new Element("是否申请鉴定", CIVIL_82),
          new Element("事实与理由", CIVIL_82),
          new Element("对纠纷解决方式的意愿", CIVIL_82),
          new Element("是否了解调解作为非诉讼纠纷解决方式", CIVIL_82),
          new Element("是否了解先行调解解决纠纷的好处", CIVIL_82),
          new Element("是否考虑先行调解", CIVIL_82),
          new Element("证据清单", CIVIL_82),
          new Element("具状人（签字、盖章）", CIVIL_82));

  static final List<Element> PRIVATE =
      List.of(
          new Element("刑事（附带民事）自诉状", INSULT_82),
          new Element("（侮辱案）", INSULT_82),
          new Element("自诉人", INSULT_82),
          new Element("出生地、文化程度", INSULT_82),
          new Element("户籍地、住址", INSULT_82),
          new Element("诉讼代理人", INSULT_82),
          new Element("法定代理人或代为告诉人", INSULT_82),
          new Element("被告人", INSULT_82),
          new Element("发布侮辱信息的网络平台的名称及账号", INSULT_82),
          new Element("是否提起附带民事诉讼", INSULT_82),
          new Element("以侮辱罪追究刑事责任", INSULT_82),
          new Element("赔偿因犯罪行为给自诉人造成的物质损失", INSULT_82),
          new Element("是否需要公安机关提供协助", INSULT_82),
          new Element("1.事实", INSULT_82),
          new Element("2.理由", INSULT_82),
          new Element("证明被告人实施侮辱行为、构成犯罪的证据材料", INSULT_82),
          new Element("是否同意调解（自诉部分）", INSULT_82),
          new Element("是否同意调解（附带民事部分）", INSULT_82),
          new Element("具状人（签字）", INSULT_82),
          new Element("送达地址", ISSUE_13),
          new Element("是否接受电子送达", ISSUE_13),
          new Element("附带民事诉讼标的额", ISSUE_13),
          new Element("是否申请保全", ISSUE_13),
          new Element("告诉的才处理", CL_246));

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
  void elementLayouts_notesPage_sayTheLayoutIsUnconfirmed() {
    for (DocumentKind kind :
        List.of(DocumentKind.CIVIL_COMPLAINT, DocumentKind.PRIVATE_PROSECUTION)) {
      String zh = elements(kind);
      assertThat(zh).as(kind.id()).contains("要素式格式未经核实", "尚未与官方示范文本逐项核对");
    }
    String narrative =
        Rendered.squash(Rendered.text(DocumentKind.CIVIL_COMPLAINT, Lang.ZH, OutputFormat.PDF));
    assertThat(narrative).doesNotContain("要素式格式未经核实");
  }

  @Test
  void privateProsecution_narrativeLayout_offersTheIncidentalCivilClaimAndOnly246() {
    String text =
        Rendered.squash(Rendered.text(DocumentKind.PRIVATE_PROSECUTION, Lang.ZH, OutputFormat.PDF));
    assertThat(text).contains("附带民事诉讼").doesNotContain("第二百八十四条");
  }
}
