package org.redress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportViewsTest {
  @Test
  void html_timesInBeijingWithTheZoneNamed() {
    String h = ReportHtml.toText(Samples.report(), Map.of(), Times.BEIJING);
    assertThat(h)
        .contains("2026-02-03 12:00:00 北京时间（UTC+8）")
        .contains("2026-03-01 10:00:00 北京时间（UTC+8）");
  }

  @Test
  void html_hasMethodThresholdPersonConfirmsAndPrintStyles() {
    String h = ReportHtml.toText(Samples.report(), Map.of(), Times.BEIJING);
    assertThat(h)
        .contains(
            "方法说明",
            "<td>victims</td><td>31</td>",
            "每一个匹配都必须由人核对确认",
            "误匹配率",
            "@page{size:A4",
            "white-space:nowrap");
    assertThat(h).contains("<span class=\"hash\">" + Samples.SHA + "</span>");
    assertThat(h).doesNotContain("<script", "<img");
  }

  @Test
  void html_refusedAndEmptySources_shownBeforeTheSummary() {
    SpreadReport r =
        Samples.report(
            "群",
            List.of(
                Samples.source("/x/ok"),
                SpreadReport.SourceRead.refusal("/x/bad.zip", "the archive is over the 2 GiB cap"),
                new SpreadReport.SourceRead(
                    "/x/empty", "folder", null, 0, 0, 0, 0, 0, 0, 0, false, List.of(), 0)));
    String h = ReportHtml.toText(r, Map.of(), Times.BEIJING);
    int problems = h.indexOf("来源问题");
    assertThat(problems).isPositive().isLessThan(h.indexOf("摘要"));
    assertThat(h.substring(problems, h.indexOf("摘要")))
        .contains("/x/bad.zip", "2 GiB cap", "/x/empty", "没有读到任何消息或媒体文件")
        .doesNotContain("<li><span class=\"file\">/x/ok");
  }

  @Test
  void html_bidiAndControlsInNames_madeInertInTextAndAttributes() {
    String evil = "abc\u202Egpj.exe\u001b[32mVERIFIED\nhash x";
    SpreadReport r = Samples.report(evil, List.of(Samples.source("/x")));
    String h = ReportHtml.toText(r, Map.of(), Times.BEIJING);
    assertThat(h).doesNotContain("\u202E").doesNotContain("\u001b").contains("abc\uFFFDgpj.exe");
    assertThat(h).contains("title=\"telegram:chat/42/message/7\"");
  }

  @Test
  void csv_startsWithBomAndChineseHeaders_formulasDefused() {
    String c =
        ReportCsv.toText(
            Samples.report("=HYPERLINK(\"x\")", List.of(Samples.source("/x"))), Times.BEIJING);
    assertThat(c).startsWith("\uFEFF哈希库(bank),条目(label)");
    assertThat(c)
        .contains("\"'=HYPERLINK(\"\"x\"\")\"", "2026-02-03 12:00:00 北京时间（UTC+8）", Samples.SHA);
    assertThat(ReportCsv.cell("-12")).isEqualTo("-12");
    assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(ReportCsv.cell("a\nb")).isEqualTo("a\uFFFDb");
  }

  @Test
  void inert_replacesControlsAndBidiKeepsChinese() {
    assertThat(InertText.of("群\u2066名\u0007\u0085")).isEqualTo("群\uFFFD名\uFFFD\uFFFD");
    assertThat(InertText.of("正常 name"))
        .isSameAs(InertText.of("正常 name") == null ? null : InertText.of("正常 name"));
  }

  @Test
  void html_factReadFromAScreenshot_markedAsReadWithItsSourceAndListed() {
    String h = ReportHtml.toText(Samples.reportWithRead(), Map.of(), Times.BEIJING);
    String facts = h.substring(h.indexOf("导出可证明的事实"));
    assertThat(facts)
        .contains("从截图识别，需核对原件", "read from a screenshot", "1.2K views", "/x/shot.png");
    assertThat(h).contains("从截图和网页识别的数值", "浏览量：1200「1.2K views」（0.91）", "10,20,300,200");
    assertThat(ReportHtml.toText(Samples.report(), Map.of(), Times.BEIJING))
        .doesNotContain("从截图识别", "从截图和网页识别的数值");
  }
}
