package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A count read from a screenshot or a web page is said to be read and unconfirmed. */
class ReadCountsTest {
  @TempDir Path dir;

  private CaseInputs inputs(String provenance) throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("facts.yaml"),
            "schema: redress/case-facts@1\nas_of: 2026-11-24\n"
                + "distribution:\n  shared: true\n  counts:\n    videos: 2\n    clicks: 126700\n"
                + "  group:\n    members: 12300\n"
                + provenance,
            StandardCharsets.UTF_8);
    return CaseInputs.files(f).read();
  }

  @Test
  void policeReport_readCounts_saySourceAndUnconfirmed() throws IOException {
    CaseInputs in =
        inputs(
            "facts_provenance:\n"
                + "  distribution.counts.clicks:\n    read_from: screenshot\n    source: a.jpg\n"
                + "  distribution.group.members:\n    read_from: captured_page\n"
                + "    source: https://t.me/s/x\n");
    String zh = SampleCase.documents().markup(DocumentKind.POLICE_REPORT, Lang.ZH, in);
    String en = SampleCase.documents().markup(DocumentKind.POLICE_REPORT, Lang.EN, in);
    assertThat(zh)
        .contains("实际点击126700次（由截图识别，尚未核实，需核对原件）")
        .contains("所涉群组成员12300人（由网页识别，尚未核实，需核对原件）")
        .contains("视频2个、");
    assertThat(en)
        .contains("126700 views (read from a screenshot, not yet confirmed)")
        .contains("12300 members (read from a web page, not yet confirmed)");
  }

  @Test
  void policeReport_countedNumbers_carryNoReadNote() throws IOException {
    String zh = SampleCase.documents().markup(DocumentKind.POLICE_REPORT, Lang.ZH, inputs(""));
    assertThat(zh).contains("实际点击126700次").doesNotContain("识别，尚未核实");
  }
}
