package org.redress.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.redress.casework.Casework;

/**
 * The one "today" of every command: a clock and a zone. The zone is Asia/Shanghai unless {@code
 * REDRESS_ZONE} names another; {@code REDRESS_NOW} (an ISO-8601 instant) fixes the clock for
 * reproducible runs (tests, demos, re-drafting a document as of a day). System properties {@code
 * redress.zone} and {@code redress.now} take precedence over the environment.
 */
final class Today {
  static final String NOW_ENV = "REDRESS_NOW";
  static final String ZONE_ENV = "REDRESS_ZONE";

  private Today() {}

  static ZoneId zone() {
    String z = setting("redress.zone", ZONE_ENV);
    if (z == null) {
      return ZoneId.of("Asia/Shanghai");
    }
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw new ExitCodes.UsageException(ZONE_ENV + ": not a time zone: \"" + z + "\"");
    }
  }

  static Clock clock() {
    String now = setting("redress.now", NOW_ENV);
    if (now == null) {
      return Clock.system(zone());
    }
    try {
      return Clock.fixed(Instant.parse(now), zone());
    } catch (DateTimeParseException e) {
      throw new ExitCodes.UsageException(
          NOW_ENV + ": not an ISO-8601 instant (like" + " 2026-03-01T08:00:00Z): \"" + now + "\"");
    }
  }

  static Instant instant() {
    return clock().instant();
  }

  static LocalDate date() {
    return LocalDate.now(clock());
  }

  /** The casework of a workspace directory, with this clock and zone. */
  static Casework casework(Path workspace) {
    return Casework.builder(workspace)
        .clock(clock())
        .zone(zone())
        .user(System.getProperty("user.name", "unknown"))
        .build();
  }

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }
}
