package org.redress.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli's own parse errors (unknown option, missing option or parameter, bad value, an option
 * given twice, a missing subcommand) worded in Chinese for {@code --lang zh}, one line each. What
 * the person typed (options, values) is quoted as typed; a message a command wrote itself in
 * Chinese is kept; anything else is quoted after a Chinese lead, never shown bare.
 */
final class ParseErrorsZh {
  private static final Pattern INVALID =
      Pattern.compile(
          "Invalid value for (?:option '([^']+)'|positional parameter at index \\S+ \\(([^)]*)\\))"
              + ": (.*)");
  private static final Pattern WAS = Pattern.compile("(?:but was|^)\\s*'([^']*)'");
  private static final Pattern ONE_OF = Pattern.compile("expected one of \\[([^\\]]*)\\]");
  private static final Pattern NEEDS_VALUE =
      Pattern.compile(
          "(?:Missing required parameter for option|Expected parameter for option)"
              + " '([^']+)'.*");
  private static final Pattern TWICE =
      Pattern.compile(
          "(?:option|positional parameter) '?([^' ]+)'?.* should be specified only once");
  private static final Pattern SUBCOMMAND =
      Pattern.compile("(?i)missing (?:required )?(\\S+ )?subcommand");

  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z][\\w-]*");

  private ParseErrorsZh() {}

  /** The error in Chinese, without the help hint. */
  static String message(CommandLine.ParameterException ex) {
    String m = ex.getMessage() == null ? "" : ex.getMessage().strip();
    if (m.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      return m;
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      return unmatched(u);
    }
    Matcher needs = NEEDS_VALUE.matcher(m);
    if (needs.matches()) {
      return "选项 " + needs.group(1) + " 缺少值";
    }
    if (ex instanceof CommandLine.MissingParameterException mp && !mp.getMissing().isEmpty()) {
      return missing(mp.getMissing());
    }
    Matcher inv = INVALID.matcher(m);
    if (inv.matches()) {
      String what = inv.group(1) != null ? "选项 " + inv.group(1) : "参数 " + inv.group(2);
      String rest = inv.group(3);
      Matcher oneOf = ONE_OF.matcher(rest);
      Matcher was = WAS.matcher(rest);
      String value = was.find() ? "“" + was.group(1) + "”" : "";
      if (oneOf.find()) {
        return what + " 的值" + value + "无效，只能是：" + oneOf.group(1);
      }
      return what + " 的值" + value + "无效";
    }
    Matcher twice = TWICE.matcher(m);
    if (twice.find()) {
      return "选项 " + twice.group(1) + " 只能给一次";
    }
    if (SUBCOMMAND.matcher(m).matches()) {
      return "缺少子命令";
    }
    if (m.contains("mutually exclusive")) {
      List<String> options = new ArrayList<>();
      Matcher o = OPTION.matcher(m);
      while (o.find()) {
        options.add(o.group());
      }
      return "这些选项不能同时使用：" + String.join("、", options);
    }
    // Picocli's other messages are English sentences: a Chinese lead, never the sentence itself.
    return "命令行有误（详细原因目前只有英文，加 --lang en 重新运行即可查看）";
  }

  private static String unmatched(CommandLine.UnmatchedArgumentException u) {
    List<String> args = u.getUnmatched();
    boolean option = !args.isEmpty() && args.get(0).startsWith("-");
    String listed = String.join(" ", args);
    String lead = option ? "未知选项：" : "多余的参数或未知命令：";
    List<String> suggestions = u.getSuggestions();
    String hint =
        suggestions.isEmpty()
            ? ""
            : "；您是否要输入 "
                + String.join("、", suggestions.subList(0, Math.min(3, suggestions.size())));
    return lead + listed + hint;
  }

  /** A label as typed; quoted when it holds lowercase letters (OUT.html), so it reads as a name. */
  private static String label(String l) {
    return l.chars().anyMatch(Character::isLowerCase) ? "“" + l + "”" : l;
  }

  private static String missing(List<ArgSpec> specs) {
    List<String> options = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (ArgSpec a : specs) {
      if (a instanceof OptionSpec o) {
        options.add(o.longestName() + (o.arity().max() > 0 ? " " + label(o.paramLabel()) : ""));
      } else if (a instanceof PositionalParamSpec p) {
        params.add(label(p.paramLabel()));
      }
    }
    List<String> parts = new ArrayList<>();
    if (!options.isEmpty()) {
      parts.add("缺少必需的选项：" + String.join("、", options));
    }
    if (!params.isEmpty()) {
      parts.add("缺少必需的参数：" + String.join("、", params));
    }
    return String.join("；", parts);
  }
}
