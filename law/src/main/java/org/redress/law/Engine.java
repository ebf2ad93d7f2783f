package org.redress.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates a {@link LawBook} against {@link CaseFacts} on a given assessment date.
 *
 * <p>For each provision lineage: the version in force on the date of the conduct is chosen; when
 * the assessment date falls under a later version and the instrument names a time rule
 * (Administrative Penalty Law Art 37, Criminal Law Art 12), the later version is used only if the
 * data records it as lighter, or if it no longer contains the provision. The chosen version's
 * elements are evaluated in three-valued logic; the first tier whose threshold holds gives the
 * penalty; the limitation rule gives the deadline. The engine never reads the clock: the
 * assessment date is an argument.
 */
public final class Engine {
  private final LawBook book;

  /** @param book the law to apply */
  public Engine(LawBook book) {
    this.book = Objects.requireNonNull(book, "book");
  }

  /**
   * Assesses the facts.
   *
   * @param facts validated case facts
   * @param asOf the assessment date (deadlines are judged against it; a later law may apply if
   *     lighter)
   * @return one finding per evaluated provision in force, and the provisions that could not be
   *     assessed with the reason
   * @throws InvalidFactsException when the facts give no date of conduct, or the assessment date
   *     precedes it
   */
  public Findings assess(CaseFacts facts, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    LocalDate conduct = facts.conductDate();
    LocalDate first = facts.date("conduct.first_act").orElse(conduct);
    if (asOf.isBefore(first)) {
      throw new InvalidFactsException("as_of", "as_of: " + asOf
          + " is before conduct.first_act " + first);
    }
    List<Finding> out = new ArrayList<>();
    List<Findings.NotAssessed> skipped = new ArrayList<>();
    for (String lineage : book.lineages()) {
      boolean evaluated = book.versions(lineage).stream()
          .anyMatch(v -> !v.absent() && v.provision().evaluated());
      if (!evaluated) {
        continue;
      }
      try {
        Choice c = choose(lineage, conduct, asOf);
        if (c.version.absent()) {
          continue;
        }
        out.add(evaluate(c, facts, asOf));
      } catch (NoVersionException e) {
        skipped.add(new Findings.NotAssessed(lineage, e.getMessage()));
      }
    }
    return new Findings(asOf, conduct, List.copyOf(out), List.copyOf(skipped));
  }

  /** The version that governs conduct on {@code conduct} when decided on {@code asOf}. */
  Choice choose(String lineage, LocalDate conduct, LocalDate asOf) {
    Version then = book.versionAt(lineage, conduct);
    Choice c = new Choice(then, conduct);
    if (!asOf.isAfter(conduct)) {
      return c;
    }
    Version now;
    try {
      now = book.versionAt(lineage, asOf);
    } catch (NoVersionException e) {
      return c;
    }
    if (now == then) {
      return c;
    }
    String ruleId = then.instrument().timeRule();
    if (ruleId == null || then.absent()) {
      c.notes.add(new Text(
          "按行为时的版本（" + then.label() + "）评估；评估日有效的版本为 " + now.label() + "。",
          "Assessed under the version in force at the time of the conduct (" + then.label()
              + "); on the assessment date " + now.label() + " is in force."));
      return c;
    }
    TimeRule rule = book.timeRule(ruleId).orElseThrow();
    c.unconfirmed.add(rule.id() + ": " + rule.applicationNote());
    if (now.absent()) {
      Choice newer = new Choice(now, asOf);
      newer.notes.addAll(c.notes);
      return newer;
    }
    Provision.Severity sev = now.provision().severity();
    if (sev != null && sev.value().equals("lighter")) {
      Choice newer = new Choice(now, asOf);
      newer.unconfirmed.addAll(c.unconfirmed);
      newer.unconfirmed.add(now.label() + " is lighter (" + sev.status() + "): " + sev.note());
      newer.notes.add(new Text(
          "行为发生在 " + then.label() + " 有效期间，但新规定处罚较轻，依" + rule.title().zh()
              + "适用新规定 " + now.label() + "。",
          "The conduct fell under " + then.label() + ", but the new provision is lighter, so "
              + now.label() + " applies under " + rule.title().en() + "."));
      return newer;
    }
    String how = sev == null ? "not recorded as lighter" : sev.value();
    if (sev != null) {
      c.unconfirmed.add(now.label() + " is " + sev.value() + " (" + sev.status() + "): "
          + sev.note());
    }
    c.notes.add(new Text(
        "行为发生在 " + then.label() + " 有效期间；新规定 " + now.label() + " 并不更轻，依"
            + rule.title().zh() + "仍适用行为时的规定。",
        "The conduct fell under " + then.label() + "; the new provision " + now.label() + " is "
            + how + ", so the law at the time of the conduct still applies under "
            + rule.title().en() + "."));
    return c;
  }

