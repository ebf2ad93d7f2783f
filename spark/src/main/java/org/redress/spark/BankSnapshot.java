package org.redress.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.redress.cases.AllowEntry;
import org.redress.cases.Bank;
import org.redress.cases.BankStore;
import org.redress.cases.HashValue;
import org.redress.cases.Item;
import org.redress.cases.ItemFormat;
import org.redress.cases.NewItem;
import org.redress.match.BankRules;
import org.redress.match.Matcher;
import org.redress.match.Signal;
import org.redress.phash.Pdq;

/**
 * The banks a job matches against, as plain data that Spark broadcasts once to every executor: bank
 * rules, enabled items (PDQ hashes as four longs each) and the allow list. Each executor JVM builds
 * one {@link Matcher} from it, with exactly the builder calls {@code BankStore.matcher} makes, and
 * keeps it for every task of the job.
 */
final class BankSnapshot implements Serializable {
  private static final long serialVersionUID = 1L;
  // The matcher of the latest snapshot this JVM saw: one job's banks at a time, built once.
  private static String builtId;
  private static Matcher built;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final String id = UUID.randomUUID().toString();
  private final List<Rules> banks = new ArrayList<>();
  private final double queryPercent;
  private final double comparedPercent;
  // PDQ items, column-wise: bank index, item id, label, quality, four words per hash.
  private int pdqCount;
  private int[] pdqBank = new int[16];
  private long[] pdqItem = new long[16];
  private String[] pdqLabel = new String[16];
  private int[] pdqQuality = new int[16];
  private long[] pdqWords = new long[64];
  // Other items (vPDQ, MD5, SHA-256) as stored text.
  private final List<Other> others = new ArrayList<>();
  private final List<Allow> allows = new ArrayList<>();

  private record Rules(String name, int threshold, int minQuality) implements Serializable {
    BankRules rules() {
      return new BankRules(name, threshold, minQuality);
    }
  }

  private record Other(int bank, long item, String label, Signal signal, String value)
      implements Serializable {}

  private record Allow(long id, String label, Signal signal, String value, int distance)
      implements Serializable {}

  private BankSnapshot(double queryPercent, double comparedPercent) {
    this.queryPercent = queryPercent;
    this.comparedPercent = comparedPercent;
  }

  /**
   * The named banks of a workspace (every bank when none is named): items enabled at {@code now}
   * and the whole allow list, as {@code redress match} loads them.
   *
   * @throws org.redress.cases.CasesException.UnknownBank when a named bank does not exist
   */
  static BankSnapshot fromWorkspace(
      BankStore store,
      Collection<String> names,
      Instant now,
      double queryPercent,
      double comparedPercent) {
    BankSnapshot s = new BankSnapshot(queryPercent, comparedPercent);
    List<Bank> banks = new ArrayList<>();
    if (names.isEmpty()) {
      banks.addAll(store.list());
    } else {
      for (String n : new LinkedHashSet<>(names)) {
        banks.add(store.get(n));
      }
    }
    for (Bank b : banks) {
      int bi = s.addBank(b.rules());
      for (Item it : store.items(b.name())) {
        if (it.enabledAt(now)) {
          s.addItem(bi, it.id(), it.label(), it.hash());
        }
      }
    }
    for (AllowEntry a : store.allowList()) {
      s.allows.add(
          new Allow(a.id(), a.label(), a.hash().signal(), a.hash().value(), a.maxDistance()));
    }
    return s;
  }

  /**
   * A bank read from an exported file ({@code redress bank export}: hma, jsonl or csv, detected
   * from the first line). A JSON-lines export keeps its item ids and labels; HMA and CSV items are
   * numbered 1, 2, … in file order, and HMA items labelled as {@code redress bank import} labels
   * them, since an HMA line carries neither id nor label.
   *
   * @throws org.redress.cases.CasesException naming the file and line of a bad item
   * @throws IOException when the file cannot be read
   */
  static BankSnapshot fromFile(
      String name,
      String fileName,
      BufferedReader in,
      BankRules rules,
      double queryPercent,
      double comparedPercent)
      throws IOException {
    BankSnapshot s = new BankSnapshot(queryPercent, comparedPercent);
    s.addFile(name, fileName, in, rules);
    return s;
  }

