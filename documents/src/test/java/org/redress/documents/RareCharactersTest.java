package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 17 point 7: an emoji, a CJK extension-B character, Uyghur, Tibetan or Mongolian in a chat
 * name no longer stops the police report, the takedown notice or the 12377 report. Each character
 * is either drawn (a fallback font has it) or drawn as □ with a warning naming it; the document is
 * always written.
 */
class RareCharactersTest {
  /** 😀, 𠀀 (U+20000), Uyghur ئۇ, Tibetan བོད, Mongolian ᠮᠣᠩ. */
  static final String NAME = "群\uD83D\uDE00\uD840\uDC00ئۇབོད\u182E\u1823\u1829";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = DocumentKind.class,
      names = {"POLICE_REPORT", "TAKEDOWN_NOTICE", "REPORT_12377"})
  void pdf_chatNameWithRareCharacters_isWrittenAndEveryCharacterShownOrReported(DocumentKind kind)
      throws IOException {
    String report =
        Files.readString(SampleCase.file("spread-report.json"), StandardCharsets.UTF_8)
            .replace("同城交流群", NAME);
    Path r = Files.writeString(dir.resolve("report.json"), report, StandardCharsets.UTF_8);
    CaseInputs in =
        CaseInputs.files(SampleCase.file("facts.yaml"))
            .report(r)
            .parties(SampleCase.file("parties.yaml"))
            .read();
    List<String> warnings = new ArrayList<>();
    Documents docs =
        Documents.builder()
            .date(SampleCase.DATE)
            .generator(SampleCase.GENERATOR)
            .warnings(warnings::add)
            .build();

    byte[] pdf = docs.render(kind, Lang.ZH, OutputFormat.PDF, in);

    String text = Rendered.extract(OutputFormat.PDF, pdf);
    assertThat(text).contains("群");
    NAME.codePoints()
        .skip(1)
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              boolean reported =
                  warnings.stream()
                      .anyMatch(
                          w -> w.contains(String.format(java.util.Locale.ROOT, "U+%04X", cp)));
              assertThat(text.contains(ch) || reported).as("U+%04X shown or reported", cp).isTrue();
              if (reported) {
                assertThat(text).contains("\u25A1");
              }
            });
  }

  @org.junit.jupiter.api.Test
  void pdf_characterNoFontHas_reachesTheFrontEndTypedWithoutACommandLineRemedy()
      throws IOException {
    String report =
        Files.readString(SampleCase.file("spread-report.json"), StandardCharsets.UTF_8)
            .replace("同城交流群", NAME);
    Path r = Files.writeString(dir.resolve("report.json"), report, StandardCharsets.UTF_8);
    CaseInputs in = CaseInputs.files(SampleCase.file("facts.yaml")).report(r).read();
    List<MissingGlyph> glyphs = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    Documents.Builder b =
        Documents.builder()
            .date(SampleCase.DATE)
            .generator(SampleCase.GENERATOR)
            .fallbackFonts(List.of());

    b.missingGlyphs(glyphs::add)
        .build()
        .render(DocumentKind.POLICE_REPORT, Lang.ZH, OutputFormat.PDF, in);
    Documents.builder()
        .date(SampleCase.DATE)
        .generator(SampleCase.GENERATOR)
        .fallbackFonts(List.of())
        .warnings(lines::add)
        .build()
        .render(DocumentKind.POLICE_REPORT, Lang.ZH, OutputFormat.PDF, in);

    assertThat(glyphs).extracting(MissingGlyph::codePoint).contains(0x20000);
    assertThat(glyphs).allMatch(g -> g.file().equals("police-report.zh.pdf"));
    assertThat(lines).hasSameSizeAs(glyphs);
    assertThat(lines)
        .anyMatch(l -> l.contains("U+20000") && l.contains(MissingGlyph.FONT_PACKAGES))
        .noneMatch(l -> l.contains("--"));
  }
}
