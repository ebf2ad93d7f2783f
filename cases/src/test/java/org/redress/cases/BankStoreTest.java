package org.redress.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.match.Match;
import org.redress.match.Matcher;
import org.redress.match.Query;
import org.redress.match.Signal;
import org.redress.phash.Pdq;
import org.redress.phash.PdqResult;

class BankStoreTest {
  static final String PDQ_A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String PDQ_B = "0000000000000000000000000000000000000000000000000000000000000000";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  BankStore store;

  @BeforeEach
  void open() {
    store = Workspace.open(dir, Clock.fixed(T0, ZoneOffset.UTC), "tester").banks();
  }

  @Test
  void open_freshDirectory_createsMigratedDatabaseThatKeepsDataAcrossOpens() {
    store.create("victim", 31, 50);
    assertThat(dir.resolve("redress.db")).exists();
    BankStore again = Workspace.open(dir, Clock.systemUTC(), "x").banks();
    assertThat(again.list()).extracting(Bank::name).containsExactly("victim");
  }

  @Test
  void create_duplicateOrBadName_throwsNamingIt() {
    Bank b = store.create("victim", 20, 60);
    assertThat(b.threshold()).isEqualTo(20);
    assertThat(b.minQuality()).isEqualTo(60);
    assertThat(b.createdAt()).isEqualTo(T0);
    assertThatThrownBy(() -> store.create("victim", 31, 50)).hasMessageContaining("victim");
    assertThatThrownBy(() -> store.create("bad name", 31, 50)).hasMessageContaining("bad name");
    assertThatThrownBy(() -> store.create("ok", 31, 101)).hasMessageContaining("101");
    assertThatThrownBy(() -> store.get("nope"))
        .isInstanceOf(CasesException.UnknownBank.class)
        .hasMessageContaining("nope");
  }

  @Test
  void add_duplicateAndLowQuality_reportedAndNotStoredTwice() {
    store.create("victim", 31, 50);
    AddReport r =
        store.add(
            "victim",
            List.of(
                item("pdq:" + PDQ_A.toUpperCase(java.util.Locale.ROOT) + ",90", "a.jpg"),
                item("pdq:" + PDQ_A + ",80", "a again"),
                item("pdq:" + PDQ_B + ",10", "flat.jpg"),
                item("md5:" + "AB".repeat(16), "a.mp4")));
    assertThat(r.outcomes())
        .extracting(AddReport.Outcome::status)
        .containsExactly(
            AddReport.Status.ADDED,
            AddReport.Status.DUPLICATE,
            AddReport.Status.LOW_QUALITY,
            AddReport.Status.ADDED);
    assertThat(r.outcomes().get(1).id()).isEqualTo(r.outcomes().get(0).id());
    List<Item> items = store.items("victim");
    assertThat(items).extracting(i -> i.hash().value()).containsExactly(PDQ_A, "ab".repeat(16));
    assertThat(items.get(0).label()).isEqualTo("a.jpg");
    assertThat(items.get(0).addedBy()).isEqualTo("tester");
    assertThat(items.get(0).addedAt()).isEqualTo(T0);
  }

  @Test
  void add_duplicatesWithinOneBatch_storedOnceAndReportedWithTheFirstId() {
    store.create("victim", 31, 50);
    String video = "vpdq:" + PDQ_A + ",90,0.000;" + PDQ_B + ",10,1.000";
    AddReport r =
        store.add(
            "victim",
            List.of(
                item("pdq:" + PDQ_A + ",90", "a.jpg"),
                item("md5:" + "AB".repeat(16), "a.mp4"),
                item("pdq:" + PDQ_A.toUpperCase(java.util.Locale.ROOT) + ",70", "a again"),
                item("sha256:" + PDQ_A, "same hex, other signal"),
                item(video, "clip.mp4"),
                item("md5:" + "ab".repeat(16), "a.mp4 again"),
                item(video, "clip again"),
                item("pdq:" + PDQ_A, "a third time")));
    assertThat(r.outcomes())
        .extracting(AddReport.Outcome::status)
        .containsExactly(
            AddReport.Status.ADDED,
            AddReport.Status.ADDED,
            AddReport.Status.DUPLICATE,
            AddReport.Status.ADDED,
            AddReport.Status.ADDED,
            AddReport.Status.DUPLICATE,
            AddReport.Status.DUPLICATE,
            AddReport.Status.DUPLICATE);
    long a = r.outcomes().get(0).id();
    assertThat(r.outcomes())
        .extracting(AddReport.Outcome::id)
        .containsExactly(a, a + 1, a, a + 2, a + 3, a + 1, a + 3, a);
    assertThat(r.outcomes().get(2).note()).isEqualTo("already in bank victim as item " + a);
    assertThat(r.outcomes().get(4).note()).contains("1 of 2");
    assertThat(r.outcomes().get(6).note()).isEqualTo("already in bank victim as item " + (a + 3));
    assertThat(store.items("victim"))
        .extracting(Item::id, Item::label)
        .containsExactly(
            tuple(a, "a.jpg"),
            tuple(a + 1, "a.mp4"),
            tuple(a + 2, "same hex, other signal"),
            tuple(a + 3, "clip.mp4"));
  }

