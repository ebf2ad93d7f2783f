package org.redress.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A site's {@code robots.txt} (RFC 9309), for one user agent: the group naming the agent, else the
 * {@code *} group; the longest matching {@code Allow} or {@code Disallow} rule wins, {@code Allow}
 * on a tie; {@code *} and {@code $} in rules are honoured. A missing file (4xx) allows all.
 */
final class Robots {
  private final List<String> allow;
  private final List<String> disallow;

  private Robots(List<String> allow, List<String> disallow) {
    this.allow = allow;
    this.disallow = disallow;
  }

  static Robots allowAll() {
    return new Robots(List.of(), List.of());
  }

  /** Everything disallowed (a robots.txt that could not be fetched for a server error). */
  static Robots disallowAll() {
    return new Robots(List.of(), List.of("/"));
  }

  static Robots parse(String text, String agentToken) {
    String agent = agentToken.toLowerCase(Locale.ROOT);
    List<String> specificAllow = new ArrayList<>();
    List<String> specificDisallow = new ArrayList<>();
    List<String> starAllow = new ArrayList<>();
    List<String> starDisallow = new ArrayList<>();
    boolean inSpecific = false;
    boolean inStar = false;
    boolean lastWasAgent = false;
    boolean sawSpecific = false;
    for (String raw : text.split("\r?\n|\r")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (!lastWasAgent) {
          inSpecific = false;
          inStar = false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("*")) {
          inStar = true;
        } else if (!v.isEmpty() && agent.contains(v)) {
          inSpecific = true;
          sawSpecific = true;
        }
        lastWasAgent = true;
        continue;
      }
      lastWasAgent = false;
      if (key.equals("allow") || key.equals("disallow")) {
        if (value.isEmpty()) {
          continue; // "Disallow:" with nothing allows all
        }
        if (inSpecific) {
          (key.equals("allow") ? specificAllow : specificDisallow).add(value);
        }
        if (inStar) {
          (key.equals("allow") ? starAllow : starDisallow).add(value);
        }
      }
    }
    return sawSpecific
        ? new Robots(specificAllow, specificDisallow)
        : new Robots(starAllow, starDisallow);
  }

  /** True when the path (with its query) may be fetched. */
  boolean allowed(String pathAndQuery) {
    String p = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    int a = longest(allow, p);
    int d = longest(disallow, p);
    return d < 0 || a >= d;
  }

  private static int longest(List<String> rules, String path) {
    int best = -1;
    for (String r : rules) {
      if (matches(r, path) && r.length() > best) {
        best = r.length();
      }
    }
    return best;
  }

  private static boolean matches(String rule, String path) {
    boolean anchored = rule.endsWith("$");
    String r = anchored ? rule.substring(0, rule.length() - 1) : rule;
    StringBuilder re = new StringBuilder();
    for (String part : r.split("\\*", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(java.util.regex.Pattern.quote(part));
    }
    return path.matches(re + (anchored ? "" : ".*"));
  }
}
