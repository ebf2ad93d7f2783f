package org.redress.sources;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a message was sent, as exported. Telegram Desktop writes {@code date} as the exporting
 * computer's local time without an offset, and (since late 2021) {@code date_unixtime} as a string
 * of epoch seconds. Without {@code date_unixtime} the instant is unknown: the naive local time is
 * kept and {@link #zoneUnknown()} says so.
 */
public final class PostDate {
  private static final PostDate UNKNOWN = new PostDate(null, "", null, true);

  /** The earliest instant taken as a real message date (before Telegram existed: 2000-01-01). */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** The latest instant taken as a real message date (2100-01-01). */
  static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /** {@code 03.02.2026 08:01:00}: how the HTML export writes a date before its offset. */
  private static final DateTimeFormatter HTML_DATE =
      DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private final Instant utc;
  private final String exported;
  private final LocalDateTime local;
  private final boolean zoneUnknown;

  private PostDate(Instant utc, String exported, LocalDateTime local, boolean zoneUnknown) {
    this.utc = utc;
    this.exported = exported;
    this.local = local;
    this.zoneUnknown = zoneUnknown;
  }

  /** A message without any date (Telegram's {@code unsupported} messages). */
  public static PostDate unknown() {
    return UNKNOWN;
  }

  /**
   * The date of a message from its exported fields.
   *
   * @param date the {@code date} string, or null when absent
   * @param unixtime the {@code date_unixtime} value (decimal epoch seconds), or null when absent
   * @return the date; never null
   */
  public static PostDate of(String date, String unixtime) {
    String exported = date == null ? "" : date;
    LocalDateTime local = null;
    Instant utc = null;
    if (!exported.isEmpty()) {
      try {
        local = LocalDateTime.parse(exported);
      } catch (DateTimeParseException e) {
        try {
          OffsetDateTime odt = OffsetDateTime.parse(exported);
          utc = odt.toInstant();
          local = odt.toLocalDateTime();
        } catch (DateTimeParseException e2) {
          // kept as text only
        }
      }
    }
    if (unixtime != null) {
      Instant u = epoch(unixtime);
      if (u != null) {
        utc = u;
      }
    }
    if (utc == null && local == null && exported.isEmpty()) {
      return UNKNOWN;
    }
    return new PostDate(utc, exported, local, utc == null);
  }

  /**
   * The instant {@code unixtime} (decimal epoch seconds) names, or null when it is not a number or
   * lies outside 2000-2099 (no real message was sent then; such a value is damage or forgery).
   */
  static Instant epoch(String unixtime) {
    try {
      Instant i = Instant.ofEpochSecond(Long.parseLong(unixtime.trim()));
      return i.isBefore(EARLIEST) || !i.isBefore(LATEST) ? null : i;
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  /**
   * The date of a message in a Telegram HTML export, from the {@code title} of its date element:
   * {@code 03.02.2026 08:01:00 UTC+08:00} (the exporting computer's offset, since 2023), or without
   * the offset in older exports (then the zone is unknown).
   *
   * @param title the title text, trimmed or not
   * @return the date, or null when the text is not such a date (or lies outside 2000-2099)
   */
  public static PostDate ofHtml(String title) {
    String t = title.strip();
    String datePart = t;
    ZoneOffset offset = null;
    int utcAt = t.indexOf(" UTC");
    if (utcAt >= 0) {
      datePart = t.substring(0, utcAt);
      String off = t.substring(utcAt + 4).strip();
      try {
        offset = off.isEmpty() ? ZoneOffset.UTC : ZoneOffset.of(off);
      } catch (DateTimeException e) {
        return null;
      }
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(datePart, HTML_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
    Instant utc = offset == null ? null : local.toInstant(offset);
    Instant check = utc != null ? utc : local.toInstant(ZoneOffset.UTC);
    if (check.isBefore(EARLIEST) || !check.isBefore(LATEST)) {
      return null;
    }
    return new PostDate(utc, t, local, utc == null);
  }

  /** The instant in UTC, when the export states it ({@code date_unixtime} or an offset). */
  public Optional<Instant> utc() {
    return Optional.ofNullable(utc);
  }

  /** The {@code date} string exactly as exported; empty when absent. */
  public String exported() {
    return exported;
  }

  /** The exported date as a wall-clock time in the exporter's (unknown) zone, when parseable. */
  public Optional<LocalDateTime> local() {
    return Optional.ofNullable(local);
  }

  /** True when the export gives no instant: only a naive local time, or nothing. */
  public boolean zoneUnknown() {
    return zoneUnknown;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostDate d
        && Objects.equals(utc, d.utc)
        && exported.equals(d.exported)
        && Objects.equals(local, d.local)
        && zoneUnknown == d.zoneUnknown;
  }

  @Override
  public int hashCode() {
    return Objects.hash(utc, exported, local, zoneUnknown);
  }

  /** {@code 2024-01-15T10:30:00Z (exported 2024-01-15T18:30:00)} or {@code ... (zone unknown)}. */
  @Override
  public String toString() {
    if (utc != null) {
      return utc + " (exported " + exported + ")";
    }
    return exported.isEmpty() ? "(no date)" : exported + " (zone unknown)";
  }
}
