package org.redress.cli;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.redress.cases.HashValue;
import org.redress.cases.Workspace;

/** Helpers shared by the commands that use the workspace database. */
final class Workspaces {
  private Workspaces() {}

  /** Opens (creating and migrating) the workspace chosen by the option. */
  static Workspace open(WorkspaceOption option) {
    String user = System.getProperty("user.name", "unknown");
    return Workspace.open(option.dir(), Today.clock(), user);
  }

  /** Parses {@code SIGNAL:VALUE} given on the command line; a bad value is a usage error. */
  static HashValue parseTagged(String arg) {
    try {
      return HashValue.parseTagged(arg);
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UsageException(e.getMessage());
    }
  }

  /** An instant as ISO-8601 UTC, seconds precision; in Chinese, Beijing time with the zone. */
  static String iso(Instant t) {
    if (t != null && Msg.zh()) {
      return Msg.timeSeconds(t);
    }
    return t == null
        ? "-"
        : DateTimeFormatter.ISO_INSTANT.format(
            t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /** A short form of a hash for tables: vPDQ as its frame count. */
  static String shortValue(HashValue h) {
    if (h.signal() == org.redress.match.Signal.VPDQ) {
      return Msg.get("common", "frames", h.frames().size());
    }
    return h.value();
  }
}