  /** Adds another exported bank file (see {@link #fromFile}). */
  void addFile(String name, String fileName, BufferedReader in, BankRules rules)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String l = in.readLine(); l != null; l = in.readLine()) {
      lines.add(l);
    }
    String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    ItemFormat f = ItemFormat.detect(first);
    List<NewItem> items =
        f.read(
            new BufferedReader(new java.io.StringReader(String.join("\n", lines))),
            fileName,
            null,
            "bulk");
    // A JSON-lines export keeps each item's id; HMA and CSV lines carry none.
    List<Long> ids = new ArrayList<>();
    if (f == ItemFormat.JSONL) {
      for (String l : lines) {
        if (!l.isBlank() && !l.trim().startsWith("#")) {
          com.fasterxml.jackson.databind.JsonNode id = JSON.readTree(l).get("id");
          ids.add(id != null && id.canConvertToLong() ? id.asLong() : null);
        }
      }
    }
    int bi = addBank(new BankRules(name, rules.threshold(), rules.minQuality()));
    for (int i = 0; i < items.size(); i++) {
      Long id = i < ids.size() ? ids.get(i) : null;
      addItem(bi, id == null ? i + 1 : id, items.get(i).label(), items.get(i).hash());
    }
  }

  private int addBank(BankRules r) {
    for (Rules b : banks) {
      if (b.name().equals(r.name())) {
        throw new IllegalArgumentException("bank " + r.name() + " given twice");
      }
    }
    banks.add(new Rules(r.name(), r.threshold(), r.minQuality()));
    return banks.size() - 1;
  }

  private void addItem(int bank, long item, String label, HashValue h) {
    if (h.signal() != Signal.PDQ) {
      others.add(new Other(bank, item, label, h.signal(), h.value()));
      return;
    }
    if (pdqCount == pdqItem.length) {
      int n = pdqCount * 2;
      pdqBank = java.util.Arrays.copyOf(pdqBank, n);
      pdqItem = java.util.Arrays.copyOf(pdqItem, n);
      pdqLabel = java.util.Arrays.copyOf(pdqLabel, n);
      pdqQuality = java.util.Arrays.copyOf(pdqQuality, n);
      pdqWords = java.util.Arrays.copyOf(pdqWords, n * 4);
    }
    pdqBank[pdqCount] = bank;
    pdqItem[pdqCount] = item;
    pdqLabel[pdqCount] = label;
    pdqQuality[pdqCount] = h.quality() == null ? Matcher.QUALITY_UNKNOWN : h.quality();
    System.arraycopy(h.pdq().toLongs(), 0, pdqWords, pdqCount * 4, 4);
    pdqCount++;
  }

  /** The banks' names, in order. */
  List<String> bankNames() {
    List<String> names = new ArrayList<>();
    for (Rules b : banks) {
      names.add(b.name());
    }
    return names;
  }

  /** Items held (all signals). */
  int itemCount() {
    return pdqCount + others.size();
  }

  /**
   * The matcher for this snapshot, built once per JVM (per executor) and shared by its tasks; a
   * later job's snapshot replaces it, so an executor never holds two jobs' banks.
   */
  Matcher matcher() {
    synchronized (BankSnapshot.class) {
      if (!id.equals(builtId)) {
        built = null;
        built = build(new ArrayList<>());
        builtId = id;
      }
      return built;
    }
  }

  /**
   * Builds this JVM's matcher now (the driver's: in local mode its executors share it) and returns
   * the builder's warnings about items that cannot be matched.
   */
  List<String> prime() {
    List<String> warnings = new ArrayList<>();
    synchronized (BankSnapshot.class) {
      built = null;
      built = build(warnings);
      builtId = id;
    }
    return warnings;
  }

  /**
   * Builds a matcher as {@code BankStore.matcher} does.
   *
   * @param warnings receives the builder's warnings about items that cannot be matched
   */
  Matcher build(List<String> warnings) {
    Matcher.Builder mb = Matcher.builder().vpdqPercents(queryPercent, comparedPercent);
    for (Rules b : banks) {
      mb.bank(b.rules());
    }
    long[] w = new long[4];
    for (int i = 0; i < pdqCount; i++) {
      System.arraycopy(pdqWords, i * 4, w, 0, 4);
      mb.pdq(
          banks.get(pdqBank[i]).name(), pdqItem[i], pdqLabel[i], Pdq.fromLongs(w), pdqQuality[i]);
    }
    for (Other o : others) {
      String bank = banks.get(o.bank()).name();
      if (o.signal() == Signal.VPDQ) {
        mb.vpdq(bank, o.item(), o.label(), HashValue.parseFrames(o.value()));
      } else {
        mb.digest(bank, o.item(), o.label(), o.signal(), o.value());
      }
    }
    for (Allow a : allows) {
      if (a.signal() == Signal.PDQ) {
        mb.allowPdq(a.id(), a.label(), Pdq.parse(a.value()), a.distance());
      } else {
        mb.allowDigest(a.id(), a.label(), a.signal(), a.value());
      }
    }
    warnings.addAll(mb.warnings());
    return mb.build();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d bank(s) %s, %d item(s), %d allow entr%s",
        banks.size(),
        bankNames(),
        itemCount(),
        allows.size(),
        allows.size() == 1 ? "y" : "ies");
  }
}
