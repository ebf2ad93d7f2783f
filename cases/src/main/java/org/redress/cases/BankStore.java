package org.redress.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.redress.match.BankRules;
import org.redress.match.Matcher;
import org.redress.match.Signal;
import org.redress.phash.Pdq;

/**
 * Banks of hashed items and the allow list, stored in the workspace database. Every method runs in
 * one transaction: it either changes everything it was asked to or nothing.
 */
public final class BankStore {
  /** Bank names: a letter or digit, then letters, digits, '.', '_' or '-'; at most 100. */
  public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,99}");

  private static final String ITEM_COLUMNS =
      "i.id, b.name AS bank, i.signal_type, i.hash_value,"
          + " i.quality, i.label, i.case_ref, i.added_by, i.added_at, i.disabled_until";

  private final Workspace ws;

  BankStore(Workspace ws) {
    this.ws = ws;
  }

  /**
   * Creates a bank.
   *
   * @throws CasesException when the name is taken
   * @throws IllegalArgumentException for a bad name, threshold or minimum quality
   */
  public Bank create(String name, int threshold, int minQuality) {
    checkName(name);
    new BankRules(name, threshold, minQuality);
    return ws.tx(
        "create bank " + name,
        h -> {
          if (find(h, name).isPresent()) {
            throw new CasesException(
                CasesException.Reason.BANK_EXISTS, "bank already exists: " + name, null, name);
          }
          long now = ws.clock().millis();
          h.createUpdate(
                  "INSERT INTO bank (name, threshold, min_quality, created_at)"
                      + " VALUES (:name, :t, :q, :now)")
              .bind("name", name)
              .bind("t", threshold)
              .bind("q", minQuality)
              .bind("now", now)
              .execute();
          return get(h, name);
        });
  }

  /** Every bank, by name (in code point order, whatever the database's collation). */
  public List<Bank> list() {
    return ws.tx(
        "list banks", h -> byName(h.createQuery(bankQuery("")).map((rs, ctx) -> bank(rs)).list()));
  }

  /**
   * The bank with this name.
   *
   * @throws CasesException.UnknownBank when there is none
   */
  public Bank get(String name) {
    return ws.tx("read bank " + name, h -> get(h, name));
  }

  /**
   * Deletes a bank and all its items.
   *
   * @throws CasesException.UnknownBank when there is none
   */
  public void delete(String name) {
    ws.tx(
        "delete bank " + name,
        h -> {
          Bank b = get(h, name);
          h.createUpdate("DELETE FROM bank_item WHERE bank_id = :id").bind("id", b.id()).execute();
          h.createUpdate("DELETE FROM bank WHERE id = :id").bind("id", b.id()).execute();
          return null;
        });
  }

  /**
   * Adds items to a bank in one transaction. An item already in the bank (same signal and value),
   * or given earlier in the same list, is reported as a duplicate with the stored item's id and
   * left unchanged; a PDQ item below the bank's minimum quality is not stored; a vPDQ item keeps
   * only its frames of sufficient quality, and is not stored when none is left. New items get ids
   * in list order. Items are stored in bulk (see {@code BatchAdd}): a million PDQ items take
   * seconds, not a minute.
   *
   * @throws CasesException.UnknownBank when the bank does not exist (nothing is added)
   */
  public AddReport add(String bankName, List<NewItem> items) {
    return ws.tx(
        "add to bank " + bankName,
        h -> {
          Bank b = get(h, bankName);
          return new BatchAdd(h, b, ws.clock().millis(), ws.user()).run(items);
        });
  }

  /**
   * Every item of a bank, by id.
   *
   * @throws CasesException.UnknownBank when the bank does not exist
   */
  public List<Item> items(String bankName) {
    return ws.tx(
        "read bank " + bankName,
        h -> {
          Bank b = get(h, bankName);
          return h.createQuery(
                  "SELECT "
                      + ITEM_COLUMNS
                      + " FROM bank_item i JOIN bank b"
                      + " ON b.id = i.bank_id WHERE i.bank_id = :b ORDER BY i.id")
              .bind("b", b.id())
              .map((rs, ctx) -> item(rs))
              .list();
        });
  }

  /**
   * One item of a bank, if the bank holds an item with this id (used by the platform API).
   *
   * @throws CasesException.UnknownBank when the bank does not exist
   */
  public Optional<Item> item(String bankName, long itemId) {
    return ws.tx(
        "read item " + itemId,
        h -> {
          Bank b = get(h, bankName);
          return h.createQuery(
                  "SELECT "
                      + ITEM_COLUMNS
                      + " FROM bank_item i JOIN bank b"
                      + " ON b.id = i.bank_id WHERE i.id = :id AND i.bank_id = :b")
              .bind("id", itemId)
              .bind("b", b.id())
              .map((rs, ctx) -> item(rs))
              .findOne();
        });
  }

  /** How many items of each signal the banks hold (all banks, enabled or not). */
  public java.util.Map<Signal, Long> signalCounts() {
    return ws.tx(
        "count bank items",
        h -> {
          java.util.Map<Signal, Long> out = new java.util.EnumMap<>(Signal.class);
          for (Signal s : Signal.values()) {
            out.put(s, 0L);
          }
          h.createQuery("SELECT signal_type, COUNT(*) FROM bank_item GROUP BY signal_type")
              .map((rs, ctx) -> out.put(Signal.parse(rs.getString(1)), rs.getLong(2)))
              .list();
          return out;
        });
  }

  /**
   * Disables an item until an instant (inclusive of every earlier moment); null re-enables it.
   *
   * @throws CasesException when the bank or the item in it does not exist
   */
  public Item disable(String bankName, long itemId, Instant until) {
    return ws.tx(
        "disable item " + itemId,
        h -> {
          Bank b = get(h, bankName);
          int n =
              h.createUpdate(
                      "UPDATE bank_item SET disabled_until = :u WHERE id = :id"
                          + " AND bank_id = :b")
                  .bind("u", until == null ? null : until.toEpochMilli())
                  .bind("id", itemId)
                  .bind("b", b.id())
                  .execute();
          if (n == 0) {
            throw noSuchItem(b.name(), itemId);
          }
          return h.createQuery(
                  "SELECT "
                      + ITEM_COLUMNS
                      + " FROM bank_item i JOIN bank b"
                      + " ON b.id = i.bank_id WHERE i.id = :id")
              .bind("id", itemId)
              .map((rs, ctx) -> item(rs))
              .one();
        });
  }

  /**
   * Removes items from a bank: all of them, or none when one id is not in the bank.
   *
   * @throws CasesException naming the first id that is not in the bank
   */
  public int remove(String bankName, Collection<Long> itemIds) {
    return ws.tx(
        "remove items from bank " + bankName,
        h -> {
          Bank b = get(h, bankName);
          int n = 0;
          for (long id : itemIds) {
            int k =
                h.createUpdate("DELETE FROM bank_item WHERE id = :id AND bank_id = :b")
                    .bind("id", id)
                    .bind("b", b.id())
                    .execute();
            if (k == 0) {
              throw noSuchItem(b.name(), id);
            }
            n += k;
          }
          return n;
        });
  }

  /**
   * Adds a known-benign hash to the allow list; adding one already there is a no-op that returns
   * the existing entry.
   *
   * @throws IllegalArgumentException for a vPDQ hash or a distance outside 0..256
   */
  public AllowEntry allow(HashValue hash, int maxDistance, String label, String addedBy) {
    if (hash.signal() == Signal.VPDQ) {
      throw new IllegalArgumentException(
          "the allow list takes pdq, md5 or sha256 hashes, not vpdq");
    }
    if (maxDistance < 0 || maxDistance > 256) {
      throw new IllegalArgumentException("allow distance must be in 0..256, was " + maxDistance);
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    NewItem.checkText("label", label, 500);
    NewItem.checkText("added by", addedBy, 200);
    return ws.tx(
        "add to the allow list",
        h -> {
          Optional<AllowEntry> existing =
              h.createQuery(
                      "SELECT * FROM allow_entry WHERE" + " signal_type = :s AND fingerprint = :f")
                  .bind("s", hash.signal().id())
                  .bind("f", hash.fingerprint())
                  .map((rs, ctx) -> allowEntry(rs))
                  .findOne();
          if (existing.isPresent()) {
            return existing.get();
          }
          h.createUpdate(
                  "INSERT INTO allow_entry (signal_type, fingerprint, max_distance, label,"
                      + " added_by, added_at) VALUES (:s, :f, :d, :label, :by, :at)")
              .bind("s", hash.signal().id())
              .bind("f", hash.fingerprint())
              .bind("d", maxDistance)
              .bind("label", label)
              .bind("by", addedBy == null ? ws.user() : addedBy)
              .bind("at", ws.clock().millis())
              .execute();
          return h.createQuery(
                  "SELECT * FROM allow_entry WHERE signal_type = :s AND fingerprint = :f")
              .bind("s", hash.signal().id())
              .bind("f", hash.fingerprint())
              .map((rs, ctx) -> allowEntry(rs))
              .one();
        });
  }

  /** The allow list, by id. */
  public List<AllowEntry> allowList() {
    return ws.tx(
        "read the allow list",
        h ->
            h.createQuery("SELECT * FROM allow_entry ORDER BY id")
                .map((rs, ctx) -> allowEntry(rs))
                .list());
  }

  /**
   * Removes an allow-list entry.
   *
   * @throws CasesException when there is no such entry
   */
  public void removeAllow(long id) {
    ws.tx(
        "remove allow entry " + id,
        h -> {
          if (h.createUpdate("DELETE FROM allow_entry WHERE id = :id").bind("id", id).execute()
              == 0) {
            throw new CasesException(
                CasesException.Reason.NO_SUCH_ALLOW_ENTRY,
                "no allow-list entry with id " + id,
                null,
                id);
          }
          return null;
        });
  }

  /**
   * Loads banks into a matcher: the named banks (every bank when the list is empty), only items
   * enabled at {@code now}, and the whole allow list.
   *
   * @param bankNames banks to load, or empty for all
   * @param now the instant at which "disabled until" is judged
   * @param queryPercent vPDQ query-match percentage
   * @param comparedPercent vPDQ compared-match percentage
   * @param warnings receives warnings about stored items that cannot be matched
   * @throws CasesException.UnknownBank when a named bank does not exist
   */
  public Matcher matcher(
      Collection<String> bankNames,
      Instant now,
      double queryPercent,
      double comparedPercent,
      List<String> warnings) {
    return ws.tx(
        "load banks",
        h -> {
          List<Bank> banks = new ArrayList<>();
          if (bankNames.isEmpty()) {
            banks.addAll(byName(h.createQuery(bankQuery("")).map((rs, ctx) -> bank(rs)).list()));
          } else {
            for (String n : new java.util.LinkedHashSet<>(bankNames)) {
              banks.add(get(h, n));
            }
          }
          Matcher.Builder mb = Matcher.builder().vpdqPercents(queryPercent, comparedPercent);
          for (Bank b : banks) {
            mb.bank(b.rules());
            // Only the columns matching needs, streamed straight into the builder: a million-item
            // bank loads in about a third of the time that reading full Item records took.
            h.createQuery(
                    "SELECT id, signal_type, hash_value, quality, label FROM bank_item"
                        + " WHERE bank_id = :b AND (disabled_until IS NULL OR disabled_until <= :now)"
                        + " ORDER BY id")
                .bind("b", b.id())
                .bind("now", now.toEpochMilli())
                .scanResultSet(
                    (rows, ctx) -> {
                      ResultSet rs = rows.get();
                      while (rs.next()) {
                        addToMatcher(mb, b.name(), rs);
                      }
                      return null;
                    });
          }
          for (AllowEntry a :
              h.createQuery("SELECT * FROM allow_entry ORDER BY id")
                  .map((rs, ctx) -> allowEntry(rs))
                  .list()) {
            if (a.hash().signal() == Signal.PDQ) {
              mb.allowPdq(a.id(), a.label(), a.hash().pdq(), a.maxDistance());
            } else {
              mb.allowDigest(a.id(), a.label(), a.hash().signal(), a.hash().value());
            }
          }
          warnings.addAll(mb.warnings());
          return mb.build();
        });
  }

  private static void addToMatcher(Matcher.Builder mb, String bank, ResultSet rs)
      throws SQLException {
    long id = rs.getLong(1);
    Signal signal = Signal.parse(rs.getString(2));
    String value = rs.getString(3);
    int q = rs.getInt(4);
    int quality = rs.wasNull() ? Matcher.QUALITY_UNKNOWN : q;
    String label = rs.getString(5);
    switch (signal) {
      case PDQ:
        mb.pdq(bank, id, label, Pdq.parse(value), quality);
        break;
      case VPDQ:
        mb.vpdq(bank, id, label, HashValue.parseFrames(value));
        break;
      default:
        mb.digest(bank, id, label, signal, value);
        break;
    }
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "bad bank name \""
              + name
              + "\": use letters, digits,"
              + " '.', '_' or '-', starting with a letter or digit, at most 100 characters");
    }
  }

  private static CasesException noSuchItem(String bank, long id) {
    return new CasesException(
        CasesException.Reason.NO_SUCH_ITEM, "no item " + id + " in bank " + bank, null, id, bank);
  }

  private static String bankQuery(String where) {
    return "SELECT b.id, b.name, b.threshold, b.min_quality, b.created_at,"
        + " (SELECT COUNT(*) FROM bank_item i WHERE i.bank_id = b.id) AS items FROM bank b"
        + where;
  }

  /**
   * Sorts banks by name in code point order, as SQLite's binary collation does; a PostgreSQL
   * server's collation may sort linguistically ("a A b B" instead of "A B a b"), so ORDER BY on a
   * text column is not portable.
   */
  private static List<Bank> byName(List<Bank> banks) {
    List<Bank> sorted = new ArrayList<>(banks);
    sorted.sort(
        (a, b) -> Arrays.compare(a.name().codePoints().toArray(), b.name().codePoints().toArray()));
    return sorted;
  }

  private static Optional<Bank> find(Handle h, String name) {
    return h.createQuery(bankQuery(" WHERE b.name = :name"))
        .bind("name", name)
        .map((rs, ctx) -> bank(rs))
        .findOne();
  }

  private static Bank get(Handle h, String name) {
    return find(h, name).orElseThrow(() -> new CasesException.UnknownBank(name));
  }

  private static Bank bank(ResultSet rs) throws SQLException {
    return new Bank(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getInt("threshold"),
        rs.getInt("min_quality"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getLong("items"));
  }

  private static Item item(ResultSet rs) throws SQLException {
    int q = rs.getInt("quality");
    Integer quality = rs.wasNull() ? null : q;
    long du = rs.getLong("disabled_until");
    Instant disabled = rs.wasNull() ? null : Instant.ofEpochMilli(du);
    Signal s = Signal.parse(rs.getString("signal_type"));
    return new Item(
        rs.getLong("id"),
        rs.getString("bank"),
        new HashValue(s, rs.getString("hash_value"), quality),
        rs.getString("label"),
        rs.getString("case_ref"),
        rs.getString("added_by"),
        Instant.ofEpochMilli(rs.getLong("added_at")),
        disabled);
  }

  private static AllowEntry allowEntry(ResultSet rs) throws SQLException {
    Signal s = Signal.parse(rs.getString("signal_type"));
    return new AllowEntry(
        rs.getLong("id"),
        new HashValue(s, rs.getString("fingerprint"), null),
        rs.getInt("max_distance"),
        rs.getString("label"),
        rs.getString("added_by"),
        Instant.ofEpochMilli(rs.getLong("added_at")));
  }
}
