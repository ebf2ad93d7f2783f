package org.redress.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as people in a zone read them, with the zone named. */
public final class Times {
  /** Beijing time, the default zone of every view. */
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter F =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Times() {}

  /** {@code 2026-03-01 14:05:09 北京时间（UTC+8）}, or the zone's id and offset elsewhere. */
  public static String zh(Instant t, ZoneId zone) {
    return F.format(t.atZone(zone)) + " " + zoneZh(zone, t);
  }

  /** {@code 2026-03-01 14:05:09 Beijing time (UTC+8)}, or the zone's id and offset elsewhere. */
  public static String en(Instant t, ZoneId zone) {
    return F.format(t.atZone(zone)) + " " + zoneEn(zone, t);
  }

  /** The zone's name in Chinese with its offset at {@code t}. */
  public static String zoneZh(ZoneId zone, Instant t) {
    String off = offset(zone, t);
    return zone.equals(BEIJING) ? "北京时间（" + off + "）" : zone.getId() + "（" + off + "）";
  }

  /** The zone's name in English with its offset at {@code t}. */
  public static String zoneEn(ZoneId zone, Instant t) {
    String off = offset(zone, t);
    return zone.equals(BEIJING) ? "Beijing time (" + off + ")" : zone.getId() + " (" + off + ")";
  }

  private static String offset(ZoneId zone, Instant t) {
    int secs = zone.getRules().getOffset(t).getTotalSeconds();
    if (secs == 0) {
      return "UTC";
    }
    int abs = Math.abs(secs);
    String hm =
        abs % 3600 == 0
            ? Integer.toString(abs / 3600)
            : String.format(Locale.ROOT, "%d:%02d", abs / 3600, abs % 3600 / 60);
    return "UTC" + (secs < 0 ? "-" : "+") + hm;
  }
}
