package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is not known shows as a placeholder; nothing is invented. */
class PlaceholderTest {
  @Test
  void policeReport_factsOnly_rendersPlaceholdersForEveryMissingInput() {
    Documents docs = SampleCase.documents();
    CaseInputs facts = SampleCase.factsOnly();
    String zh =
        Rendered.extract(
            OutputFormat.PDF,
            docs.render(DocumentKind.POLICE_REPORT, Lang.ZH, OutputFormat.PDF, facts));
    String flat = Rendered.squash(zh);
    assertThat(flat)
        .contains(
            "【待填写：姓名】",
            "【待填写：公民身份号码】",
            "【待填写：住址】",
            "【待填写：公安机关名称】",
            Rendered.squash("【待填写：适用的法律规定（生成法律评估后自动填入）】"),
            Rendered.squash("【待填写：证据清单（请先导出证据包）】"),
            Rendered.squash("【待填写：传播情况（扫描聊天记录后生成传播报告）】"));
    assertThat(flat).doesNotContain("张某某", "李某某", "000000200104120000");
    // The notes page lists what is left to fill in.
    assertThat(zh).contains("需要填写的内容");

    String en = docs.markup(DocumentKind.CIVIL_COMPLAINT, Lang.EN, facts);
    assertThat(en)
        .contains(
            "[to fill in: name]",
            "[to fill in: ID card number]",
            "[to fill in: amount of moral damages]",
            "[to fill in: court]");
  }

  @Test
  void civilComplaint_fullCase_fillsKnownValuesAndLeavesOnlyTheUnknown() {
    String zh =
        SampleCase.documents().markup(DocumentKind.CIVIL_COMPLAINT, Lang.ZH, SampleCase.full());
    assertThat(zh).contains("张某某", "人民币50,000元", "人民币3,200元");
    assertThat(zh).doesNotContain("【待填写：姓名】", "【待填写：精神损害抚慰金金额】");
    // lost income is 0 in the facts: no claim for it, and no placeholder either.
    assertThat(zh).doesNotContain("误工损失");
    // The investigation costs were not given: a placeholder, not a number.
    assertThat(zh).contains("【待填写：调查取证费用金额】");
  }

  @Test
  void anyKind_noImage_isEverEmbedded() throws java.io.IOException {
    for (DocumentKind k : DocumentKind.values()) {
      Lang lang = k.languages().get(0);
      byte[] docx = Rendered.bytes(k, lang, OutputFormat.DOCX);
      assertThat(new String(docx, java.nio.charset.StandardCharsets.ISO_8859_1))
          .as(k + " has no media part")
          .doesNotContain("word/media/");
      byte[] pdf = Rendered.bytes(k, lang, OutputFormat.PDF);
      try (var pd = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        for (var page : pd.getPages()) {
          assertThat(page.getResources().getXObjectNames()).as(k + " has no image").isEmpty();
        }
      }
    }
  }
}
