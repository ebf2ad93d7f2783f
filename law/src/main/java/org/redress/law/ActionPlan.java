package org.redress.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a victim can do, in the order to do it: a few actions (preserve evidence, report to the
 * police, take the images down, ask for a protection order, sue, bring a private prosecution), each
 * gathering the provisions behind it, naming who decides and the date to act by. Built from {@link
 * Findings} by {@link #build}; pure (the assessment date comes from the findings).
 *
 * <p>Statuses of a provision behind an action ({@link Status}): {@code supported} (her facts meet
 * the elements; an authority decides), {@code needs_decision} (waits for an appraisal, a
 * certification or another finding only an authority can make), {@code open} (a fact is unknown:
 * such provisions are not shown as routes, only as {@link #questions}), {@code later_step} (needs a
 * first step, such as a notice the platform then ignores) and {@code time_barred}.
 *
 * @param asOf the assessment date days are counted from
 * @param actions the actions in the order to take them
 * @param questions facts that would settle provisions now left open, each listed once
 * @param deadlines every dated time limit behind the actions: open ones first, soonest first
 * @param connections rules that connect the routes
 * @param memo practical points a lawyer's memo would add
 */
public record ActionPlan(
    LocalDate asOf,
    List<Action> actions,
    List<Question> questions,
    List<DeadlineRow> deadlines,
    List<PlanNote> connections,
    List<PlanNote> memo) {

  /** Deadlines fewer than this many days away are urgent. */
  public static final int URGENT_DAYS = 30;

  /** How far a provision behind an action has got. */
  public enum Status {
    /** Her facts meet the elements; an authority decides. */
    SUPPORTED,
    /** Waits for an appraisal, certification or a finding only an authority can make. */
    NEEDS_DECISION,
    /** A fact is unknown; shown only as a question. */
    OPEN,
    /** Needs a first step (e.g. a notice the platform ignores). */
    LATER_STEP,
    /** The time limit has passed. */
    TIME_BARRED;

    /** The JSON word, e.g. {@code needs_decision}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status for its key.
     *
     * @throws IllegalArgumentException for an unknown word
     */
    public static Status fromKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  /** The actions, in the order to take them. */
  public enum Kind {
    /** Keep the evidence: notarise, hash, never forward the images. */
    PRESERVE_EVIDENCE,
    /** Report to the police (administrative and criminal routes). */
    REPORT_TO_POLICE,
    /** Ask platforms and the 12377 centre to take the images down. */
    TAKEDOWN,
    /** Ask a court for a personal-safety protection order or a personality-rights injunction. */
    PROTECTION_ORDER,
    /** Sue for the infringement of her rights. */
    CIVIL_SUIT,
    /** Bring a private prosecution (自诉) before a court. */
    PRIVATE_PROSECUTION;

    /** The JSON word, e.g. {@code report_to_police}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The action kind for its key.
     *
     * @throws IllegalArgumentException for an unknown word
     */
    public static Kind fromKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One action.
   *
   * @param kind what to do
   * @param title the action in words
   * @param authority who decides
   * @param status the best status among its grounds
   * @param by the date to act by (the soonest open deadline of its grounds), or null
   * @param daysLeft days from the assessment date to {@code by}, or null
   * @param urgent fewer than {@link #URGENT_DAYS} days left
   * @param grounds the provisions behind it (open ones are not listed)
   * @param steps what to do, in order
   */
  public record Action(
      Kind kind,
      Text title,
      Text authority,
      Status status,
      @Nullable LocalDate by,
      @Nullable Long daysLeft,
      boolean urgent,
      List<Ground> grounds,
      List<PlanNote> steps) {}

  /**
   * A provision behind an action.
   *
   * @param provision the reference ID
   * @param status its status in the plan
   * @param route {@code administrative}, {@code criminal}, {@code civil} or {@code other}
   * @param tier the penalty tier, or null
   * @param citation the citation in both languages (law title in 书名号, article)
   * @param penalty the penalty of the tier, or null
   * @param authority who decides on it
   * @param needs determinations it waits for, in words
   * @param unconfirmed what it rests on that is not plainly confirmed
   */
  public record Ground(
      String provision,
      Status status,
      String route,
      @Nullable String tier,
      Text citation,
      @Nullable Text penalty,
      Text authority,
      List<Text> needs,
      List<String> unconfirmed) {}

  /**
   * A fact that would settle open provisions.
   *
   * @param fact the facts key
   * @param question the question in both languages
   * @param provisions the provisions it would settle
   */
  public record Question(String fact, Text question, List<String> provisions) {}

  /**
   * A time limit behind an action.
   *
   * @param provision the provision the limit belongs to
   * @param action the action it limits
   * @param kind {@code police_discovery}, {@code prosecution}, {@code civil_claim}, …
   * @param date the last day (the earliest possible when the tier is unknown)
   * @param latest the latest possible last day when the tier is unknown, else null
   * @param daysLeft days from the assessment date to {@code date} (negative when passed)
   * @param urgent open and fewer than {@link #URGENT_DAYS} days left
   * @param state {@code open}, {@code met} (the step the law asks for was taken in time), {@code
   *     stopped} (the law lifts the limit), or {@code passed}
   * @param wording the limit as the law words it, with its basis
   * @param basis the provision that sets the limit (e.g. {@code CN-CC-188}); rows that share a
   *     basis, action, date and state are listed once
   */
  public record DeadlineRow(
      String provision,
      Kind action,
      String kind,
      LocalDate date,
      @Nullable LocalDate latest,
      long daysLeft,
      boolean urgent,
      String state,
      Text wording,
      String basis) {}

  /** The action of a kind, if the plan has it. */
  public Optional<Action> action(Kind kind) {
    return actions.stream().filter(a -> a.kind() == kind).findFirst();
  }

  /** Every provision shown behind some action. */
  public Set<String> provisions() {
    Set<String> out = new LinkedHashSet<>();
    actions.forEach(a -> a.grounds().forEach(g -> out.add(g.provision())));
    return out;
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Builds the plan.
   *
   * @param facts the facts the findings were made from
   * @param findings the findings
   * @param book the law the findings were made with
   * @return the plan
   */
  public static ActionPlan build(CaseFacts facts, Findings findings, LawBook book) {
    Objects.requireNonNull(facts, "facts");
    LocalDate asOf = findings.asOf();
    Map<Kind, List<Ground>> grounds = new LinkedHashMap<>();
    Map<Kind, List<Finding>> behind = new LinkedHashMap<>();
    Map<String, Question> questions = new LinkedHashMap<>();
    for (Finding f : findings.findings()) {
      if (f.status().equals("not_applicable")) {
        continue;
      }
      Status s = status(f, book);
      if (s == Status.OPEN && knowsNothing(f, book)) {
        continue; // nothing known about its core elements: not a route, not even a question
      }
      if (s == Status.OPEN) {
        for (String m : f.missing()) {
          if (book.determination(m).isEmpty()) {
            Question q =
                questions.computeIfAbsent(
                    m,
                    k ->
                        new Question(
                            k,
                            book.question(k)
                                .orElse(new Text("（有关事实尚待说明）", "(a fact still to be given)")),
                            new ArrayList<>()));
            if (!q.provisions().contains(f.provision())) {
              q.provisions().add(f.provision());
            }
          }
        }
        continue;
      }
      Kind k = Kind.fromKey(f.action());
      List<Text> needs = new ArrayList<>();
      for (String m : f.missing()) {
        book.determination(m).ifPresent(needs::add);
      }
      grounds
          .computeIfAbsent(k, x -> new ArrayList<>())
          .add(
              new Ground(
                  f.provision(),
                  s,
                  f.route(),
                  f.tier(),
                  book.citation(f.provision()),
                  f.penalty(),
                  f.authority(),
                  List.copyOf(needs),
                  f.unconfirmed()));
      behind.computeIfAbsent(k, x -> new ArrayList<>()).add(f);
    }
    List<PlanNote> connections = new ArrayList<>();
    List<PlanNote> memo = new ArrayList<>();
    Map<Kind, List<PlanNote>> steps = new LinkedHashMap<>();
    for (PlanNote n : book.planNotes()) {
      if (!book.noteHolds(n, facts)) {
        continue;
      }
      if (n.section().equals("step")) {
        // LawBook requires an action for every step.
        Kind stepKind = Kind.fromKey(Objects.requireNonNull(n.action()));
        steps.computeIfAbsent(stepKind, x -> new ArrayList<>()).add(n);
      } else if (n.section().equals("connection")) {
        connections.add(n);
      } else {
        memo.add(n);
      }
    }
    List<DeadlineRow> rows = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Map.Entry<Kind, List<Finding>> e : behind.entrySet()) {
      for (Finding f : e.getValue()) {
        DeadlineRow r = row(e.getKey(), f, asOf);
        if (r != null
            && seen.add(
                r.basis()
                    + "|"
                    + r.action()
                    + "|"
                    + r.date()
                    + "|"
                    + r.latest()
                    + "|"
                    + r.state())) {
          rows.add(r);
        }
      }
    }
    rows.sort(
        Comparator.comparing((DeadlineRow r) -> r.state().equals("open") ? 0 : 1)
            .thenComparing(DeadlineRow::date));
    List<Action> actions = new ArrayList<>();
    for (Kind k : Kind.values()) {
      List<Ground> gs = grounds.getOrDefault(k, List.of());
      // Evidence comes first whenever there is anything to act on.
      boolean always = k == Kind.PRESERVE_EVIDENCE && (anyActs(facts) || !grounds.isEmpty());
      if (gs.isEmpty() && !always) {
        continue;
      }
      Status best =
          gs.isEmpty()
              ? Status.SUPPORTED
              : gs.stream()
                  .map(Ground::status)
                  .min(Comparator.comparingInt(ActionPlan::rank))
                  .orElseThrow();
      LocalDate by = null;
      for (DeadlineRow r : rows) {
        if (r.action() == k && r.state().equals("open") && (by == null || r.date().isBefore(by))) {
          by = r.date();
        }
      }
      Long days = by == null ? null : ChronoUnit.DAYS.between(asOf, by);
      actions.add(
          new Action(
              k,
              book.actionTitle(k.key()),
              book.actionAuthority(k.key()),
              best,
              by,
              days,
              days != null && days < URGENT_DAYS,
              List.copyOf(gs),
              List.copyOf(steps.getOrDefault(k, List.of()))));
    }
    List<Question> qs = new ArrayList<>();
    questions
        .values()
        .forEach(q -> qs.add(new Question(q.fact(), q.question(), List.copyOf(q.provisions()))));
    return new ActionPlan(
        asOf,
        List.copyOf(actions),
        List.copyOf(qs),
        List.copyOf(rows),
        List.copyOf(connections),
        List.copyOf(memo));
  }

  private static boolean anyActs(CaseFacts facts) {
    for (String p : facts.schema().paths()) {
      if ((p.startsWith("acts.") || p.startsWith("distribution.")) && facts.get(p) != null) {
        Object v = facts.get(p);
        if (Boolean.TRUE.equals(v) || (v instanceof BigDecimal && ((BigDecimal) v).signum() > 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether no element of the provision is shown by the facts (only tiers may be). */
  private static boolean knowsNothing(Finding f, LawBook book) {
    Provision p = book.provision(f.provision()).orElse(null);
    if (p == null) {
      return false;
    }
    for (Provision.Element e : p.elements()) {
      if (f.satisfied().contains(e.id())) {
        return false;
      }
    }
    return true;
  }

  static int rank(Status s) {
    switch (s) {
      case SUPPORTED:
        return 0;
      case NEEDS_DECISION:
        return 1;
      case LATER_STEP:
        return 2;
      case TIME_BARRED:
        return 3;
      default:
        return 4;
    }
  }

  /** The plan status of a finding. */
  static Status status(Finding f, LawBook book) {
    switch (f.status()) {
      case "applies":
        return Status.SUPPORTED;
      case "time_barred":
        return Status.TIME_BARRED;
      case "possible":
        break;
      default:
        throw new IllegalArgumentException("no plan status for " + f.status());
    }
    boolean later = false;
    boolean fact = false;
    for (String m : f.missing()) {
      if (book.determination(m).isEmpty()) {
        fact = true;
      } else if (book.isLaterStep(m)) {
        later = true;
      }
    }
    if (fact) {
      return Status.OPEN;
    }
    return later ? Status.LATER_STEP : Status.NEEDS_DECISION;
  }

  private static @Nullable DeadlineRow row(Kind k, Finding f, LocalDate asOf) {
    Finding.Deadline d = f.deadline();
    if (d == null || d.date() == null) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(asOf, d.date());
    String state;
    if (f.status().equals("time_barred")) {
      state = "passed";
    } else if (d.stoppedOn() != null) {
      state = d.lifted() ? "stopped" : "met";
    } else if (days < 0) {
      state = "passed";
    } else {
      state = "open";
    }
    Text wording = wording(d, state, days);
    return new DeadlineRow(
        f.provision(),
        k,
        d.kind(),
        d.date(),
        d.latest(),
        days,
        state.equals("open") && days < URGENT_DAYS,
        state,
        wording,
        d.basis());
  }

  private static Text wording(Finding.Deadline d, String state, long days) {
    String range = d.latest() == null ? "" : "至" + zhDate(d.latest());
    String rangeEn = d.latest() == null ? "" : " to " + d.latest();
    Text rule = d.note() == null ? new Text("", "") : d.note();
    // row() keeps only deadlines with a date; met and stopped rows have a stoppedOn day.
    LocalDate date = Objects.requireNonNull(d.date());
    switch (state) {
      case "open":
        return new Text(
            String.format(Locale.ROOT, "%s%s前（尚余%d日）。%s", zhDate(date), range, days, rule.zh()),
            String.format(Locale.ROOT, "by %s%s (%d days left). %s", date, rangeEn, days, rule.en())
                .strip());
      case "met":
        return new Text(
            zhDate(date)
                + "前；已于"
                + zhDate(Objects.requireNonNull(d.stoppedOn()))
                + "满足。"
                + rule.zh(),
            ("by " + date + "; met on " + d.stoppedOn() + ". " + rule.en()).strip());
      case "stopped":
        return new Text(
            "自" + zhDate(Objects.requireNonNull(d.stoppedOn())) + "起不受期限限制。" + rule.zh(),
            ("no limit since " + d.stoppedOn() + ". " + rule.en()).strip());
      default:
        return new Text(
            zhDate(date) + range + "已届满。" + rule.zh(),
            ("passed on " + date + rangeEn + ". " + rule.en()).strip());
    }
  }

  /** A date as Chinese legal texts write it: 2026年7月20日. */
  public static String zhDate(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
