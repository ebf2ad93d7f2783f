package org.redress.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The small rules: placeholders, unsafe paths, dates, limits. */
class PathRulesTest {
  @Test
  void placeholder_telegramTexts_mapToTheirReasons() {
    assertThat(
            ExportFiles.placeholder(
                "(File not included. Change data exporting settings to download.)"))
        .isEqualTo(UncheckedReason.NOT_INCLUDED);
    assertThat(
            ExportFiles.placeholder(
                "(Photo exceeds maximum size. Change data exporting settings to download.)"))
        .isEqualTo(UncheckedReason.EXCEEDS_MAX_SIZE);
    assertThat(ExportFiles.placeholder("contact (File unavailable, please try again later)"))
        .isEqualTo(UncheckedReason.UNAVAILABLE);
    assertThat(ExportFiles.placeholder("(Something new)"))
        .isEqualTo(UncheckedReason.UNKNOWN_PLACEHOLDER);
    assertThat(ExportFiles.placeholder("photos/photo_1@01-01-2024_00-00-00.jpg")).isNull();
  }

  @Property(tries = 200)
  void unsafe_anyDotDotSegment_isAnEscape(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String a,
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String b,
      @ForAll boolean backslash) {
    String sep = backslash ? "\\" : "/";
    assertThat(ExportFiles.unsafe(a + sep + ".." + sep + ".." + sep + b))
        .isEqualTo(UncheckedReason.PATH_ESCAPE);
    assertThat(ExportFiles.unsafe(a + sep + b)).isNull();
    assertThat(ExportFiles.unsafe(a + sep + "..." + b)).as("dots inside a name are fine").isNull();
  }

  @Test
  void unsafe_absolutePaths_areRefused() {
    assertThat(ExportFiles.unsafe("/etc/passwd")).isEqualTo(UncheckedReason.ABSOLUTE_PATH);
    assertThat(ExportFiles.unsafe("\\\\server\\share\\x.jpg"))
        .isEqualTo(UncheckedReason.ABSOLUTE_PATH);
    assertThat(ExportFiles.unsafe("C:\\x.jpg")).isEqualTo(UncheckedReason.ABSOLUTE_PATH);
    assertThat(ExportFiles.unsafe("c:x.jpg")).isEqualTo(UncheckedReason.ABSOLUTE_PATH);
  }

  @Test
  void postDate_offsetInDateString_givesTheInstant() {
    PostDate d = PostDate.of("2026-07-16T08:30:00+02:00", null);

    assertThat(d.utc()).contains(Instant.parse("2026-07-16T06:30:00Z"));
    assertThat(d.local()).contains(LocalDateTime.of(2026, 7, 16, 8, 30));
    assertThat(d.zoneUnknown()).isFalse();
  }

  @Test
  void postDate_garbage_keepsTheTextAndFlagsZoneUnknown() {
    PostDate d = PostDate.of("yesterday", "not a number");

    assertThat(d.utc()).isEmpty();
    assertThat(d.local()).isEmpty();
    assertThat(d.exported()).isEqualTo("yesterday");
    assertThat(d.zoneUnknown()).isTrue();
    assertThat(d.toString()).isEqualTo("yesterday (zone unknown)");
  }

  @Test
  void limits_badValues_areRejectedNamingThem() {
    assertThatThrownBy(() -> Limits.builder().zipMaxBytes(0))
        .hasMessage("zip max bytes must be positive, was 0");
    assertThatThrownBy(() -> Limits.builder().zipMaxEntries(-3))
        .hasMessage("zip max entries must be positive, was -3");
    assertThat(Limits.bytes(64L << 30)).isEqualTo("64 GiB");
    assertThat(Limits.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(Limits.bytes(1000)).isEqualTo("1000 bytes");
  }
}