  private Finding evaluate(Choice c, CaseFacts facts, LocalDate asOf) {
    Provision p = c.version.provision();
    LocalDate lawDate = c.lawDate;
    Expr.Env env = new Expr.Env() {
      @Override
      public Object fact(String path) {
        return facts.get(path);
      }

      @Override
      public BigDecimal param(String name) {
        return book.param(name, lawDate);
      }
    };
    List<String> satisfied = new ArrayList<>();
    Set<String> waits = new LinkedHashSet<>();
    boolean anyFalse = false;
    for (Provision.Element e : p.elements()) {
      Expr.Val v = e.when().eval(env);
      if (v.isTrue()) {
        satisfied.add(e.id());
      } else if (v.isUnknown()) {
        waits.addAll(v.waitsFor);
      } else {
        anyFalse = true;
      }
    }
    Provision.Tier tier = null;
    boolean tierUnknown = false;
    Set<String> tierWaits = new LinkedHashSet<>();
    List<String> openBasis = new ArrayList<>();
    List<String> heavierOpen = new ArrayList<>();
    List<Text> notes = new ArrayList<>(c.notes);
    for (Provision.Tier t : p.tiers()) {
      String outOfForce = t.basis().stream()
          .filter(b -> !book.provision(b).orElseThrow().inForce().contains(lawDate))
          .findFirst().orElse(null);
      if (outOfForce != null) {
        // A threshold from an interpretation not yet (or no longer) in force is not used.
        notes.add(new Text(
            "未适用以 " + outOfForce + " 为依据的档次（" + lawDate + " 时不在有效期内）。",
            "The tier based on " + outOfForce + " was not used: it is not in force on "
                + lawDate + "."));
        continue;
      }
      Expr.Val v = t.when() == null ? Expr.Val.TRUE : t.when().eval(env);
      if (v.isTrue()) {
        tier = t;
        break;
      }
      if (v.isUnknown()) {
        tierUnknown = true;
        tierWaits.addAll(v.waitsFor);
        t.basis().stream().filter(b -> !openBasis.contains(b)).forEach(openBasis::add);
        if (!heavierOpen.contains(t.tier())) {
          heavierOpen.add(t.tier());
        }
      }
    }
    boolean tiersFalse = !p.tiers().isEmpty() && tier == null && !tierUnknown;
    String status;
    if (anyFalse || tiersFalse) {
      status = "not_applicable";
    } else if (waits.isEmpty() && tier != null || waits.isEmpty() && p.tiers().isEmpty()) {
      status = "applies";
    } else {
      status = "possible";
    }
    List<String> missing = new ArrayList<>();
    if (status.equals("possible")) {
      missing.addAll(waits);
      if (tier == null) {
        tierWaits.stream().filter(w -> !missing.contains(w)).forEach(missing::add);
      }
    }
    List<String> basis = new ArrayList<>();
    if (tier == null && status.equals("possible")) {
      basis.addAll(openBasis); // the thresholds still to be established
    }
    if (tier != null) {
      basis.addAll(tier.basis());
      satisfied.add("tier " + tier.tier() + " (" + tier.cites() + ")");
      String chosen = tier.tier();
      heavierOpen.removeIf(chosen::equals);
      if (!heavierOpen.isEmpty() && !status.equals("not_applicable")) {
        notes.add(new Text("若能证明 " + String.join("、", tierWaits) + "，可能适用更重的档次："
            + String.join("、", heavierOpen) + "。",
            "A heavier tier (" + String.join(", ", heavierOpen) + ") may apply if "
                + String.join(", ", tierWaits) + " can be shown."));
      }
    }
    if (!status.equals("not_applicable")) {
      for (Provision.Aggravation a : p.aggravations()) {
        if (a.when().eval(env).isTrue()) {
          a.basis().stream().filter(b -> !basis.contains(b)).forEach(basis::add);
          notes.add(a.note());
        }
      }
    }
    Finding.Deadline deadline = deadline(p, tier, facts);
    if (!status.equals("not_applicable") && deadline != null && deadline.date() != null
        && deadline.stoppedOn() == null && asOf.isAfter(deadline.date())) {
      status = "time_barred";
    }
    List<String> unconfirmed = new ArrayList<>(c.unconfirmed);
    unconfirmed.addAll(p.unconfirmed());
    if (!p.rangeStatus().equals("CONFIRMED")) {
      unconfirmed.add("in force " + p.inForce() + " (" + p.rangeStatus() + ")"
          + (p.rangeNote() == null ? "" : ": " + p.rangeNote()));
    }
    for (String b : basis) {
      book.provision(b).filter(x -> !x.status().equals("CONFIRMED"))
          .ifPresent(x -> unconfirmed.add(b + " is " + x.status()));
    }
    if (!p.status().equals("CONFIRMED")) {
      unconfirmed.add(0, p.id() + " text is " + p.status());
    }
    if (deadline != null && deadline.date() != null) {
      Provision rule = book.provision(p.limitation()).orElseThrow();
      rule.unconfirmed().forEach(u -> unconfirmed.add(rule.id() + ": " + u));
    }
    StringBuilder zh = new StringBuilder(p.explain().zh());
    StringBuilder en = new StringBuilder(p.explain().en());
    zh.append(" 依据：").append(p.instrument().title().zh()).append("（")
        .append(p.instrument().version().zh()).append("）").append(p.article().zh()).append("。");
    en.append(" Basis: ").append(p.instrument().title().en()).append(" (")
        .append(p.instrument().version().en()).append("), ").append(p.article().en()).append('.');
    for (Text n : notes) {
      zh.append(' ').append(n.zh());
      en.append(' ').append(n.en());
    }
    for (Text n : p.notes()) {
      zh.append(' ').append(n.zh());
      en.append(' ').append(n.en());
    }
    return new Finding(p.id(), p.route(), status, tier == null ? null : tier.tier(),
        List.copyOf(basis), tier == null ? null : tier.penalty(),
        tier == null ? Map.of() : tier.max(), List.copyOf(satisfied), List.copyOf(missing),
        deadline, p.authority(), new Text(zh.toString().strip(), en.toString().strip()),
        p.status(), List.copyOf(unconfirmed), p.lineage(), p.instrument().version(), p.act(),
        action(p, facts));
  }

