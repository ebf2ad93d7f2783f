package org.redress.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a {@link LawBook} against {@link CaseFacts} on a given assessment date.
 *
 * <p>For each provision lineage: the version in force on the date of the conduct is chosen; when
 * the assessment date falls under a later version and the instrument names a time rule
 * (Administrative Penalty Law Art 37, Criminal Law Art 12), the later version is used only if the
 * data records it as lighter, or if it no longer contains the provision. The chosen version's
 * elements are evaluated in three-valued logic; the first tier whose threshold holds gives the
 * penalty; the limitation rule gives the deadline. The engine never reads the clock: the assessment
 * date is an argument.
 */
public final class Engine {
  private final LawBook book;

  /**
   * @param book the law to apply
   */
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
  @SuppressWarnings("StringSplitter") // act words are validated by LawBook with the same split
  public Findings assess(CaseFacts facts, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    LocalDate conduct = facts.conductDate();
    LocalDate first = facts.date("conduct.first_act").orElse(conduct);
    if (asOf.isBefore(first)) {
      throw new InvalidFactsException(
          "as_of", "as_of: " + asOf + " is before conduct.first_act " + first);
    }
    List<Finding> out = new ArrayList<>();
    List<Findings.NotAssessed> skipped = new ArrayList<>();
    for (String lineage : book.lineages()) {
      Provision sample =
          book.versions(lineage).stream()
              .filter(v -> !v.absent())
              .map(Version::provision)
              .findFirst()
              .orElse(null);
      if (sample == null || !sample.evaluated()) {
        continue;
      }
      // Each act the provision is about chooses its own version (行政处罚法 Art 37; 刑法 Art 12):
      // a camera installed in 2025 stays under the 2025 law even if the images spread in 2026.
      Map<String, Choice> byVersion = new LinkedHashMap<>();
      Map<String, LocalDate> endOf = new LinkedHashMap<>();
      Map<String, List<String>> actsOf = new LinkedHashMap<>();
      List<String> acts = new ArrayList<>();
      for (String a : sample.act().split("\\+")) {
        if (facts.hasActDates(a)) {
          acts.add(a);
        }
      }
      if (acts.isEmpty()) {
        acts.add("any");
      }
      try {
        for (String a : acts) {
          LocalDate day = facts.actDate(a);
          Choice c = chooseOrContinue(lineage, day, asOf, facts);
          if (c.version.absent()) {
            continue;
          }
          String key = c.version.label();
          byVersion.putIfAbsent(key, c);
          actsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
          if (!endOf.containsKey(key) || day.isAfter(endOf.get(key))) {
            endOf.put(key, day);
            byVersion.put(key, c);
          }
        }
        for (Map.Entry<String, Choice> e : byVersion.entrySet()) {
          String act = String.join("+", actsOf.get(e.getKey()));
          out.add(
              evaluate(
                  e.getValue(),
                  facts,
                  asOf,
                  Objects.requireNonNull(endOf.get(e.getKey())),
                  act.equals("any") ? sample.act() : act));
        }
      } catch (NoVersionException e) {
        skipped.add(new Findings.NotAssessed(lineage, e.getMessage()));
      }
    }
    return new Findings(asOf, conduct, List.copyOf(out), List.copyOf(skipped));
  }

  /**
   * The version for an act on {@code day}; when no version covers the day but the instrument's time
   * rule says facts that continue past its commencement fall under it (the SPC rules on the Civil
   * Code's time effect, Art 1(3)) and the facts show the conduct continues, the version in force on
   * the assessment date.
   */
  private Choice chooseOrContinue(String lineage, LocalDate day, LocalDate asOf, CaseFacts facts) {
    try {
      return choose(lineage, day, asOf);
    } catch (NoVersionException e) {
      Version first = book.versions(lineage).get(0);
      String ruleId = first.instrument().timeRule();
      TimeRule rule = ruleId == null ? null : book.timeRule(ruleId).orElse(null);
      if (rule == null
          || rule.continuingWhen() == null
          || !day.isBefore(first.inForce().from())
          || asOf.isBefore(first.inForce().from())
          || !book.continuingHolds(rule, facts)) {
        throw e;
      }
      Choice c = new Choice(book.versionAt(lineage, asOf), asOf);
      c.notes.add(
          new Text(
              "行为始于该法施行前并持续至施行后，依" + rule.title().zh() + "适用现行规定。",
              "The conduct began before the law took effect and continues after "
                  + "it, so the current provision applies under "
                  + rule.title().en()
                  + "."));
      c.unconfirmed.add(rule.id() + ": " + rule.applicationNote());
      return c;
    }
  }

