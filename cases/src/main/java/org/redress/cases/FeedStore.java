package org.redress.cases;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The hash feed platforms pull: which banks are shared (with the victim's consent), the records
 * derived from their PDQ and MD5 items, and the feedback platforms send back, which lands in the
 * case's takedown tracker in the same transaction. Records carry hashes and case pseudonyms only.
 *
 * <p>Order: every change gives a record the next sequence number and a modification time no earlier
 * than any before it, so "modified at or after T" is always a suffix of the sequence and paging by
 * sequence never skips a record.
 */
public final class FeedStore {
  /** Feedback values a platform may send. */
  public static final Set<String> FEEDBACK_VALUES =
      Set.of("Blocked", "NotBlocked", "PendingReview", "None", "QualityUnknown");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] BASE32 = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

  private final Workspace ws;

  FeedStore(Workspace ws) {
    this.ws = ws;
  }

  /**
   * A shared bank.
   *
   * @param bank the bank's name
   * @param caseId the case it belongs to, or null
   * @param pseudonym the case number the feed shows for it
   * @param shared whether it is in the feed now
   * @param changedAt when it was last shared or unshared
   */
  public record Share(
      String bank, String caseId, String pseudonym, boolean shared, Instant changedAt) {}

  /**
   * One page of the feed.
   *
   * @param records the records, in sequence order
   * @param more whether records follow the last one
   */
  public record Page(List<FeedRecord> records, boolean more) {}

  /**
   * A platform's feedback on one hash.
   *
   * @param hashValue the hash, hex
   * @param value one of {@link #FEEDBACK_VALUES}
   * @param tags free tags
   */
  public record FeedbackIn(String hashValue, String value, List<String> tags) {
    public FeedbackIn {
      tags = List.copyOf(tags);
    }
  }

  /**
   * What a batch of feedback did.
   *
   * @param applied feedback items applied to a record in the feed
   * @param unknown hashes not in the feed (kept nowhere)
   * @param answers takedown answers written to cases, one per case and hash
   */
  public record FeedbackResult(int applied, List<String> unknown, int answers) {}

  /**
   * Puts a bank into the feed (again): its enabled PDQ and MD5 items become {@code Active} records
   * under the bank's pseudonym; items since removed or disabled are withdrawn.
   *
   * @param bank the bank's name
   * @param caseId the case the bank belongs to (for feedback to land in), or null to keep the one
   *     given before
   * @throws CasesException.UnknownBank when there is no such bank
   */
  public Share share(String bank, String caseId) {
    if (caseId != null) {
      NewItem.checkText("case id", caseId, 100);
    }
    return ws.tx(
        "share bank " + bank,
        h -> {
          long bankId = bankId(h, bank);
          long now = ws.clock().millis();
          Optional<Share> old = findShare(h, bank);
          if (old.isEmpty()) {
            h.createUpdate(
                    "INSERT INTO bank_share (bank_name, case_id, pseudonym, shared, changed_at,"
                        + " synced_count, synced_max_item) VALUES (:b, :c, :p, 1, :now, -1, -1)")
                .bind("b", bank)
                .bind("c", caseId)
                .bind("p", newPseudonym(h))
                .bind("now", now)
                .execute();
          } else {
            h.createUpdate(
                    "UPDATE bank_share SET shared = 1, changed_at = :now,"
                        + " case_id = COALESCE(:c, case_id) WHERE bank_name = :b")
                .bind("b", bank)
                .bind("c", caseId)
                .bind("now", now)
                .execute();
          }
          Share s = findShare(h, bank).orElseThrow();
          reconcile(h, s, bankId);
          return s;
        });
  }

  /**
   * Takes a bank out of the feed: its records turn {@code Withdrawn} for its case (and wholly
   * {@code Withdrawn} where no other case shares the hash), and reappear in the feed so platforms
   * delete them.
   *
   * @throws CasesException when the bank was never shared
   */
  public Share unshare(String bank) {
    return ws.tx(
        "unshare bank " + bank,
        h -> {
          Share s =
              findShare(h, bank)
                  .orElseThrow(
                      () ->
                          new CasesException(
                              CasesException.Reason.BANK_NOT_SHARED,
                              "bank " + bank + " is not shared",
                              null,
                              bank));
          h.createUpdate("UPDATE bank_share SET shared = 0, changed_at = :now WHERE bank_name = :b")
              .bind("b", bank)
              .bind("now", ws.clock().millis())
              .execute();
          Share now = findShare(h, bank).orElseThrow();
          reconcile(h, now, -1);
          return now;
        });
  }

  /** A victim withdraws her case: every bank shared for it leaves the feed. Returns them. */
  public List<Share> withdrawCase(String caseId) {
    List<Share> out = new ArrayList<>();
    for (Share s : shares()) {
      if (s.shared() && caseId.equals(s.caseId())) {
        out.add(unshare(s.bank()));
      }
    }
    return out;
  }

  /** Every bank ever shared, by name. */
  public List<Share> shares() {
    return ws.tx(
        "list shared banks",
        h ->
            h.createQuery("SELECT * FROM bank_share ORDER BY bank_name")
                .map((rs, ctx) -> share(rs))
                .list());
  }

  /**
   * Brings the feed up to date with the shared banks whose items changed since they were last
   * synchronised (judged by their item count and highest item id). Cheap when nothing changed.
   */
  public void sync() {
    ws.tx(
        "update the feed",
        h -> {
          for (Share s :
              h.createQuery("SELECT * FROM bank_share WHERE shared = 1")
                  .map((rs, ctx) -> share(rs))
                  .list()) {
            Optional<Long> id =
                h.createQuery("SELECT id FROM bank WHERE name = :n")
                    .bind("n", s.bank())
                    .mapTo(Long.class)
                    .findOne();
            long[] state = id.isPresent() ? bankState(h, id.get()) : new long[] {0, 0};
            long[] synced =
                h.createQuery(
                        "SELECT synced_count, synced_max_item FROM bank_share WHERE bank_name = :b")
                    .bind("b", s.bank())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            if (!Arrays.equals(state, synced)) {
              reconcile(h, s, id.orElse(-1L));
            }
          }
          return null;
        });
  }

  /**
   * Records modified at or after {@code fromMillis} with a sequence number above {@code afterSeq},
   * at most {@code limit} of them, in sequence order.
   *
   * @throws IllegalArgumentException when limit is not positive
   */
  public Page fetch(long fromMillis, long afterSeq, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("page size must be positive, was " + limit);
    }
    return ws.tx(
        "read the feed",
        h -> {
          List<long[]> rows = new ArrayList<>();
          List<String[]> texts = new ArrayList<>();
          h.createQuery(
                  "SELECT id, seq, modified_at, signal_type, hash_value, hash_status"
                      + " FROM feed_record WHERE modified_at >= :from AND seq > :after ORDER BY seq")
              .bind("from", fromMillis)
              .bind("after", afterSeq)
              .setMaxRows(limit + 1)
              .scanResultSet(
                  (supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next() && rows.size() <= limit) {
                      rows.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                      texts.add(new String[] {rs.getString(4), rs.getString(5), rs.getString(6)});
                    }
                    return null;
                  });
          boolean more = rows.size() > limit;
          int n = Math.min(limit, rows.size());
          if (n == 0) {
            return new Page(List.of(), false);
          }
          long firstSeq = rows.get(0)[1];
          long lastSeq = rows.get(n - 1)[1];
          Map<Long, Map<String, String>> cases = new HashMap<>();
          h.createQuery(
                  "SELECT c.record_id, c.pseudonym, c.status FROM feed_case c JOIN feed_record r"
                      + " ON r.id = c.record_id WHERE r.seq >= :a AND r.seq <= :b")
              .bind("a", firstSeq)
              .bind("b", lastSeq)
              .map(
                  (rs, ctx) ->
                      cases
                          .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                          .put(rs.getString(2), rs.getString(3)))
              .list();
          Map<Long, List<FeedRecord.Feedback>> feedback = new HashMap<>();
          h.createQuery(
                  "SELECT f.record_id, f.platform, f.feedback, f.tags, f.at FROM feed_feedback f"
                      + " JOIN feed_record r ON r.id = f.record_id"
                      + " WHERE r.seq >= :a AND r.seq <= :b ORDER BY f.platform")
              .bind("a", firstSeq)
              .bind("b", lastSeq)
              .map(
                  (rs, ctx) ->
                      feedback
                          .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                          .add(
                              new FeedRecord.Feedback(
                                  rs.getString(2),
                                  rs.getString(3),
                                  tags(rs.getString(4)),
                                  Instant.ofEpochMilli(rs.getLong(5)))))
              .list();
          List<FeedRecord> out = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            long id = rows.get(i)[0];
            out.add(
                new FeedRecord(
                    rows.get(i)[1],
                    Instant.ofEpochMilli(rows.get(i)[2]),
                    texts.get(i)[0],
                    texts.get(i)[1],
                    texts.get(i)[2],
                    cases.getOrDefault(id, Map.of()),
                    feedback.getOrDefault(id, List.of())));
          }
          return new Page(out, more);
        });
  }

  /**
   * Applies a platform's feedback: each hash's record keeps the platform's latest value (and
   * reappears in the feed), and a {@code Blocked}, {@code NotBlocked} or {@code PendingReview}
   * lands in the takedown tracker of every case that shares the hash, dated {@code today}.
   *
   * @throws IllegalArgumentException naming a feedback value outside {@link #FEEDBACK_VALUES}
   */
  public FeedbackResult feedback(String platform, List<FeedbackIn> items, LocalDate today) {
    for (FeedbackIn f : items) {
      checkFeedback(f.value());
    }
    return ws.tx(
        "record feedback from " + platform,
        h -> {
          Counter c = new Counter(h);
          int applied = 0;
          int answers = 0;
          List<String> unknown = new ArrayList<>();
          for (FeedbackIn f : items) {
            String hash =
                f.hashValue() == null ? "" : f.hashValue().trim().toLowerCase(Locale.ROOT);
            List<Long> ids =
                h.createQuery("SELECT id FROM feed_record WHERE hash_value = :h ORDER BY id")
                    .bind("h", hash)
                    .mapTo(Long.class)
                    .list();
            if (ids.isEmpty()) {
              unknown.add(hash);
              continue;
            }
            for (long id : ids) {
              h.createUpdate("DELETE FROM feed_feedback WHERE record_id = :r AND platform = :p")
                  .bind("r", id)
                  .bind("p", platform)
                  .execute();
              h.createUpdate(
                      "INSERT INTO feed_feedback (record_id, platform, feedback, tags, at)"
                          + " VALUES (:r, :p, :v, :t, :at)")
                  .bind("r", id)
                  .bind("p", platform)
                  .bind("v", f.value())
                  .bind("t", String.join("\n", f.tags()))
                  .bind("at", ws.clock().millis())
                  .execute();
              c.touch(id, null);
              applied++;
              if (TakedownStore.answerKindOf(f.value()).isPresent()) {
                for (String caseId :
                    h.createQuery(
                            "SELECT DISTINCT s.case_id FROM feed_case c JOIN bank_share s"
                                + " ON s.pseudonym = c.pseudonym WHERE c.record_id = :r"
                                + " AND s.case_id IS NOT NULL ORDER BY s.case_id")
                        .bind("r", id)
                        .mapTo(String.class)
                        .list()) {
                  TakedownStore.insertAnswer(
                      h,
                      ws.clock().millis(),
                      new TakedownStore.NewAnswer(
                          caseId,
                          platform,
                          today,
                          TakedownStore.answerKindOf(f.value()).get(),
                          TakedownStore.Source.FEEDBACK,
                          hash,
                          "feedback " + f.value() + tagsNote(f.tags()),
                          null));
                  answers++;
                }
              }
            }
          }
          return new FeedbackResult(applied, unknown, answers);
        });
  }

  /**
   * Keeps hashes a platform submitted for a case worker to review (they are never published), and
   * applies their feedback where the hash is already in the feed.
   *
   * @param signalTypes per item, {@code ImagePDQ} or {@code VideoMD5}
   * @throws IllegalArgumentException for a bad signal type, hash or feedback value
   */
  public FeedbackResult submit(
      String platform, List<String> signalTypes, List<FeedbackIn> items, LocalDate today) {
    for (int i = 0; i < items.size(); i++) {
      checkHash(signalTypes.get(i), items.get(i).hashValue());
      checkFeedback(items.get(i).value());
    }
    ws.tx(
        "keep hashes from " + platform,
        h -> {
          for (int i = 0; i < items.size(); i++) {
            FeedbackIn f = items.get(i);
            h.createUpdate(
                    "INSERT INTO platform_submission (platform, signal_type, hash_value, feedback,"
                        + " tags, at) VALUES (:p, :s, :h, :v, :t, :at)")
                .bind("p", platform)
                .bind("s", signalTypes.get(i))
                .bind("h", f.hashValue().trim().toLowerCase(Locale.ROOT))
                .bind("v", f.value())
                .bind("t", String.join("\n", f.tags()))
                .bind("at", ws.clock().millis())
                .execute();
          }
          return null;
        });
    FeedbackResult r = feedback(platform, items, today);
    return r;
  }

  /** How many hashes platforms submitted, for the workspace. */
  public long submissions() {
    return ws.tx(
        "count submissions",
        h -> h.createQuery("SELECT COUNT(*) FROM platform_submission").mapTo(Long.class).one());
  }

  /**
   * Checks a feed hash: {@code ImagePDQ} takes 64 hex digits, {@code VideoMD5} 32.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static void checkHash(String signalType, String hash) {
    int len;
    if (FeedRecord.IMAGE_PDQ.equals(signalType)) {
      len = 64;
    } else if (FeedRecord.VIDEO_MD5.equals(signalType)) {
      len = 32;
    } else {
      throw new IllegalArgumentException(
          "unsupported signalType \"" + signalType + "\" (expected ImagePDQ or VideoMD5)");
    }
    String v = hash == null ? "" : hash.trim();
    if (v.length() != len || !v.matches("[0-9a-fA-F]+")) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s hash must be %d hex digits, was \"%s\"",
              signalType,
              len,
              v.length() > 80 ? v.substring(0, 80) + "…" : v));
    }
  }

  private static void checkFeedback(String value) {
    if (value == null || !FEEDBACK_VALUES.contains(value)) {
      throw new IllegalArgumentException(
          "unknown feedbackValue \""
              + value
              + "\" (expected Blocked, NotBlocked, PendingReview, None or QualityUnknown)");
    }
  }

  private static String tagsNote(List<String> tags) {
    return tags.isEmpty() ? "" : " (" + String.join(", ", tags) + ")";
  }

  private static List<String> tags(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
  }

  /**
   * Makes the records under a share's pseudonym match its bank: the enabled PDQ and MD5 items while
   * shared, nothing otherwise.
   */
  private void reconcile(Handle h, Share s, long bankId) {
    long now = ws.clock().millis();
    Map<String, String> desired = new LinkedHashMap<>();
    if (s.shared() && bankId >= 0) {
      h.createQuery(
              "SELECT signal_type, hash_value FROM bank_item WHERE bank_id = :b"
                  + " AND signal_type IN ('pdq', 'md5')"
                  + " AND (disabled_until IS NULL OR disabled_until <= :now) ORDER BY id")
          .bind("b", bankId)
          .bind("now", now)
          .map(
              (rs, ctx) ->
                  desired.put(
                      feedType(rs.getString(1)) + ":" + rs.getString(2), feedType(rs.getString(1))))
          .list();
    }
    Map<String, long[]> current = new HashMap<>();
    Map<String, String> currentStatus = new HashMap<>();
    h.createQuery(
            "SELECT r.id, r.signal_type, r.hash_value, c.status FROM feed_case c"
                + " JOIN feed_record r ON r.id = c.record_id WHERE c.pseudonym = :p")
        .bind("p", s.pseudonym())
        .map(
            (rs, ctx) -> {
              String k = rs.getString(2) + ":" + rs.getString(3);
              current.put(k, new long[] {rs.getLong(1)});
              return currentStatus.put(k, rs.getString(4));
            })
        .list();
    Counter c = new Counter(h);
    for (Map.Entry<String, String> d : desired.entrySet()) {
      String key = d.getKey();
      String hash = key.substring(key.indexOf(':') + 1);
      if (current.containsKey(key)) {
        if (!FeedRecord.ACTIVE.equals(currentStatus.get(key))) {
          long id = current.get(key)[0];
          setCase(h, id, s.pseudonym(), FeedRecord.ACTIVE);
          c.touch(id, FeedRecord.ACTIVE);
        }
        continue;
      }
      Optional<Long> existing =
          h.createQuery("SELECT id FROM feed_record WHERE signal_type = :s AND hash_value = :h")
              .bind("s", d.getValue())
              .bind("h", hash)
              .mapTo(Long.class)
              .findOne();
      long id;
      if (existing.isPresent()) {
        id = existing.get();
      } else {
        long seq = c.next();
        h.createUpdate(
                "INSERT INTO feed_record (signal_type, hash_value, hash_status, modified_at, seq)"
                    + " VALUES (:s, :h, :st, :m, :seq)")
            .bind("s", d.getValue())
            .bind("h", hash)
            .bind("st", FeedRecord.ACTIVE)
            .bind("m", c.time())
            .bind("seq", seq)
            .execute();
        id =
            h.createQuery("SELECT id FROM feed_record WHERE seq = :seq")
                .bind("seq", seq)
                .mapTo(Long.class)
                .one();
      }
      h.createUpdate("INSERT INTO feed_case (record_id, pseudonym, status) VALUES (:r, :p, :st)")
          .bind("r", id)
          .bind("p", s.pseudonym())
          .bind("st", FeedRecord.ACTIVE)
          .execute();
      if (existing.isPresent()) {
        c.touch(id, FeedRecord.ACTIVE);
      }
    }
    for (Map.Entry<String, long[]> e : current.entrySet()) {
      if (!desired.containsKey(e.getKey())
          && FeedRecord.ACTIVE.equals(currentStatus.get(e.getKey()))) {
        long id = e.getValue()[0];
        setCase(h, id, s.pseudonym(), FeedRecord.WITHDRAWN);
        c.touch(id, null);
      }
    }
    long[] state = bankId >= 0 ? bankState(h, bankId) : new long[] {0, 0};
    h.createUpdate(
            "UPDATE bank_share SET synced_count = :c, synced_max_item = :m WHERE bank_name = :b")
        .bind("c", state[0])
        .bind("m", state[1])
        .bind("b", s.bank())
        .execute();
  }

  private static void setCase(Handle h, long recordId, String pseudonym, String status) {
    h.createUpdate("UPDATE feed_case SET status = :st WHERE record_id = :r AND pseudonym = :p")
        .bind("st", status)
        .bind("r", recordId)
        .bind("p", pseudonym)
        .execute();
  }

  private static long[] bankState(Handle h, long bankId) {
    return h.createQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM bank_item WHERE bank_id = :b")
        .bind("b", bankId)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .one();
  }

  /** Hands out sequence numbers and never-decreasing modification times within a transaction. */
  private final class Counter {
    private final Handle h;
    private long seq = -1;
    private long time;

    Counter(Handle h) {
      this.h = h;
    }

    private void init() {
      if (seq < 0) {
        long[] m =
            h.createQuery(
                    "SELECT COALESCE(MAX(seq), 0), COALESCE(MAX(modified_at), 0) FROM feed_record")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .one();
        seq = m[0];
        time = Math.max(m[1], ws.clock().millis());
      }
    }

    long next() {
      init();
      return ++seq;
    }

    long time() {
      init();
      return time;
    }

    /** Gives a record the next sequence number; recomputes its status unless given. */
    void touch(long id, String status) {
      long s = next();
      String st = status;
      if (st == null) {
        long active =
            h.createQuery("SELECT COUNT(*) FROM feed_case WHERE record_id = :r AND status = :a")
                .bind("r", id)
                .bind("a", FeedRecord.ACTIVE)
                .mapTo(Long.class)
                .one();
        st = active > 0 ? FeedRecord.ACTIVE : FeedRecord.WITHDRAWN;
      }
      h.createUpdate(
              "UPDATE feed_record SET seq = :s, modified_at = :m, hash_status = :st WHERE id = :id")
          .bind("s", s)
          .bind("m", time)
          .bind("st", st)
          .bind("id", id)
          .execute();
    }
  }

  private static String feedType(String signal) {
    return "pdq".equals(signal) ? FeedRecord.IMAGE_PDQ : FeedRecord.VIDEO_MD5;
  }

  private String newPseudonym(Handle h) {
    while (true) {
      StringBuilder b = new StringBuilder("RD-");
      for (int i = 0; i < 10; i++) {
        b.append(BASE32[RANDOM.nextInt(BASE32.length)]);
      }
      String p = b.toString();
      if (h.createQuery("SELECT COUNT(*) FROM bank_share WHERE pseudonym = :p")
              .bind("p", p)
              .mapTo(Long.class)
              .one()
          == 0) {
        return p;
      }
    }
  }

  private static long bankId(Handle h, String bank) {
    return h.createQuery("SELECT id FROM bank WHERE name = :n")
        .bind("n", bank)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new CasesException.UnknownBank(bank));
  }

  private static Optional<Share> findShare(Handle h, String bank) {
    return h.createQuery("SELECT * FROM bank_share WHERE bank_name = :b")
        .bind("b", bank)
        .map((rs, ctx) -> share(rs))
        .findOne();
  }

  private static Share share(ResultSet rs) throws SQLException {
    return new Share(
        rs.getString("bank_name"),
        rs.getString("case_id"),
        rs.getString("pseudonym"),
        rs.getInt("shared") == 1,
        Instant.ofEpochMilli(rs.getLong("changed_at")));
  }
}
