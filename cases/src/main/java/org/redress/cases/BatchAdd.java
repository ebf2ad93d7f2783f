package org.redress.cases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.redress.match.Signal;
import org.redress.phash.VpdqFrame;

/**
 * One {@link BankStore#add}, run on the caller's transaction in a few bulk steps instead of three
 * statements per item.
 *
 * <ol>
 *   <li>Screen every item in memory: low quality is reported, vPDQ frames below the bank's minimum
 *       are dropped, and each remaining item gets its key (signal, fingerprint). The first item
 *       with a key is the one that may be stored; later ones with the same key are duplicates of
 *       it.
 *   <li>Find the keys already in the bank: stream the bank's keys when the bank is not much larger
 *       than the batch, else look each key up in the unique index.
 *   <li>Insert the new items in input order with prepared batches, so ids are assigned as the
 *       one-at-a-time loop assigned them.
 *   <li>Read the new ids back in one query over the rows between the highest ids seen before and
 *       after inserting, matching each row to the item expected next by bank and key; items not
 *       matched that way (ids not assigned in order, or not above the highest id before) are looked
 *       up by key. Within the transaction a key inserted by it is unique in the bank, so the row
 *       holding it is the one it inserted.
 * </ol>
 *
 * <p>The SQL is portable between SQLite and PostgreSQL: no generated-key retrieval, which drivers
 * implement differently for batches, and no lookups whose plan depends on table statistics.
 */
final class BatchAdd {
  /** Rows per JDBC batch. */
  static final int INSERT_CHUNK = 1000;

  /** Stream the bank's keys when it holds at most this many times as many items as the batch. */
  static final int SCAN_FACTOR = 4;

  private final Handle h;
  private final Bank bank;
  private final long now;
  private final String defaultUser;

  BatchAdd(Handle h, Bank bank, long now, String defaultUser) {
    this.h = h;
    this.bank = bank;
    this.now = now;
    this.defaultUser = defaultUser;
  }