  /** The version that governs conduct on {@code conduct} when decided on {@code asOf}. */
  @SuppressWarnings("ReferenceEquality") // one Version object per version: identity is the test
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
      c.notes.add(
          new Text(
              "按行为时的规定（" + cite(then) + "）评估；评估日有效的规定为" + cite(now) + "。",
              "Assessed under the version in force at the time of the conduct ("
                  + then.label()
                  + "); on the assessment date "
                  + now.label()
                  + " is in force."));
      return c;
    }
    TimeRule rule = book.timeRule(ruleId).orElseThrow();
    c.unconfirmed.add(rule.id() + ": " + rule.applicationNote());
    if (now.absent()) {
      Choice newer = new Choice(now, asOf);
      newer.notes.addAll(c.notes);
      return newer;
    }
    Provision.Severity sev = Objects.requireNonNull(now.provision()).severity();
    if (sev != null && sev.value().equals("lighter")) {
      Choice newer = new Choice(now, asOf);
      newer.unconfirmed.addAll(c.unconfirmed);
      newer.unconfirmed.add(now.label() + " is lighter (" + sev.status() + "): " + sev.note());
      newer.notes.add(
          new Text(
              "行为发生在"
                  + cite(then)
                  + "有效期间，但新规定处罚较轻，依"
                  + rule.title().zh()
                  + "适用新规定"
                  + cite(now)
                  + "。",
              "The conduct fell under "
                  + then.label()
                  + ", but the new provision is lighter, so "
                  + now.label()
                  + " applies under "
                  + rule.title().en()
                  + "."));
      return newer;
    }
    String how = sev == null ? "not recorded as lighter" : sev.value();
    if (sev != null) {
      c.unconfirmed.add(
          now.label() + " is " + sev.value() + " (" + sev.status() + "): " + sev.note());
    }
    c.notes.add(
        new Text(
            "行为发生在"
                + cite(then)
                + "有效期间；新规定"
                + cite(now)
                + "并不更轻，依"
                + rule.title().zh()
                + "仍适用行为时的规定。",
            "The conduct fell under "
                + then.label()
                + "; the new provision "
                + now.label()
                + " is "
                + how
                + ", so the law at the time of the conduct still applies under "
                + rule.title().en()
                + "."));
    return c;
  }

  /**
   * For each fact the provision used whose value was read (OCR of a screenshot, a captured page's
   * counter: {@code facts_provenance.<fact>.read_from}) rather than counted, a note that the number
   * must be checked against the original, and an entry in the finding's unconfirmed ground: a read
   * number is a lead, not proof.
   */
  private static void readNotReproven(
      CaseFacts facts, Set<String> used, List<Text> notes, List<String> unconfirmed) {
    for (String path : used) {
      String key = "facts_provenance." + path + ".read_from";
      Object value = facts.get(path);
      if (value == null || !facts.schema().isPath(key) || facts.get(key) == null) {
        continue;
      }
      boolean shot = "screenshot".equals(facts.get(key));
      String shown = value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value);
      notes.add(
          new Text(
              "本认定所用的数字（" + shown + "）由" + (shot ? "截图" : "网页") + "识别，需核对原件。",
              "The number "
                  + shown
                  + " ("
                  + path
                  + ") was read from a "
                  + (shot ? "screenshot by OCR" : "captured page")
                  + ", not counted: check it against the original."));
      unconfirmed.add(
          path + " = " + shown + " was read from a " + (shot ? "screenshot" : "captured page"));
    }
  }

  /**
   * For a provision that used the day a platform was notified ({@code platform_notice.notified_on},
   * Civil Code Art 1195 notice, from the case's takedown tracker or her own account), a note with
   * that day and what the platform did: the days without necessary measures up to the assessment
   * date, or the day it acted.
   */
  private static void platformNotice(
      CaseFacts facts, Set<String> used, LocalDate asOf, List<Text> notes) {
    if (!used.contains("platform_notice.notified_on")) {
      return;
    }
    Optional<LocalDate> on = facts.date("platform_notice.notified_on");
    if (on.isEmpty()) {
      return;
    }
    Object who = facts.get("platform_notice.platform");
    Object source = facts.get("platform_notice.source");
    String whoZh = who == null ? "平台" : "平台“" + who + "”";
    String whoEn = who == null ? "The platform" : "The platform " + who;
    String fromZh = "takedown_tracker".equals(source) ? "（据删除跟踪记录）" : "";
    String fromEn = "takedown_tracker".equals(source) ? " (takedown tracker)" : "";
    Optional<LocalDate> acted = facts.date("platform_notice.acted_on");
    if (Boolean.TRUE.equals(facts.get("platform_notice.acted"))) {
      notes.add(
          new Text(
              whoZh
                  + "于"
                  + zhDate(on.get())
                  + "收到删除通知"
                  + acted.map(d -> "，于" + zhDate(d) + "采取了措施").orElse("，已采取措施")
                  + fromZh
                  + "。",
              whoEn
                  + " was notified on "
                  + on.get()
                  + acted.map(d -> " and acted on " + d).orElse(" and has acted")
                  + fromEn
                  + "."));
      return;
    }
    long days = ChronoUnit.DAYS.between(on.get(), asOf);
    notes.add(
        new Text(
            whoZh
                + "于"
                + zhDate(on.get())
                + "收到删除通知"
                + fromZh
                + "，截至"
                + zhDate(asOf)
                + "已"
                + days
                + "日未采取必要措施。",
            whoEn
                + " was notified on "
                + on.get()
                + fromEn
                + " and had taken no necessary measures "
                + days
                + " days later, on "
                + asOf
                + "."));
  }

  private static String zhDate(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private Finding evaluate(
      Choice c, CaseFacts facts, LocalDate asOf, LocalDate actEnd, String act) {
    // Absent versions are skipped before evaluation.
    Provision p = Objects.requireNonNull(c.version.provision(), "absent version");
    LocalDate lawDate = c.lawDate;
    Set<String> used = new LinkedHashSet<>();
    Expr.Env env =
        new Expr.Env() {
          @Override
          public @Nullable Object fact(String path) {
            used.add(path);
            return facts.get(path);
          }

          @Override
          public BigDecimal param(String name) {
            try {
              return book.param(name, lawDate);
            } catch (NoVersionException e) {
              // An interpretation applied to earlier conduct (高检发释字〔2001〕5号 Art 2) brings
              // its own numbers, those in force when the case is decided.
              return book.param(name, asOf);
            }
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
    boolean skippedForTime = false;
    boolean evaluatedAny = false;
    for (Provision.Tier t : p.tiers()) {
      String outOfForce = timing(t, lawDate, asOf, notes, c.unconfirmed);
      if (outOfForce != null) {
        skippedForTime = true;
        continue;
      }
      evaluatedAny = true;
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
    if (tier == null && !tierUnknown && skippedForTime && !evaluatedAny) {
      // An interpretation's threshold that cannot be used never removes the statutory offence:
      // whether the circumstances meet the article is then for the authorities.
      tierUnknown = true;
      tierWaits.add("serious_circumstances");
    }
    boolean tiersFalse = !p.tiers().isEmpty() && tier == null && !tierUnknown;
    String status;
    if (anyFalse || tiersFalse) {
      status = "not_applicable";
    } else if ((waits.isEmpty() && tier != null) || (waits.isEmpty() && p.tiers().isEmpty())) {
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
        notes.add(
            new Text(
                "若能查明更多事实或者经有关机关认定，可能适用更重的处罚档次。",
                "A heavier penalty tier may apply if more facts are established or the"
                    + " authorities so determine."));
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
    Finding.Deadline deadline = deadline(p, tier, facts, actEnd, action(p, facts));
    if (!status.equals("not_applicable")
        && deadline != null
        && deadline.date() != null
        && deadline.stoppedOn() == null
        && asOf.isAfter(deadline.date())) {
      status = "time_barred";
    }
    List<String> unconfirmed = new ArrayList<>(c.unconfirmed);
    unconfirmed.addAll(p.unconfirmed());
    if (!status.equals("not_applicable")) {
      readNotReproven(facts, used, notes, unconfirmed);
      platformNotice(facts, used, asOf, notes);
    }
    if (!p.rangeStatus().equals("CONFIRMED")) {
      unconfirmed.add(
          "in force "
              + p.inForce()
              + " ("
              + p.rangeStatus()
              + ")"
              + (p.rangeNote() == null ? "" : ": " + p.rangeNote()));
    }
    for (String b : basis) {
      book.provision(b)
          .filter(x -> !x.status().equals("CONFIRMED"))
          .ifPresent(x -> unconfirmed.add(b + " is " + x.status()));
    }
    if (!p.status().equals("CONFIRMED")) {
      unconfirmed.add(0, p.id() + " text is " + p.status());
    }
    if (deadline != null && deadline.date() != null) {
      Provision rule = book.provision(Objects.requireNonNull(p.limitation())).orElseThrow();
      rule.unconfirmed().forEach(u -> unconfirmed.add(rule.id() + ": " + u));
    }
    // LawBook requires authority and explain for every evaluated provision.
    Text explain = Objects.requireNonNull(p.explain(), p.id() + ": explain");
    StringBuilder zh = new StringBuilder(explain.zh());
    StringBuilder en = new StringBuilder(explain.en());
    zh.append(" 依据：")
        .append(p.instrument().title().zh())
        .append("（")
        .append(p.instrument().version().zh())
        .append("）")
        .append(p.article().zh())
        .append("。");
    en.append(" Basis: ")
        .append(p.instrument().title().en())
        .append(" (")
        .append(p.instrument().version().en())
        .append("), ")
        .append(p.article().en())
        .append('.');
    for (Text n : notes) {
      zh.append(' ').append(n.zh());
      en.append(' ').append(n.en());
    }
    for (Text n : p.notes()) {
      zh.append(' ').append(n.zh());
      en.append(' ').append(n.en());
    }
    return new Finding(
        p.id(),
        Objects.requireNonNull(p.route(), p.id() + ": route"),
        status,
        tier == null ? null : tier.tier(),
        List.copyOf(basis),
        tier == null ? null : tier.penalty(),
        tier == null ? Map.of() : tier.max(),
        List.copyOf(satisfied),
        List.copyOf(missing),
        deadline,
        Objects.requireNonNull(p.authority(), p.id() + ": authority"),
        new Text(zh.toString().strip(), en.toString().strip()),
        p.status(),
        List.copyOf(unconfirmed),
        p.lineage(),
        p.instrument().version(),
        act,
        action(p, facts));
  }

  /**
   * Whether a tier's basis may be used for conduct on {@code lawDate} decided on {@code asOf};
   * returns the basis that cannot be used, or null. Rules (高检发释字〔2001〕5号 Arts 2–3, as encoded in
   * {@code time-rules.yaml}): a basis in force on the date of the conduct is used; a guiding
   * opinion never gates a statutory tier; a judicial interpretation that took effect after the
   * conduct but before the decision governs it unless an earlier interpretation on the same point
   * governed the conduct (then the earlier one stays, a heavier new one is not used).
   */
  private @Nullable String timing(
      Provision.Tier t,
      LocalDate lawDate,
      LocalDate asOf,
      List<Text> notes,
      List<String> unconfirmed) {
    for (String b : t.basis()) {
      Provision bp = book.provision(b).orElseThrow();
      Instrument bi = bp.instrument();
      if (bp.inForce().contains(lawDate) || bi.kind().equals("statute")) {
        continue;
      }
      if (bi.kind().equals("opinion")) {
        addOnce(
            notes,
            new Text(
                cite(b) + "晚于行为发布，仅作理解条文的参考；指导意见不增加也不取消法定罪名。",
                b
                    + " post-dates the conduct and is cited only as guidance; an opinion neither adds nor "
                    + "removes a statutory offence."));
        continue;
      }
      boolean later = lawDate.isBefore(bp.inForce().from()) && !asOf.isBefore(bp.inForce().from());
      if (bi.kind().equals("interpretation") && later) {
        String earlier =
            bi.earlierOnPoint().stream()
                .filter(
                    e ->
                        book.instruments().stream()
                                .anyMatch(x -> x.id().equals(e) && x.inForce().contains(lawDate))
                            // an earlier interpretation not in the data: it governed earlier
                            // conduct
                            || book.instruments().stream().noneMatch(x -> x.id().equals(e)))
                .findFirst()
                .orElse(null);
        if (earlier == null) {
          TimeRule r = book.timeRule("spp-2001-5").orElse(null);
          addOnce(
              notes,
              new Text(
                  "行为时尚无相关司法解释，"
                      + cite(b)
                      + "施行后案件尚未处理或者正在处理的，依"
                      + (r == null ? "有关规定" : r.title().zh())
                      + "第二条适用该解释。",
                  "No interpretation on the point existed at the time of the conduct; for a case still "
                      + "to be handled, "
                      + b
                      + " applies ("
                      + (r == null ? "" : r.title().en())
                      + " Art 2)."));
          if (r != null) {
            String u = r.id() + ": " + r.applicationNote();
            if (!unconfirmed.contains(u)) {
              unconfirmed.add(u);
            }
          }
          continue;
        }
        addOnce(
            notes,
            new Text(
                "行为时已有相关司法解释（"
                    + instrumentName(earlier)
                    + "），依有关规定第三条适用行为时的解释；"
                    + cite(b)
                    + "对行为人不利的，不予适用。",
                "An interpretation on the point ("
                    + earlier
                    + ") governed the conduct, so it stays applicable (Art 3 of the 2001 rules); the newer "
                    + b
                    + " is not used against the offender."));
        return b;
      }
      addOnce(
          notes,
          new Text(
              "未适用以" + cite(b) + "为依据的档次（该规定在" + lawDate + "不在有效期内）。",
              "The tier based on " + b + " was not used: it is not in force on " + lawDate + "."));
      return b;
    }
    return null;
  }

  private String cite(String id) {
    return book.citable(id) ? book.citation(id).zh() : id;
  }

  private String cite(Version v) {
    Provision p = v.provision();
    return p == null ? "（" + v.instrument().title().zh() + "无此规定）" : cite(p.id());
  }

  private String instrumentName(String id) {
    return book.instruments().stream()
        .filter(x -> x.id().equals(id))
        .findFirst()
        .map(x -> "《" + x.title().zh() + "》")
        .orElse(id);
  }

  private static void addOnce(List<Text> notes, Text t) {
    if (!notes.contains(t)) {
      notes.add(t);
    }
  }

  private Finding.@Nullable Deadline deadline(
      Provision p, Provision.@Nullable Tier tier, CaseFacts facts, LocalDate end, String action) {
    if (p.limitation() == null) {
      return null; // the data records no time limit for this route
    }
    Provision ruleP = book.provision(p.limitation()).orElseThrow();
    // LawBook checks that every limitation ID names a limitation rule.
    Provision.LimitationRule r =
        Objects.requireNonNull(ruleP.limitationRule(), ruleP.id() + ": not a limitation rule");
    switch (r.type()) {
      case "none":
        return new Finding.Deadline(
            r.deadlineKind(), null, null, ruleP.id(), null, false, r.note());
      case "discovery":
        {
          // PSAPL 2012 Art 22 / 2025 Art 25: only the police's discovery within the period counts.
          LocalDate date = period(r).after(end);
          return new Finding.Deadline(
              r.deadlineKind(), date, null, ruleP.id(), stopped(r, facts, date), false, r.note());
        }
      case "prosecution":
        {
          LocalDate date = null;
          LocalDate latest = null;
          List<Provision.Tier> candidates = tier != null ? List.of(tier) : p.tiers();
          for (Provision.Tier t : candidates) {
            if (t.max().isEmpty()) {
              continue;
            }
            LocalDate d = bracket(r, t.max(), p.id()).after(end);
            if (date == null || d.isBefore(date)) {
              date = d; // unknown tier: the earliest possible deadline
            }
            if (latest == null || d.isAfter(latest)) {
              latest = d;
            }
          }
          if (date == null) {
            throw new LawDataException(
                p.id() + ": no tier gives a maximum penalty for " + ruleP.id());
          }
          return prosecution(r, ruleP, facts, date, date.equals(latest) ? null : latest, action);
        }
      case "claim":
        {
          LocalDate first = facts.date("conduct.first_act").orElse(end);
          LocalDate longstop = r.longstop() == null ? null : r.longstop().after(first);
          LocalDate start =
              facts
                  .date(Objects.requireNonNull(r.starts(), ruleP.id() + ": claim without starts"))
                  .orElse(null);
          Provision.MinorStart m = r.minors();
          if (m != null
              && facts.get("victims.youngest_age") != null
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
          LocalDate date = start == null ? null : period(r).after(start);
          LocalDate told = r.stops() == null ? null : facts.date(r.stops()).orElse(null);
          Text note = r.note();
          if (date != null && told != null && !told.isBefore(start) && !told.isAfter(date)) {
            // A police report asking for protection interrupts the civil limitation: the period
            // runs again from the report (the SPC limitation rules; see time-rules.yaml).
            date = period(r).after(told);
            Text ruleNote = Objects.requireNonNull(r.note(), ruleP.id() + ": note");
            note =
                new Text(
                    ruleNote.zh() + "已于" + ActionPlan.zhDate(told) + "报案，诉讼时效自报案之日起中断并重新计算。",
                    ruleNote.en()
                        + " The report to the police on "
                        + told
                        + " interrupted the "
                        + "limitation; it runs again from that day.");
          }
          if (longstop != null && (date == null || longstop.isBefore(date)) && start != null) {
            date = longstop;
          }
          return new Finding.Deadline(r.deadlineKind(), date, null, ruleP.id(), null, false, note);
        }
      default:
        throw new IllegalStateException(r.type());
    }
  }

  /**
   * Criminal Law Art 88: the limit is lifted only where (1) after a case was filed the suspect
   * evades investigation or trial, or (2) the victim complained within the period and the case
   * should have been filed but was not. Telling the police is not itself enough. For a private
   * prosecution only a complaint lodged with a court within the period counts.
   */
  private static Finding.Deadline prosecution(
      Provision.LimitationRule r,
      Provision ruleP,
      CaseFacts facts,
      LocalDate date,
      @Nullable LocalDate latest,
      String action) {
    FactsSchema s = facts.schema();
    LocalDate limit = latest == null ? date : latest;
    if (action.equals("private_prosecution")) {
      LocalDate court =
          s.isPath("conduct.court_complaint_on")
              ? facts.date("conduct.court_complaint_on").orElse(null)
              : null;
      if (court != null && !court.isAfter(limit)) {
        return new Finding.Deadline(
            r.deadlineKind(),
            date,
            latest,
            ruleP.id(),
            court,
            false,
            new Text(
                "自诉案件以在追诉期限内向人民法院提起自诉为准；向公安机关报案不产生同等效果。",
                "For a private prosecution only a complaint lodged with a court within the period "
                    + "counts; a police report does not."));
      }
      return new Finding.Deadline(
          r.deadlineKind(),
          date,
          latest,
          ruleP.id(),
          null,
          false,
          new Text(
              "自诉须在追诉期限内向人民法院提起；向公安机关报案不停止计算。",
              "A private prosecution must be lodged with a court within the period; a police "
                  + "report does not stop the clock."));
    }
    LocalDate filed =
        s.isPath("conduct.case_filed_on") ? facts.date("conduct.case_filed_on").orElse(null) : null;
    boolean evaded =
        s.isPath("conduct.suspect_evaded")
            && Boolean.TRUE.equals(facts.get("conduct.suspect_evaded"));
    if (filed != null && !filed.isAfter(limit) && evaded) {
      return new Finding.Deadline(
          r.deadlineKind(),
          date,
          latest,
          ruleP.id(),
          filed,
          true,
          new Text(
              "立案侦查后犯罪嫌疑人逃避侦查或者审判的，不受追诉期限的限制（《中华人民共和国刑法》第八十八条第一款）。",
              "After the case was filed the suspect evaded investigation or trial, so no "
                  + "limitation applies (Criminal Law Art 88(1))."));
    }
    LocalDate told = r.stops() == null ? null : facts.date(r.stops()).orElse(null);
    boolean refused =
        s.isPath("conduct.police_refused_to_file")
            && Boolean.TRUE.equals(facts.get("conduct.police_refused_to_file"));
    if (told != null && !told.isAfter(limit) && refused) {
      return new Finding.Deadline(
          r.deadlineKind(),
          date,
          latest,
          ruleP.id(),
          told,
          true,
          new Text(
              "被害人在追诉期限内提出控告，应当立案而不予立案的，不受追诉期限的限制（《中华人民共和国刑法》第八十八条第二款；是否“应当立案”由有关机关认定）。",
              "She complained within the period and the case should have been filed but was not, "
                  + "so no limitation applies (Criminal Law Art 88(2); whether it should have "
                  + "been filed is for the authorities)."));
    }
    return new Finding.Deadline(r.deadlineKind(), date, latest, ruleP.id(), null, false, r.note());
  }

  /** The period of a discovery or claim rule (LawBook requires one for those types). */
  private static Provision.Period period(Provision.LimitationRule r) {
    return Objects.requireNonNull(r.period(), "limitation rule without a period");
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
      public @Nullable Object fact(String path) {
        return facts.get(path);
      }

      @Override
      public BigDecimal param(String name) {
        throw new IllegalStateException("no parameters here: @" + name);
      }
    };
  }

  private static @Nullable LocalDate stopped(
      Provision.LimitationRule r, CaseFacts facts, @Nullable LocalDate date) {
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
      } else if (years != null
          && !b.life()
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