  @Test
  void add_itemsAlreadyStored_reportedAsDuplicatesOfTheStoredIds() {
    store.create("small", 31, 0);
    store.create("large", 31, 0);
    // "small" holds fewer items than four times the batch (its keys are read in one scan),
    // "large" more (the batch's keys are looked up in the index).
    List<NewItem> stored = pdqItems(0, 60, "stored");
    List<Long> smallIds = ids(store.add("small", stored.subList(0, 10)));
    List<Long> largeIds = ids(store.add("large", stored));
    List<NewItem> batch = new ArrayList<>(pdqItems(1000, 3, "new"));
    batch.add(1, stored.get(7));
    batch.add(stored.get(2));
    for (String bank : List.of("small", "large")) {
      List<Long> old = bank.equals("small") ? smallIds : largeIds;
      int before = store.items(bank).size();
      AddReport r = store.add(bank, batch);
      assertThat(r.outcomes())
          .as(bank)
          .extracting(AddReport.Outcome::status)
          .containsExactly(
              AddReport.Status.ADDED,
              AddReport.Status.DUPLICATE,
              AddReport.Status.ADDED,
              AddReport.Status.ADDED,
              AddReport.Status.DUPLICATE);
      assertThat(r.outcomes().get(1).id()).as(bank).isEqualTo(old.get(7));
      assertThat(r.outcomes().get(4).id()).as(bank).isEqualTo(old.get(2));
      assertThat(r.outcomes().get(1).note())
          .as(bank)
          .isEqualTo("already in bank " + bank + " as item " + old.get(7));
      assertThat(store.items(bank)).as(bank).hasSize(before + 3);
      AddReport again = store.add(bank, batch);
      assertThat(again.count(AddReport.Status.DUPLICATE)).as(bank).isEqualTo(5);
      assertThat(ids(again))
          .as(bank)
          .containsExactly(
              r.outcomes().get(0).id(),
              old.get(7),
              r.outcomes().get(2).id(),
              r.outcomes().get(3).id(),
              old.get(2));
    }
  }

  @Test
  void add_failureMidBatch_leavesTheDatabaseUnchanged() throws Exception {
    store.create("victim", 31, 0);
    List<Long> stored = ids(store.add("victim", pdqItems(0, 5, "stored")));
    failInsertsLabelled("boom");
    // Past two full insert chunks, so that earlier chunks have been executed when it fails.
    List<NewItem> batch = new ArrayList<>(pdqItems(100, 2 * BatchAdd.INSERT_CHUNK + 500, "new"));
    batch.add(
        2 * BatchAdd.INSERT_CHUNK + 200,
        new NewItem(HashValue.parseTagged("md5:" + "cd".repeat(16)), "boom", null, null));
    batch.add(3, pdqItems(0, 1, "stored").get(0));
    assertThatThrownBy(() -> store.add("victim", batch))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("injected failure")
        .hasMessageNotContaining("\n");
    assertThat(store.items("victim")).extracting(Item::id).containsExactlyElementsOf(stored);
    batch.remove(2 * BatchAdd.INSERT_CHUNK + 201);
    AddReport r = store.add("victim", batch);
    assertThat(r.count(AddReport.Status.ADDED)).isEqualTo(2 * BatchAdd.INSERT_CHUNK + 500);
    assertThat(r.outcomes().get(3).id()).isEqualTo(stored.get(0));
    assertThat(store.items("victim")).hasSize(5 + 2 * BatchAdd.INSERT_CHUNK + 500);
  }