  AddReport run(List<NewItem> items) {
    int n = items.size();
    AddReport.Outcome[] out = new AddReport.Outcome[n];
    HashValue[] hv = new HashValue[n];
    String[] fp = new String[n];
    String[] note = new String[n];
    int[] first = new int[n];
    // signal id -> fingerprint -> index of the first item with that key
    Map<String, Map<String, Integer>> firstByKey = new HashMap<>();
    int keys = 0;
    for (int i = 0; i < n; i++) {
      NewItem it = items.get(i);
      out[i] = screen(it, i, hv, note);
      if (out[i] != null) {
        continue;
      }
      fp[i] = hv[i].fingerprint();
      Integer f =
          firstByKey
              .computeIfAbsent(hv[i].signal().id(), s -> new HashMap<>(capacity(n)))
              .putIfAbsent(fp[i], i);
      first[i] = f == null ? i : f;
      if (f == null) {
        keys++;
      }
    }
    long[] id = new long[n];
    boolean[] existed = new boolean[n];
    findExisting(firstByKey, keys, id, existed);
    int[] inserts = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (out[i] == null && first[i] == i && !existed[i]) {
        inserts[k++] = i;
      }
    }
    inserts = Arrays.copyOf(inserts, k);
    if (k > 0) {
      long before = maxId();
      insert(items, hv, fp, inserts);
      readIds(firstByKey, before, maxId(), inserts, hv, fp, id);
    }
    List<AddReport.Outcome> report = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (out[i] == null) {
        int f = first[i];
        out[i] =
            f == i && !existed[i]
                ? new AddReport.Outcome(items.get(i), AddReport.Status.ADDED, id[i], note[i])
                : new AddReport.Outcome(
                    items.get(i),
                    AddReport.Status.DUPLICATE,
                    id[f],
                    "already in bank " + bank.name() + " as item " + id[f]);
      }
      report.add(out[i]);
    }
    return new AddReport(report);
  }

  /** A hash map capacity that holds n entries without resizing. */
  private static int capacity(int n) {
    return (int) Math.min(1 << 30, n * 4L / 3 + 1);
  }

  /** The low-quality outcome, or null after setting the value to store and its note. */
  private AddReport.Outcome screen(NewItem it, int i, HashValue[] hv, String[] note) {
    HashValue v = it.hash();
    if (v.signal() == Signal.PDQ && v.quality() != null && v.quality() < bank.minQuality()) {
      return new AddReport.Outcome(
          it,
          AddReport.Status.LOW_QUALITY,
          0,
          String.format(
              Locale.ROOT,
              "PDQ quality %d is below bank %s's minimum %d: not stored",
              v.quality(),
              bank.name(),
              bank.minQuality()));
    }
    if (v.signal() == Signal.VPDQ) {
      List<VpdqFrame> all = v.frames();
      List<VpdqFrame> kept = new ArrayList<>();
      for (VpdqFrame f : all) {
        if (f.quality() >= bank.minQuality()) {
          kept.add(f);
        }
      }
      if (kept.isEmpty()) {
        return new AddReport.Outcome(
            it,
            AddReport.Status.LOW_QUALITY,
            0,
            String.format(
                Locale.ROOT,
                "no vPDQ frame reaches bank %s's minimum quality %d: not stored",
                bank.name(),
                bank.minQuality()));
      }
      if (kept.size() < all.size()) {
        note[i] =
            String.format(
                Locale.ROOT,
                "%d of %d vPDQ frames below quality %d were dropped",
                all.size() - kept.size(),
                all.size(),
                bank.minQuality());
        v = HashValue.vpdq(kept);
      }
    }
    hv[i] = v;
    return null;
  }

  /** Marks the first items whose keys the bank already holds, with the stored ids. */
  private void findExisting(
      Map<String, Map<String, Integer>> firstByKey, int keys, long[] id, boolean[] existed) {
    if (keys == 0 || bank.items() == 0) {
      return;
    }
    if (bank.items() <= (long) SCAN_FACTOR * keys) {
      h.createQuery("SELECT id, signal_type, fingerprint FROM bank_item WHERE bank_id = :b")
          .bind("b", bank.id())
          .scanResultSet(
              (rows, ctx) -> {
                ResultSet rs = rows.get();
                while (rs.next()) {
                  Map<String, Integer> m = firstByKey.get(rs.getString(2));
                  Integer i = m == null ? null : m.get(rs.getString(3));
                  if (i != null) {
                    id[i] = rs.getLong(1);
                    existed[i] = true;
                  }
                }
                return null;
              });
      return;
    }
    for (Map.Entry<String, Map<String, Integer>> e : firstByKey.entrySet()) {
      lookUp(
          e.getKey(),
          e.getValue().keySet(),
          e.getValue(),
          (i, rowId) -> {
            id[i] = rowId;
            existed[i] = true;
          });
    }
  }

  /** Receives the index of the first item with a key and the id of the row holding it. */
  private interface Found {
    void found(int index, long rowId);
  }

  /**
   * Looks keys of one signal up one at a time, with one prepared statement. An equality on every
   * column of the unique index is served by that index whatever the planner's statistics; an {@code
   * IN (...)} list of fingerprints was not: PostgreSQL, before it had analysed a freshly filled
   * table, planned it as a scan of the bank's whole (bank, signal) range per list.
   */
  private void lookUp(
      String signal, Collection<String> fps, Map<String, Integer> firstByFp, Found sink) {
    try (PreparedStatement ps =
        h.getConnection()
            .prepareStatement(
                "SELECT id FROM bank_item"
                    + " WHERE bank_id = ? AND signal_type = ? AND fingerprint = ?")) {
      ps.setLong(1, bank.id());
      ps.setString(2, signal);
      for (String f : fps) {
        ps.setString(3, f);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            sink.found(firstByFp.get(f), rs.getLong(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new JdbcFailure("look up bank items", e);
    }
  }

  /**
   * Inserts the items at these indexes, in order. Plain JDBC on the handle's connection: binding
   * through JDBI cost about a microsecond per row, a tenth of a million-item add.
   */
  private void insert(List<NewItem> items, HashValue[] hv, String[] fp, int[] inserts) {
    try (PreparedStatement ps =
        h.getConnection()
            .prepareStatement(
                "INSERT INTO bank_item"
                    + " (bank_id, signal_type, fingerprint, hash_value, quality, label, case_ref, added_by,"
                    + " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int j = 0; j < inserts.length; j++) {
        int i = inserts[j];
        NewItem it = items.get(i);
        ps.setLong(1, bank.id());
        ps.setString(2, hv[i].signal().id());
        ps.setString(3, fp[i]);
        ps.setString(4, hv[i].value());
        if (hv[i].quality() == null) {
          ps.setNull(5, Types.INTEGER);
        } else {
          ps.setInt(5, hv[i].quality());
        }
        ps.setString(6, it.label());
        if (it.caseRef() == null) {
          ps.setNull(7, Types.VARCHAR);
        } else {
          ps.setString(7, it.caseRef());
        }
        ps.setString(8, it.addedBy() == null ? defaultUser : it.addedBy());
        ps.setLong(9, now);
        ps.addBatch();
        if ((j + 1) % INSERT_CHUNK == 0 || j + 1 == inserts.length) {
          ps.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new JdbcFailure("insert bank items", e);
    }
  }

  /** A failure of a plain JDBC step, reported by {@link BankStore} like any JDBI failure. */
  static final class JdbcFailure extends JdbiException {
    private static final long serialVersionUID = 1L;

    JdbcFailure(String verb, SQLException cause) {
      super("failed to " + verb + ": " + cause.getMessage(), cause);
    }
  }

  /** The highest id in the table, or 0: every database answers it from the primary key. */
  private long maxId() {
    return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM bank_item").mapTo(Long.class).one();
  }

  /**
   * Sets the ids of the items just inserted, reading the rows with ids in (before, after]: a
   * primary-key range, which planners serve from the primary key even without statistics (a bank
   * and id condition let PostgreSQL scan the whole bank before it had analysed the table). Both
   * databases give rows inserted one after another increasing ids (SQLite one more than the
   * largest, PostgreSQL the next value of the identity sequence), so the new rows normally come
   * back in the order they were inserted: each row is checked against the item expected next, by
   * bank and key. Rows that do not match it are not taken for granted; the items still without an
   * id afterwards are looked up by key.
   */
  private void readIds(
      Map<String, Map<String, Integer>> firstByKey,
      long before,
      long after,
      int[] inserts,
      HashValue[] hv,
      String[] fp,
      long[] id) {
    int[] next = {0};
    h.createQuery(
            "SELECT id, bank_id, signal_type, fingerprint FROM bank_item"
                + " WHERE id > :before AND id <= :after ORDER BY id")
        .bind("before", before)
        .bind("after", after)
        .scanResultSet(
            (rows, ctx) -> {
              ResultSet rs = rows.get();
              while (next[0] < inserts.length && rs.next()) {
                int i = inserts[next[0]];
                if (rs.getLong(2) == bank.id()
                    && fp[i].equals(rs.getString(4))
                    && hv[i].signal().id().equals(rs.getString(3))) {
                  id[i] = rs.getLong(1);
                  next[0]++;
                }
              }
              return null;
            });
    Map<String, List<String>> missing = new HashMap<>();
    for (int i : inserts) {
      if (id[i] == 0) {
        missing.computeIfAbsent(hv[i].signal().id(), s -> new ArrayList<>()).add(fp[i]);
      }
    }
    for (Map.Entry<String, List<String>> e : missing.entrySet()) {
      lookUp(e.getKey(), e.getValue(), firstByKey.get(e.getKey()), (i, rowId) -> id[i] = rowId);
    }
    for (int i : inserts) {
      if (id[i] == 0) {
        throw new IllegalStateException(
            "item inserted but not found: " + hv[i].signal().id() + " " + fp[i]);
      }
    }
  }
}
