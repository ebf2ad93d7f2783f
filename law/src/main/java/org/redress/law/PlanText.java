package org.redress.law;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The action plan as text a person reads, in Chinese (the register of a legal-aid lawyer's memo; no
 * English words or internal keys) or English. Pure: the same assessment gives the same text.
 */
public final class PlanText {
  private PlanText() {}

  /**
   * Renders an assessment.
   *
   * @param a the assessment (must carry a plan)
   * @param book the law it was made with (for citations)
   * @param lang {@code zh} or {@code en}
   * @return the text, ending in a newline
   * @throws IllegalArgumentException for another language or an assessment without a plan
   */
  public static String render(Assessment a, LawBook book, String lang) {
    boolean zh = lang.equals("zh");
    if (!zh && !lang.equals("en")) {
      throw new IllegalArgumentException("language must be zh or en, was " + lang);
    }
    ActionPlan p = a.plan();
    if (p == null) {
      throw new IllegalArgumentException("the assessment has no plan");
    }
    StringBuilder out = new StringBuilder();
    if (zh) {
      out.append("法律评估与行动计划\n评估日：")
          .append(ActionPlan.zhDate(p.asOf()))
          .append("（北京时间）；据以确定适用法律的行为日：")
          .append(ActionPlan.zhDate(a.findings().conductDate()))
          .append('\n');
    } else {
      out.append("Legal assessment and action plan\nAssessed on ")
          .append(p.asOf())
          .append(" (Beijing time); conduct date used to choose the law: ")
          .append(a.findings().conductDate())
          .append('\n');
    }
    out.append(zh ? "提示：" : "Note: ").append(Findings.NOTICE.in(lang)).append("\n\n");

    out.append(zh ? "一、行动步骤（按先后顺序）\n" : "What to do, in order\n");
    int n = 1;
    for (ActionPlan.Action x : p.actions()) {
      out.append(String.format(Locale.ROOT, "%d. %s", n++, x.title().in(lang)));
      if (x.by() != null) {
        out.append(
            zh
                ? "——请于" + ActionPlan.zhDate(x.by()) + "前办理（尚余" + x.daysLeft() + "日）"
                : " — by " + x.by() + " (" + x.daysLeft() + " days left)");
        if (x.urgent()) {
          out.append(zh ? "【紧急】" : " [URGENT]");
        }
      }
      out.append('\n');
      out.append(zh ? "   决定机关：" : "   Who decides: ").append(x.authority().in(lang)).append('\n');
      if (!x.grounds().isEmpty()) {
        out.append(zh ? "   依据：\n" : "   Grounds:\n");
        for (ActionPlan.Ground g : x.grounds()) {
          out.append("   · ")
              .append(g.citation().in(lang))
              .append(zh ? "——" : " — ")
              .append(status(g.status(), zh));
          if (g.penalty() != null) {
            out.append(zh ? "（" : " (").append(g.penalty().in(lang)).append(zh ? "）" : ")");
          }
          if (!g.needs().isEmpty()) {
            List<String> needs = new ArrayList<>();
            g.needs().forEach(t -> needs.add(t.in(lang)));
            out.append(zh ? "；有待认定：" : "; to be decided: ")
                .append(String.join(zh ? "；" : "; ", needs));
          }
          if (!g.unconfirmed().isEmpty()) {
            out.append(zh ? "（部分内容未经核实）" : " (partly UNCONFIRMED)");
          }
          out.append('\n');
        }
      }
      for (PlanNote s : x.steps()) {
        out.append("   → ").append(s.text().in(lang)).append(mark(s, zh)).append('\n');
      }
    }

    if (!p.questions().isEmpty()) {
      out.append(
          zh
              ? "\n二、尚需查明的事实（查明后可能增加途径）\n"
              : "\nFacts still to settle (they may open further routes)\n");
      for (ActionPlan.Question q : p.questions()) {
        Set<String> cites = new LinkedHashSet<>();
        q.provisions().forEach(id -> cites.add(cite(book, id, lang)));
        out.append("   · ")
            .append(q.question().in(lang))
            .append(zh ? "（涉及" : " (concerns ")
            .append(String.join(zh ? "、" : "; ", cites))
            .append(zh ? "）" : ")")
            .append('\n');
      }
    }

    if (!p.deadlines().isEmpty()) {
      out.append(
          zh ? "\n三、期限（未届满的在前，按日期排列）\n" : "\nTime limits (open ones first, soonest first)\n");
      for (ActionPlan.DeadlineRow d : p.deadlines()) {
        out.append("   · ")
            .append(book.actionTitle(d.action().key()).in(lang))
            .append(zh ? "（" : " (")
            .append(cite(book, d.basis(), lang))
            .append(zh ? "）：" : "): ")
            .append(d.wording().in(lang));
        if (d.urgent()) {
          out.append(zh ? "【紧急】" : " [URGENT]");
        }
        out.append('\n');
      }
    }

    if (!p.connections().isEmpty()) {
      out.append(zh ? "\n四、各途径之间的关系\n" : "\nHow the routes connect\n");
      p.connections()
          .forEach(
              c -> out.append("   · ").append(c.text().in(lang)).append(mark(c, zh)).append('\n'));
    }
    if (!p.memo().isEmpty()) {
      out.append(zh ? "\n五、其他注意事项\n" : "\nFurther points\n");
      p.memo()
          .forEach(
              c -> out.append("   · ").append(c.text().in(lang)).append(mark(c, zh)).append('\n'));
    }
    if (!a.findings().notAssessed().isEmpty()) {
      out.append(
          zh
              ? "\n六、未评估的规定（法律数据未覆盖行为发生的日期）\n"
              : "\nNot assessed (the law data does not cover the date of the conduct)\n");
      Set<String> seen = new LinkedHashSet<>();
      for (Findings.NotAssessed x : a.findings().notAssessed()) {
        String cited =
            book.versions(x.lineage()).stream()
                .filter(v -> !v.absent())
                .reduce((first, second) -> second)
                .map(v -> cite(book, Objects.requireNonNull(v.provision()).id(), lang))
                .orElse(x.lineage());
        String line =
            zh ? "   · " + cited + "：行为发生时的文本未收录，未作评估。" : "   · " + cited + ": " + x.reason();
        if (seen.add(line)) {
          out.append(line).append('\n');
        }
      }
    }
    out.append(
        zh
            ? "\n紧急情况请拨打110。举报网上违法和不良信息：12377。\n"
            : "\nIn an emergency call 110. Report illegal online content: 12377.\n");
    return out.toString();
  }

  private static String cite(LawBook book, String id, String lang) {
    return book.citable(id) ? book.citation(id).in(lang) : id;
  }

  private static String mark(PlanNote n, boolean zh) {
    if (n.status().equals("UNCONFIRMED") || n.status().equals("DERIVED")) {
      return n.text().zh().contains("未经核实") || !zh ? (zh ? "" : " (UNCONFIRMED)") : "（未经核实）";
    }
    return "";
  }

  private static String status(ActionPlan.Status s, boolean zh) {
    switch (s) {
      case SUPPORTED:
        return zh ? "现有事实符合构成要件，由有权机关决定" : "her facts meet the elements; the authority decides";
      case NEEDS_DECISION:
        return zh ? "须经有关机关鉴定或者认定" : "needs an appraisal or decision by the authority";
      case LATER_STEP:
        return zh ? "须先完成前一步骤" : "a later step, after a first one";
      case TIME_BARRED:
        return zh ? "已过期限" : "time-barred";
      default:
        return zh ? "事实尚待查明" : "facts unknown";
    }
  }
}
