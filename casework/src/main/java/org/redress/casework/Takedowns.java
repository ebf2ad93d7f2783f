package org.redress.casework;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.redress.cases.TakedownStore;
import org.redress.cases.TakedownStore.Answer;
import org.redress.cases.TakedownStore.AnswerKind;
import org.redress.cases.TakedownStore.NewAnswer;
import org.redress.cases.TakedownStore.NewNotice;
import org.redress.cases.TakedownStore.Notice;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.NewItem;

/**
 * The takedown tracker of a case: the notices sent to each platform under Civil Code Art 1195, the
 * platforms' answers, the days since the first notice, and whether to escalate.
 *
 * <p>Art 1195 requires a platform to act "及时" (in time) and gives no number of days; Art 1197 makes
 * a platform that knew and did nothing jointly liable. The number of days after which the tracker
 * proposes escalation is therefore the case worker's policy, not a legal deadline: it is a
 * parameter ({@link #DEFAULT_ESCALATE_AFTER_DAYS} by default) and every view says so.
 */
public final class Takedowns {
  /** Days without a {@code BLOCKED} answer after which escalation is proposed (a policy). */
  public static final int DEFAULT_ESCALATE_AFTER_DAYS = 7;

  private final TakedownStore store;

  /** A tracker over a workspace's takedown storage. */
  public Takedowns(TakedownStore store) {
    this.store = store;
  }

  /**
   * One platform's line in a case's tracker.
   *
   * @param platform the platform
   * @param firstNotice the day the first notice was sent (the day the platform knew), or null
   * @param notices the notices, in order
   * @param answers the answers, in order
   * @param daysSinceNotice whole days from the first notice to today, or -1 without a notice
   * @param blockedOn the first day the platform answered {@code BLOCKED}, or null
   * @param escalate whether the platform has not blocked within the policy's days since notice
   */
  public record PlatformTrack(
      String platform,
      LocalDate firstNotice,
      List<Notice> notices,
      List<Answer> answers,
      long daysSinceNotice,
      LocalDate blockedOn,
      boolean escalate) {
    public PlatformTrack {
      notices = List.copyOf(notices);
      answers = List.copyOf(answers);
    }
  }

  /**
   * The tracker's record in the terms of the case facts ({@code platform_notice.*}), for the law's
   * Art 1197 finding and the civil complaint.
   *
   * @param platform the platform's name
   * @param notifiedOn the day its first notice was sent
   * @param acted whether it answered {@code BLOCKED} by {@code today}
   * @param actedOn the first day it did, or null
   */
  public record NoticeFacts(
      String platform, LocalDate notifiedOn, boolean acted, LocalDate actedOn) {}

  /**
   * What the tracker says of the case's platforms, as facts: the platform notified first among
   * those that have not blocked by {@code today} (the one whose inaction counts longest); when
   * every notified platform has blocked, the one notified first. Empty without a notice.
   */
  public Optional<NoticeFacts> noticeFacts(String caseId, LocalDate today) {
    List<PlatformTrack> notified =
        tracker(caseId, today, DEFAULT_ESCALATE_AFTER_DAYS).stream()
            .filter(t -> t.firstNotice() != null && !t.firstNotice().isAfter(today))
            .sorted(java.util.Comparator.comparing(PlatformTrack::firstNotice))
            .toList();
    for (PlatformTrack t : notified) {
      if (t.blockedOn() == null || t.blockedOn().isAfter(today)) {
        return Optional.of(new NoticeFacts(t.platform(), t.firstNotice(), false, null));
      }
    }
    return notified.stream()
        .findFirst()
        .map(t -> new NoticeFacts(t.platform(), t.firstNotice(), true, t.blockedOn()));
  }

  /** Records a notice sent. */
  public Notice recordNotice(NewNotice n) {
    return store.addNotice(n);
  }

  /**
   * Records an answer entered by hand, sealing its screenshot in the evidence locker first (the
   * answer then names the sealed item).
   *
   * @param screenshot the screenshot file, or null
   * @param evidence the open locker, required with a screenshot
   * @throws EvidenceException when the locker refuses the screenshot (nothing is recorded)
   */
  public Answer recordAnswer(NewAnswer a, Path screenshot, EvidenceStore evidence)
      throws EvidenceException {
    NewAnswer toStore = a;
    if (screenshot != null) {
      if (evidence == null) {
        throw new IllegalArgumentException("a screenshot needs the evidence locker");
      }
      Item sealed =
          evidence.add(
              a.caseId(),
              NewItem.of(screenshot)
                  .captureMethod("takedown-answer")
                  .note("answer from " + a.platform() + " on " + a.answeredOn()));
      toStore =
          new NewAnswer(
              a.caseId(),
              a.platform(),
              a.answeredOn(),
              a.kind(),
              a.source(),
              a.hash(),
              a.detail(),
              "evidence:" + sealed.id());
    }
    return store.addAnswer(toStore);
  }

  /**
   * A case's tracker as of {@code today}, one line per platform (by name).
   *
   * @param escalateAfterDays the policy: days without a block after the first notice
   * @throws IllegalArgumentException when escalateAfterDays is negative
   */
  public List<PlatformTrack> tracker(String caseId, LocalDate today, int escalateAfterDays) {
    if (escalateAfterDays < 0) {
      throw new IllegalArgumentException(
          "escalation days must not be negative, was " + escalateAfterDays);
    }
    Map<String, List<Notice>> notices = new TreeMap<>();
    Map<String, List<Answer>> answers = new TreeMap<>();
    for (Notice n : store.notices(caseId)) {
      notices.computeIfAbsent(n.notice().platform(), k -> new ArrayList<>()).add(n);
      answers.computeIfAbsent(n.notice().platform(), k -> new ArrayList<>());
    }
    for (Answer a : store.answers(caseId)) {
      answers.computeIfAbsent(a.answer().platform(), k -> new ArrayList<>()).add(a);
    }
    List<PlatformTrack> out = new ArrayList<>();
    for (Map.Entry<String, List<Answer>> e : answers.entrySet()) {
      List<Notice> ns = notices.getOrDefault(e.getKey(), List.of());
      Optional<LocalDate> first =
          ns.stream().map(n -> n.notice().sentOn()).min(LocalDate::compareTo);
      Optional<LocalDate> blocked =
          e.getValue().stream()
              .filter(a -> a.answer().kind() == AnswerKind.BLOCKED)
              .map(a -> a.answer().answeredOn())
              .min(LocalDate::compareTo);
      long days = first.map(d -> ChronoUnit.DAYS.between(d, today)).orElse(-1L);
      boolean escalate = first.isPresent() && blocked.isEmpty() && days > escalateAfterDays;
      out.add(
          new PlatformTrack(
              e.getKey(),
              first.orElse(null),
              ns,
              e.getValue(),
              days,
              blocked.orElse(null),
              escalate));
    }
    return out;
  }
}
