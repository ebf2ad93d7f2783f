package org.redress.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.law.Finding;
import org.redress.law.Findings;
import org.redress.law.LawBook;
import org.redress.law.Provision;

/** Renders findings as a readable plan in Chinese or English. */
final class AssessPlan {
  private static final List<String> ROUTE_ORDER =
      List.of("other", "administrative", "criminal", "civil");
  private static final List<String> STATUS_ORDER =
      List.of("applies", "possible", "time_barred", "not_applicable");

  private AssessPlan() {}

  static String render(org.redress.law.Assessment assessment, LawBook book, String lang) {
    Findings f = assessment.findings();
    boolean zh = lang.equals("zh");
    StringBuilder out = new StringBuilder();
    out.append(zh ? "Redress 法律评估" : "Redress legal assessment").append(" — ")
        .append(zh ? "评估日 " : "as of ").append(f.asOf())
        .append(zh ? "，行为日 " : ", conduct date ").append(f.conductDate()).append('\n');
    out.append("! ").append(Findings.NOTICE.in(lang)).append("\n\n");

    List<Finding> open = new ArrayList<>();
    for (Finding x : f.findings()) {
      if (!x.status().equals("not_applicable")) {
        open.add(x);
      }
    }
    open.sort(Comparator
        .comparing((Finding x) -> STATUS_ORDER.indexOf(x.status()))
        .thenComparing(x -> ROUTE_ORDER.indexOf(x.route()))
        .thenComparing(x -> x.deadline() == null || x.deadline().date() == null
            ? LocalDate.MAX : x.deadline().date()));

    out.append(zh ? "可采取的途径（按现在即可行动的顺序）" : "Routes, in order of what you can do now")
        .append('\n');
    if (open.isEmpty()) {
      out.append(zh ? "  （根据现有事实，没有适用的条文）" : "  (no provision applies on these facts)")
          .append('\n');
    }
    int n = 1;
    for (Finding x : open) {
      Provision p = book.provision(x.provision()).orElseThrow();
      out.append(String.format(java.util.Locale.ROOT, "%2d. [%s] %s %s — %s%n", n++,
          label(x.status(), zh), p.instrument().title().in(lang), p.article().in(lang),
          x.provision()));
      out.append("    ").append(zh ? "途径：" : "Route: ").append(route(x.route(), zh))
          .append(zh ? "；去哪里：" : "; where: ").append(x.authority().in(lang)).append('\n');
      if (x.tier() != null && x.penalty() != null) {
        out.append("    ").append(zh ? "处罚：" : "Penalty: ").append(x.penalty().in(lang))
            .append(" (").append(x.tier()).append(")\n");
      }
      if (x.deadline() != null) {
        out.append("    ").append(zh ? "期限：" : "Deadline: ").append(deadline(x, zh)).append('\n');
      }
      if (!x.missing().isEmpty()) {
        out.append("    ").append(zh ? "尚需：" : "Still needed: ")
            .append(String.join(", ", x.missing())).append('\n');
      }
      out.append("    ").append(x.explanation().in(lang)).append('\n');
      if (!x.unconfirmed().isEmpty()) {
        out.append("    ").append(zh ? "未确认/推导：" : "UNCONFIRMED/DERIVED: ")
            .append(String.join("; ", x.unconfirmed())).append('\n');
      }
    }

    Map<String, String> needed = new LinkedHashMap<>();
    for (Finding x : open) {
      if (x.status().equals("possible")) {
        for (String m : x.missing()) {
          needed.put(m, book.determination(m).map(t -> t.in(lang))
              .orElse(zh ? "事实未提供" : "fact not given"));
        }
      }
    }
    if (!needed.isEmpty()) {
      out.append('\n').append(zh ? "仍需的证据或认定" : "Evidence or determinations still needed")
          .append('\n');
      needed.forEach((k, v) -> out.append("  - ").append(k).append(": ").append(v).append('\n'));
    }

    List<Finding> dated = new ArrayList<>();
    for (Finding x : open) {
      if (x.deadline() != null && x.deadline().date() != null) {
        dated.add(x);
      }
    }
    dated.sort(Comparator.comparing(x -> x.deadline().date()));
    if (!dated.isEmpty()) {
      out.append('\n').append(zh ? "期限（按日期）" : "Deadlines (by date)").append('\n');
      for (Finding x : dated) {
        Finding.Deadline d = x.deadline();
        out.append("  ").append(d.date()).append("  ").append(x.provision()).append("  ")
            .append(d.kind()).append(" (").append(d.basis()).append(')');
        if (d.stoppedOn() != null) {
          out.append(zh ? "；已于 " + d.stoppedOn() + " 报案" : "; police told " + d.stoppedOn());
        }
        if (x.status().equals("time_barred")) {
          out.append(zh ? "；已过期" : "; passed");
        }
        out.append('\n');
      }
    }

    if (!f.notAssessed().isEmpty()) {
      out.append('\n')
          .append(zh ? "未评估（数据未覆盖该日期）" : "Not assessed (the data does not cover the date)")
          .append('\n');
      Set<String> seen = new LinkedHashSet<>();
      for (Findings.NotAssessed a : f.notAssessed()) {
        if (seen.add(a.reason())) {
          out.append("  - ").append(a.reason()).append('\n');
        }
      }
    }
    out.append('\n').append(zh ? "举报网上违法内容：12377（www.12377.cn）。紧急情况请拨打 110。"
        : "Report illegal online content: 12377 (www.12377.cn). In an emergency call 110.")
        .append('\n');
    return out.toString();
  }

  private static String deadline(Finding x, boolean zh) {
    Finding.Deadline d = x.deadline();
    StringBuilder s = new StringBuilder();
    if (d.date() == null) {
      s.append(d.kind().equals("none") ? (zh ? "无时效限制" : "no time limit")
          : (zh ? "尚无法计算" : "cannot be computed yet"));
    } else {
      s.append(d.date()).append(" (").append(d.kind()).append(')');
    }
    s.append(zh ? "，依据 " : ", basis ").append(d.basis());
    if (d.stoppedOn() != null) {
      s.append(zh ? "；已于 " + d.stoppedOn() + " 中止计算" : "; clock stopped on " + d.stoppedOn());
    }
    if (x.status().equals("time_barred")) {
      s.append(zh ? "；已过期" : "; passed");
    }
    if (d.note() != null) {
      s.append(" — ").append(zh ? d.note().zh() : d.note().en());
    }
    return s.toString();
  }

  private static String label(String status, boolean zh) {
    switch (status) {
      case "applies":
        return zh ? "适用" : "applies";
      case "possible":
        return zh ? "可能适用" : "possible";
      case "time_barred":
        return zh ? "已过时效" : "time-barred";
      default:
        return zh ? "不适用" : "not applicable";
    }
  }

  private static String route(String route, boolean zh) {
    switch (route) {
      case "administrative":
        return zh ? "行政（治安处罚）" : "administrative";
      case "criminal":
        return zh ? "刑事" : "criminal";
      case "civil":
        return zh ? "民事" : "civil";
      default:
        return zh ? "其他（删除、举报、保护令）" : "other (takedown, report, protection order)";
    }
  }
}
