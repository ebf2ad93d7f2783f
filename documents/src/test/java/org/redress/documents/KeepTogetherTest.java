package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A filing's closing block (此致 … the court … 具状人 … 日期 … 附) is never split across pages: the page
 * that holds the block's first line is the filing's last page. Every kind with a signature, both
 * languages, both layouts, read back page by page with PDFBox.
 */
class KeepTogetherTest {
  /** The first line of each kind's closing block. */
  private static final Map<DocumentKind, List<String>> FIRST_LINE =
      Map.of(
          DocumentKind.POLICE_REPORT, List.of("此致", "To:"),
          DocumentKind.CIVIL_COMPLAINT, List.of("此致", "To:"),
          DocumentKind.PRIVATE_PROSECUTION, List.of("此致", "To:"),
          DocumentKind.TAKEDOWN_NOTICE, List.of("六、通知人声明", "6.Declaration"),
          DocumentKind.TAKEDOWN_NOTICE_AGENT, List.of("六、通知人声明", "6.Declaration"),
          DocumentKind.TAKEDOWN_NOTICE_FOREIGN, List.of("", "6.Declaration"),
          DocumentKind.REPORT_12377, List.of("举报人联系方式", "Contactofthereportingperson"),
          DocumentKind.EVIDENCE_LIST, List.of("4.本目录中的时间", "4.Alltimesinthislist"));

  static Stream<Arguments> signedPapers() {
    List<Arguments> out = new ArrayList<>();
    for (DocumentKind k : FIRST_LINE.keySet()) {
      for (Lang l : k.languages()) {
        out.add(Arguments.of(k, l, Documents.Layout.NARRATIVE));
        if (k == DocumentKind.CIVIL_COMPLAINT || k == DocumentKind.PRIVATE_PROSECUTION) {
          out.add(Arguments.of(k, l, Documents.Layout.ELEMENTS));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("signedPapers")
  void closingBlock_sampleCase_staysOnTheLastPage(
      DocumentKind kind, Lang lang, Documents.Layout layout) throws IOException {
    Documents docs =
        Documents.builder()
            .date(SampleCase.DATE)
            .generator(SampleCase.GENERATOR)
            .layout(layout)
            .build();
    byte[] pdf = docs.render(kind, lang, OutputFormat.PDF, SampleCase.full());
    keepForReview(kind, lang, layout, pdf);
    List<String> pages = pages(pdf);
    String first = FIRST_LINE.get(kind).get(lang == Lang.ZH ? 0 : 1);
    int at = -1;
    for (int p = 0; p < pages.size(); p++) {
      if (pages.get(p).contains(first)) {
        at = p;
      }
    }
    assertThat(at).as("page holding \"" + first + "\"").isGreaterThanOrEqualTo(0);
    assertThat(at + 1)
        .as("the closing block starting with \"" + first + "\" ends on the same page")
        .isEqualTo(pages.size());
    String date = lang == Lang.ZH ? "2026年11月25日" : "25November2026";
    assertThat(pages.get(at)).contains(date);
  }

  /** The text of each page, whitespace removed. */
  static List<String> pages(byte[] pdf) throws IOException {
    List<String> out = new ArrayList<>();
    try (PDDocument pd = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper();
      for (int p = 1; p <= pd.getNumberOfPages(); p++) {
        s.setStartPage(p);
        s.setEndPage(p);
        out.add(Rendered.squash(s.getText(pd)));
      }
    }
    return out;
  }

  private static void keepForReview(
      DocumentKind kind, Lang lang, Documents.Layout layout, byte[] pdf) {
    try {
      Path dir = Path.of("target", "review-pages");
      Files.createDirectories(dir);
      String name =
          kind.id()
              + (layout == Documents.Layout.ELEMENTS ? ".elements." : ".")
              + lang.code()
              + ".pdf";
      Files.write(dir.resolve(name), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