  @Test
  void add_newIdsNotAboveTheHighestId_stillReportsEachItemsOwnId() throws Exception {
    store.create("other", 31, 0);
    store.create("victim", 31, 0);
    // With a row at the largest possible id, SQLite picks new ids at random and PostgreSQL's
    // sequence carries on below it: reading back the rows above the highest id finds none.
    String md5 = "ef".repeat(16);
    execute(
        "INSERT INTO bank_item (id, bank_id, signal_type, fingerprint, hash_value, label,"
            + " added_by, added_at) VALUES ("
            + Long.MAX_VALUE
            + ", "
            + store.get("other").id()
            + ", 'md5', '"
            + md5
            + "', '"
            + md5
            + "', 'highest', 'x', 0)");
    List<NewItem> batch = new ArrayList<>(pdqItems(3, 1500, "new"));
    batch.add(batch.get(700));
    AddReport r = store.add("victim", batch);
    Map<String, Long> stored = new HashMap<>();
    for (Item i : store.items("victim")) {
      stored.put(i.hash().value() + " " + i.label(), i.id());
    }
    assertThat(stored).hasSize(1500);
    for (AddReport.Outcome o : r.outcomes().subList(0, 1500)) {
      assertThat(o.status()).isEqualTo(AddReport.Status.ADDED);
      assertThat(o.id()).isEqualTo(stored.get(o.item().hash().value() + " " + o.item().label()));
    }
    assertThat(r.outcomes().get(1500).id()).isEqualTo(r.outcomes().get(700).id());
  }

  /** Runs SQL on the workspace's database, outside the store. */
  void execute(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("redress.db"));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Makes the database refuse to insert an item with this label, with "injected failure". */
  void failInsertsLabelled(String label) throws Exception {
    execute(
        "CREATE TRIGGER fail_on_label BEFORE INSERT ON bank_item WHEN NEW.label = '"
            + label
            + "' BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
  }

  @Test
  void add_largeBatch_storesEveryItemWithItsIdInInputOrder() {
    store.create("big", 31, 50);
    List<NewItem> batch = new ArrayList<>(pdqItems(0, 20_000, "item"));
    for (int i = 0; i < 20_000; i += 97) {
      batch.add(i + 1, batch.get(i)); // a duplicate right after its first
    }
    AddReport r = store.add("big", batch);
    List<Item> items = store.items("big");
    assertThat(items).hasSize(20_000);
    List<AddReport.Outcome> added =
        r.outcomes().stream().filter(o -> o.status() == AddReport.Status.ADDED).toList();
    assertThat(added).hasSize(20_000);
    assertThat(added)
        .extracting(AddReport.Outcome::id)
        .containsExactlyElementsOf(items.stream().map(Item::id).toList());
    assertThat(items)
        .extracting(i -> i.hash().value())
        .containsExactlyElementsOf(added.stream().map(o -> o.item().hash().value()).toList());
    assertThat(items)
        .extracting(Item::label)
        .containsExactlyElementsOf(added.stream().map(o -> o.item().label()).toList());
    for (int i = 1; i < added.size(); i++) {
      assertThat(added.get(i).id()).isEqualTo(added.get(i - 1).id() + 1);
    }
    for (int i = 0; i < r.outcomes().size(); i++) {
      AddReport.Outcome o = r.outcomes().get(i);
      if (o.status() == AddReport.Status.DUPLICATE) {
        assertThat(o.id()).isEqualTo(r.outcomes().get(i - 1).id());
        assertThat(o.item()).isSameAs(r.outcomes().get(i - 1).item());
      }
    }
    assertThat(ids(store.add("big", batch))).isEqualTo(ids(r));
  }

  @Test
  void add_oneBatch_reportsWhatAddingItemsOneByOneReports() {
    // Oracle: the same items added one call each (no batch to find duplicates in) to a second
    // workspace that starts with the same stored items.
    Random rnd = new Random(5);
    List<NewItem> pool = pdqItems(0, 40, "p");
    List<NewItem> batch = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int kind = rnd.nextInt(6);
      String hex = pool.get(rnd.nextInt(pool.size())).hash().value();
      batch.add(
          switch (kind) {
            case 0 -> item("pdq:" + hex + "," + rnd.nextInt(101), "q" + i);
            case 1 -> item("md5:" + hex.substring(0, 32), "m" + i);
            case 2 -> item("sha256:" + hex, "s" + i);
            case 3 ->
                item(
                    "vpdq:"
                        + hex
                        + ","
                        + rnd.nextInt(101)
                        + ",0.000;"
                        + PDQ_B
                        + ","
                        + rnd.nextInt(101)
                        + ",1.000",
                    "v" + i);
            default -> pool.get(rnd.nextInt(pool.size()));
          });
    }
    BankStore each = secondStore();
    for (BankStore s : List.of(store, each)) {
      s.create("victim", 31, 50);
      s.add("victim", pool.subList(0, 15));
    }
    AddReport r = store.add("victim", batch);
    List<AddReport.Outcome> expected = new ArrayList<>();
    for (NewItem it : batch) {
      expected.addAll(each.add("victim", List.of(it)).outcomes());
    }
    assertThat(r.outcomes()).containsExactlyElementsOf(expected);
    assertThat(r.count(AddReport.Status.ADDED)).isGreaterThan(50);
    assertThat(r.count(AddReport.Status.DUPLICATE)).isGreaterThan(50);
    assertThat(r.count(AddReport.Status.LOW_QUALITY)).isGreaterThan(20);
    assertThat(store.items("victim"))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(each.items("victim"));
  }