  private Finding.Deadline deadline(Provision p, Provision.Tier tier, CaseFacts facts) {
    if (p.limitation() == null) {
      return null; // the data records no time limit for this route
    }
    Provision ruleP = book.provision(p.limitation()).orElseThrow();
    Provision.LimitationRule r = ruleP.limitationRule();
    LocalDate end = facts.conductDate();
    switch (r.type()) {
      case "none":
        return new Finding.Deadline(r.deadlineKind(), null, null, ruleP.id(), null, false,
            r.note());
      case "discovery": {
        LocalDate date = r.period().after(end);
        return new Finding.Deadline(r.deadlineKind(), date, null, ruleP.id(),
            stopped(r, facts, date), false, r.note());
      }
      case "prosecution": {
        LocalDate date = null;
        List<Provision.Tier> candidates = tier != null ? List.of(tier) : p.tiers();
        for (Provision.Tier t : candidates) {
          if (t.max().isEmpty()) {
            continue;
          }
          LocalDate d = bracket(r, t.max(), p.id()).after(end);
          if (date == null || d.isBefore(date)) {
            date = d; // unknown tier: the earliest possible deadline
          }
        }
        if (date == null) {
          throw new LawDataException(p.id() + ": no tier gives a maximum penalty for "
              + ruleP.id());
        }
        return new Finding.Deadline(r.deadlineKind(), date, null, ruleP.id(),
            stopped(r, facts, date), false, r.note());
      }
      case "claim": {
        LocalDate first = facts.date("conduct.first_act").orElse(end);
        LocalDate longstop = r.longstop() == null ? null : r.longstop().after(first);
        LocalDate start = facts.date(r.starts()).orElse(null);
        Provision.MinorStart m = r.minors();
        if (m != null && facts.get("victims.youngest_age") != null
            && m.when().eval(envOf(facts)).isTrue()) {
          int age = ((BigDecimal) facts.get("victims.youngest_age")).intValueExact();
          if (age < m.age()) {
            // Earliest day the youngest victim can have reached the age: the clock starts then.
            LocalDate adult = first.plusYears((long) m.age() - age - 1).plusDays(1);
            if (start == null || adult.isAfter(start)) {
              start = adult;
            }
          }
        }
        LocalDate date = start == null ? null : r.period().after(start);
        if (longstop != null && (date == null || longstop.isBefore(date)) && start != null) {
          date = longstop;
        }
        return new Finding.Deadline(r.deadlineKind(), date, null, ruleP.id(),
            stopped(r, facts, date), false, r.note());
      }
      default:
        throw new IllegalStateException(r.type());
    }
  }

