package org.redress.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons lower modules give in English (a file that cannot be decoded, a source that cannot be
 * read, a bank's quality floor), worded in the interface language. The lower modules speak English
 * in their own terms; this is the one place the command line turns those texts into Chinese: {@code
 * msg/reasons.properties} holds, in order, the expression each English text matches, and {@code
 * reasons_zh.properties} the Chinese with the expression's groups as arguments.
 */
final class Reasons {
  private record Rule(String key, Pattern pattern) {}

  private static volatile List<Rule> rules;

  private Reasons() {}

  /**
   * The reason in the interface language: as it is in English; in Chinese the matching message, or
   * {@code general} (a message of {@code area}) when no expression matches.
   */
  static String say(String english, String area, String general) {
    if (!Msg.zh() || english == null) {
      return english;
    }
    return chinese(english).orElseGet(() -> Msg.get(area, general));
  }

  /** The Chinese wording of an English reason, when one of the expressions matches it. */
  static Optional<String> chinese(String english) {
    String text = english.strip();
    for (Rule r : rules()) {
      Matcher m = r.pattern().matcher(text);
      if (m.matches()) {
        Object[] groups = new Object[m.groupCount()];
        for (int i = 0; i < groups.length; i++) {
          groups[i] = m.group(i + 1);
        }
        return Optional.of(
            String.format(Locale.ROOT, Msg.pattern("reasons", r.key(), true), groups));
      }
    }
    return Optional.empty();
  }

  /**
   * A "PATH: reason" text (a source's refusal, a problem while reading) in the interface language:
   * the path kept, the reason worded; in Chinese an unknown reason becomes {@code general}.
   */
  static String pathAndReason(String text, String path, String area, String general) {
    if (!Msg.zh() || text == null) {
      return text;
    }
    String reason = text;
    String prefix = "";
    if (path != null && text.startsWith(path + ": ")) {
      prefix = path;
      reason = text.substring(path.length() + 2);
    } else {
      int at = text.lastIndexOf(": ");
      while (at > 0) {
        Optional<String> zh = chinese(text.substring(at + 2));
        if (zh.isPresent()) {
          return text.substring(0, at) + "：" + zh.get();
        }
        at = text.lastIndexOf(": ", at - 1);
      }
    }
    if (prefix.isEmpty() && path == null && text.indexOf(": ") > 0) {
      prefix = text.substring(0, text.indexOf(": ")); // the file named first is kept
    }
    String said = chinese(reason).orElseGet(() -> Msg.get(area, general));
    return prefix.isEmpty() ? said : prefix + "：" + said;
  }

  private static List<Rule> rules() {
    List<Rule> r = rules;
    if (r == null) {
      java.util.ResourceBundle en = UiLang.bundle("org.redress.cli.msg.reasons", Locale.ROOT);
      List<String> keys = new ArrayList<>(en.keySet());
      keys.sort(null);
      r = new ArrayList<>();
      for (String k : keys) {
        r.add(new Rule(k, Pattern.compile(en.getString(k))));
      }
      rules = r = List.copyOf(r);
    }
    return r;
  }
}