  @Test
  void add_unknownBank_addsNothing() {
    assertThatThrownBy(() -> store.add("nope", List.of(item("pdq:" + PDQ_A, "x"))))
        .isInstanceOf(CasesException.UnknownBank.class);
  }

  @Test
  void add_vpdqWithLowQualityFrames_keepsOnlyGoodFrames() {
    store.create("videos", 31, 50);
    String frames = "vpdq:" + PDQ_A + ",90,0.000;" + PDQ_B + ",10,1.000";
    AddReport r = store.add("videos", List.of(item(frames, "clip.mp4")));
    assertThat(r.outcomes().get(0).note()).contains("1 of 2");
    assertThat(store.items("videos").get(0).hash().frames()).hasSize(1);
  }

  @Test
  void matcher_disabledItem_isSkippedUntilItsTime() {
    store.create("victim", 31, 50);
    long id =
        store.add("victim", List.of(item("pdq:" + PDQ_A + ",90", "a.jpg"))).outcomes().get(0).id();
    Instant until = T0.plusSeconds(3600);
    store.disable("victim", id, until);
    Query q = Query.ofPdq(new PdqResult(Pdq.parse(PDQ_A), 100));
    assertThat(matcher(T0).match(q).matches()).isEmpty();
    List<Match> later = matcher(until).match(q).matches();
    assertThat(later)
        .extracting(Match::bank, Match::item, Match::label)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("victim", id, "a.jpg"));
    store.disable("victim", id, null);
    assertThat(matcher(T0).match(q).matches()).hasSize(1);
  }

  @Test
  void remove_oneUnknownId_removesNothing() {
    store.create("victim", 31, 50);
    long id = store.add("victim", List.of(item("pdq:" + PDQ_A, "a"))).outcomes().get(0).id();
    assertThatThrownBy(() -> store.remove("victim", List.of(id, 999L))).hasMessageContaining("999");
    assertThat(store.items("victim")).hasSize(1);
    assertThat(store.remove("victim", List.of(id))).isEqualTo(1);
    assertThat(store.items("victim")).isEmpty();
  }

  @Test
  void allow_pdqEntry_suppressesThroughTheMatcher() {
    store.create("victim", 31, 50);
    store.add("victim", List.of(item("pdq:" + PDQ_A, "a")));
    AllowEntry e = store.allow(HashValue.parseTagged("pdq:" + PDQ_A), 31, "benign", null);
    assertThat(store.allow(HashValue.parseTagged("pdq:" + PDQ_A), 31, "again", null).id())
        .isEqualTo(e.id());
    assertThat(matcher(T0).match(Query.ofPdq(new PdqResult(Pdq.parse(PDQ_A), 100))).suppressed())
        .hasSize(1);
    store.removeAllow(e.id());
    assertThat(store.allowList()).isEmpty();
    assertThatThrownBy(() -> store.removeAllow(e.id())).hasMessageContaining(e.id() + "");
  }

  @Test
  void matcher_nearDuplicatePdq_matchesWithItsDistance() {
    store.create("victim", 31, 50);
    long id =
        store.add("victim", List.of(item("pdq:" + PDQ_A + ",90", "a.jpg"))).outcomes().get(0).id();
    long[] words = Pdq.parse(PDQ_A).toLongs();
    words[0] ^= 0x3ffL;
    Pdq near = Pdq.fromLongs(words);
    List<Match> got = matcher(T0).match(Query.ofPdq(new PdqResult(near, 100))).matches();
    assertThat(got)
        .extracting(Match::bank, Match::item, Match::distance)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("victim", id, 10));
    Pdq far = Pdq.parse(PDQ_A).complement();
    assertThat(matcher(T0).match(Query.ofPdq(new PdqResult(far, 100))).matches()).isEmpty();
  }

  @Test
  void list_mixedCaseNames_sortedByCodePointOnEveryDatabase() {
    for (String n : List.of("b", "B", "a", "A", "Z", "\u00e9t\u00e9")) {
      store.create(n, 31, 50);
    }
    assertThat(store.list())
        .extracting(Bank::name)
        .containsExactly("A", "B", "Z", "a", "b", "\u00e9t\u00e9");
  }

  @Test
  void add_textThatOnlySomeDatabasesStore_refusedBeforeTheDatabase() {
    store.create("victim", 31, 0);
    HashValue h = HashValue.parseTagged("pdq:" + PDQ_A);
    assertThatThrownBy(
            () -> store.add("victim", List.of(new NewItem(h, "a", null, "w".repeat(201)))))
        .isInstanceOfSatisfying(
            CasesException.LimitExceeded.class,
            e -> {
              assertThat(e.field()).isEqualTo("added by");
              assertThat(e.value()).isEqualTo(201);
              assertThat(e.max()).isEqualTo(200);
            });
    assertThatThrownBy(() -> store.add("victim", List.of(new NewItem(h, "a\0b", null, null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
    assertThatThrownBy(() -> store.allow(h, 31, "l".repeat(501), null))
        .isInstanceOf(CasesException.LimitExceeded.class)
        .hasMessage("label must be at most 500 characters, was 501");
    assertThatThrownBy(() -> store.allow(h, 31, "l", "w".repeat(201)))
        .isInstanceOf(CasesException.LimitExceeded.class)
        .hasMessageContaining("201");
    assertThat(store.items("victim")).isEmpty();
    assertThat(store.allowList()).isEmpty();
  }

  @Test
  void import_corruptLine_storesNothingAndKeepsWhatWasThere() throws Exception {
    store.create("victim", 31, 0);
    store.add(
        "victim",
        ItemFormat.HMA.read(
            new BufferedReader(new StringReader("pdq " + PDQ_A + "\n")), "first.txt", null, null));
    String corrupt = "md5 " + "ab".repeat(16) + "\npdq 12345\n";
    assertThatThrownBy(
            () ->
                store.add(
                    "victim",
                    ItemFormat.HMA.read(
                        new BufferedReader(new StringReader(corrupt)), "second.txt", null, null)))
        .hasMessageStartingWith("second.txt:2: ");
    assertThat(store.items("victim")).extracting(i -> i.hash().value()).containsExactly(PDQ_A);
  }

  @Test
  void add_whileAnotherProcessHoldsTheLock_failsWithOneLineAndChangesNothing() throws Exception {
    store.create("victim", 31, 50);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("redress.db"));
        Statement s = c.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      assertThatThrownBy(() -> store.add("victim", List.of(item("pdq:" + PDQ_A, "a"))))
          .isInstanceOf(CasesException.class)
          .hasMessageContaining("locked")
          .hasMessageNotContaining("\n");
      s.execute("ROLLBACK");
    }
    assertThat(store.items("victim")).isEmpty();
  }

  @Test
  void exportThenImport_everyFormat_roundTripsHashesLabelsAndCases() throws Exception {
    store.create("src", 31, 0);
    store.add(
        "src",
        List.of(
            new NewItem(
                HashValue.parseTagged("pdq:" + PDQ_A + ",77"), "a, \"quoted\"", "C-1", null),
            item("md5:" + "cd".repeat(16), "m"),
            item("sha256:" + "ef".repeat(32), "s"),
            item("vpdq:" + PDQ_A + ",90,0.000;" + PDQ_B + ",60,1.500", "v")));
    for (ItemFormat f : ItemFormat.values()) {
      StringWriter w = new StringWriter();
      f.write(store.items("src"), w);
      List<NewItem> read =
          f.read(new BufferedReader(new StringReader(w.toString())), "x", null, null);
      store.create("dst-" + f.id(), 31, 0);
      store.add("dst-" + f.id(), read);
      List<Item> got = store.items("dst-" + f.id());
      // HMA lines carry no PDQ quality (python-threatexchange's pdq signal is the hex alone).
      assertThat(got)
          .extracting(i -> key(i.hash(), f))
          .as(f.id())
          .containsExactlyElementsOf(
              store.items("src").stream().map(i -> key(i.hash(), f)).toList());
      if (f != ItemFormat.HMA) {
        assertThat(got.get(0).label()).isEqualTo("a, \"quoted\"");
        assertThat(got.get(0).caseRef()).isEqualTo("C-1");
      }
    }
  }

  @Test
  void read_corruptLine_namesTheLineAndReturnsNothing() {
    String text = "pdq " + PDQ_A + "\n# comment\n\npdq 12345\n";
    assertThatThrownBy(
            () ->
                ItemFormat.HMA.read(
                    new BufferedReader(new StringReader(text)), "hashes.txt", null, null))
        .isInstanceOf(CasesException.class)
        .hasMessageStartingWith("hashes.txt:4: ")
        .hasMessageContaining("12345");
    String json = "{\"signal\":\"pdq\",\"value\":\"" + PDQ_A + "\"}\n{\"signal\":\"pdq\"\n";
    assertThatThrownBy(
            () ->
                ItemFormat.JSONL.read(
                    new BufferedReader(new StringReader(json)), "h.jsonl", null, null))
        .hasMessageStartingWith("h.jsonl:2: ");
  }

  @Test
  void export_hmaVpdq_writesSecondsAsPythonThreatexchange() throws Exception {
    store.create("v", 31, 50);
    store.add(
        "v",
        List.of(
            item(
                "vpdq:" + PDQ_A + ",90,0.000;" + PDQ_A + ",90,12.500;" + PDQ_A + ",90,100.000",
                "clip.mp4")));
    java.io.StringWriter w = new java.io.StringWriter();
    ItemFormat.HMA.write(store.items("v"), w);
    assertThat(w.toString())
        .isEqualTo(
            "vpdq [\""
                + PDQ_A
                + ",90,0.0\", \""
                + PDQ_A
                + ",90,12.5\", \""
                + PDQ_A
                + ",90,1e+02\"]\n");
    List<NewItem> back =
        ItemFormat.HMA.read(new BufferedReader(new StringReader(w.toString())), "f", null, null);
    assertThat(back.get(0).hash().fingerprint())
        .isEqualTo(store.items("v").get(0).hash().fingerprint());
  }

  @Test
  void read_hmaSignalNames_mapToSignals() throws Exception {
    String text =
        "pdq "
            + PDQ_A
            + "\nvideo_md5 "
            + "AA".repeat(16)
            + "\n"
            + "vpdq [\""
            + PDQ_A
            + ",100,0.0\", \""
            + PDQ_B
            + ",100,1.0\"]\n"
            + PDQ_B
            + "\n";
    List<NewItem> items =
        ItemFormat.HMA.read(new BufferedReader(new StringReader(text)), "f", null, null);
    assertThat(items)
        .extracting(i -> i.hash().signal())
        .containsExactly(Signal.PDQ, Signal.MD5, Signal.VPDQ, Signal.PDQ);
    assertThat(items.get(1).hash().value()).isEqualTo("aa".repeat(16));
    assertThat(items.get(0).label()).isEqualTo("f line 1");
  }

  @Test
  void open_unwritableLocation_failsWithOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> Workspace.open(file, Clock.systemUTC(), "u"))
        .isInstanceOf(CasesException.class)
        .hasMessageContaining("not-a-dir");
  }

  /** Another empty workspace's store, on the same kind of database, with the same clock. */
  BankStore secondStore() {
    return Workspace.open(dir.resolve("second"), Clock.fixed(T0, ZoneOffset.UTC), "tester").banks();
  }

  private static String key(HashValue h, ItemFormat f) {
    return f == ItemFormat.HMA ? h.signal().id() + ":" + h.value() : h.toString();
  }

  private Matcher matcher(Instant now) {
    return store.matcher(List.of(), now, 80, 0, new ArrayList<>());
  }

  /** Distinct PDQ items with quality 100, labelled PREFIX-N, from a seeded generator. */
  private static List<NewItem> pdqItems(int seed, int n, String prefix) {
    Random rnd = new Random(seed);
    List<NewItem> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Pdq p =
          Pdq.fromLongs(
              new long[] {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()});
      out.add(new NewItem(HashValue.pdq(p, 100), prefix + "-" + i, null, null));
    }
    return out;
  }

  private static List<Long> ids(AddReport r) {
    return r.outcomes().stream().map(AddReport.Outcome::id).toList();
  }

  private static NewItem item(String tagged, String label) {
    return new NewItem(HashValue.parseTagged(tagged), label, null, null);
  }
}