  /** The plan action a provision belongs to on these facts. */
  private static String action(Provision p, CaseFacts facts) {
    for (Provision.ActionWhen a : p.actionWhen()) {
      if (a.when().eval(envOf(facts)).isTrue()) {
        return a.action();
      }
    }
    return p.action() == null ? "takedown" : p.action();
  }

  private static Expr.Env envOf(CaseFacts facts) {
    return new Expr.Env() {
      @Override
      public Object fact(String path) {
        return facts.get(path);
      }

      @Override
      public BigDecimal param(String name) {
        throw new IllegalStateException("no parameters here: @" + name);
      }
    };
  }

  private static LocalDate stopped(Provision.LimitationRule r, CaseFacts facts, LocalDate date) {
    if (r.stops() == null || date == null) {
      return null;
    }
    LocalDate s = facts.date(r.stops()).orElse(null);
    return s != null && !s.isAfter(date) ? s : null;
  }

  private static Provision.Period bracket(
      Provision.LimitationRule r, Map<String, Object> max, String id) {
    boolean life = Boolean.TRUE.equals(max.get("life"));
    BigDecimal years = (BigDecimal) max.get("years");
    for (Provision.Bracket b : r.brackets()) {
      if (life) {
        if (b.life()) {
          return b.period();
        }
      } else if (years != null && !b.life()
          && (b.maxYearsBelow() == null || years.compareTo(b.maxYearsBelow()) < 0)) {
        return b.period();
      }
    }
    throw new LawDataException(id + ": no limitation bracket for maximum " + max);
  }

  /** A chosen version, the date whose parameters apply, and notes on why. */
  static final class Choice {
    final Version version;
    final LocalDate lawDate;
    final List<Text> notes = new ArrayList<>();
    final List<String> unconfirmed = new ArrayList<>();

    Choice(Version version, LocalDate lawDate) {
      this.version = version;
      this.lawDate = lawDate;
    }
  }
}
