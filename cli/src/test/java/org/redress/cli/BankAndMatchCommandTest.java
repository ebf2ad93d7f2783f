package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankAndMatchCommandTest {
  static final String A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  // A with the lowest 4 bits flipped: distance 4.
  static final String A4 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b2d";
  static final String FAR = "07070f311f0b57b0f9c8f5ddfc709c0f4c91d12a699de1e2cc194c63b16364dd";

  @TempDir Path ws;

  /** Runs {@code args} with {@code --workspace=DIR} right after the (sub)command's name. */
  CliRun run(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add(1, "--workspace=" + ws);
    if (args[0].equals("bank") || args[0].equals("allow")) {
      all.remove(1);
      all.add(2, "--workspace=" + ws);
    }
    return CliRun.of(all.toArray(new String[0]));
  }

  @Test
  void bankCreateAddHashMatch_freshWorkspace_printsBankItemLabelDistance() {
    assertThat(run("bank", "create", "victim").exit()).isZero();
    assertThat(ws.resolve("redress.db")).exists();
    CliRun add =
        run(
            "bank",
            "add-hash",
            "victim",
            "pdq:" + A + ",90",
            "--label",
            "beach.jpg",
            "--case",
            "C-1");
    assertThat(add.exit()).isZero();
    assertThat(add.out()).startsWith("added\t1\tpdq\tbeach.jpg");

    CliRun m = run("match", "--hash", "pdq:" + A4);
    assertThat(m.exit()).isZero();
    assertThat(m.out()).isEqualTo("pdq:" + A4 + "\tvictim\t1\tpdq\t4\t-\t-\tbeach.jpg\n");

    CliRun none = run("match", "--hash", "pdq:" + FAR);
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.out()).isEmpty();
  }

  @Test
  void matchJson_printsOneObjectPerInput() throws Exception {
    run("bank", "create", "victim", "--threshold", "10");
    run("bank", "add-hash", "victim", "pdq:" + A, "--label", "a");
    CliRun m = run("match", "--json", "--hash", "pdq:" + A4, "--hash", "pdq:" + FAR);
    String[] lines = m.out().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertThat(first.get("path").asText()).isEqualTo("pdq:" + A4);
    JsonNode hit = first.get("matches").get(0);
    assertThat(hit.get("bank").asText()).isEqualTo("victim");
    assertThat(hit.get("item").asLong()).isEqualTo(1);
    assertThat(hit.get("label").asText()).isEqualTo("a");
    assertThat(hit.get("signal").asText()).isEqualTo("pdq");
    assertThat(hit.get("distance").asInt()).isEqualTo(4);
    assertThat(new ObjectMapper().readTree(lines[1]).get("matches")).isEmpty();
  }

  @Test
  void addHash_malformedHashes_exit2AndStoreNothing() {
    run("bank", "create", "victim");
    for (String bad :
        new String[] {"pdq:abc", "pdq:" + A.replace('f', 'g'), "md5:123", "tmk:" + A, A}) {
      CliRun r = run("bank", "add-hash", "victim", "pdq:" + A, bad);
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err())
          .as(bad)
          .startsWith("redress: ")
          .doesNotContain("Exception")
          .hasLineCount(1);
    }
    assertThat(run("bank", "show", "victim").out()).contains("0 items");
  }

  @Test
  void addHash_duplicate_isIdempotentAndReported() {
    run("bank", "create", "victim");
    run("bank", "add-hash", "victim", "pdq:" + A);
    CliRun again = run("bank", "add-hash", "victim", "pdq:" + A.toUpperCase(java.util.Locale.ROOT));
    assertThat(again.exit()).isZero();
    assertThat(again.out()).startsWith("duplicate\t1\tpdq");
    assertThat(run("bank", "list").out()).contains("victim\t1 items");
  }

  @Test
  void addHash_lowQuality_warnsAndDoesNotStore() {
    run("bank", "create", "victim", "--min-quality", "60");
    CliRun r = run("bank", "add-hash", "victim", "pdq:" + A + ",40");
    assertThat(r.out()).startsWith("skipped");
    assertThat(r.err()).contains("quality 40").contains("minimum 60");
    assertThat(run("match", "--hash", "pdq:" + A).exit()).isEqualTo(1);
  }

  @Test
  void unknownBank_isOneLineError() {
    CliRun r = run("bank", "add-hash", "nope", "pdq:" + A);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("redress: no such bank: nope (see `redress bank list`)\n");
    CliRun m = run("match", "--bank", "nope", "--hash", "pdq:" + A);
    assertThat(m.exit()).isEqualTo(2);
    assertThat(m.err()).contains("no such bank: nope");
  }

  @Test
  void importCorruptLine_namesLineAndImportsNothing() throws Exception {
    run("bank", "create", "victim");
    Path f =
        Files.writeString(
            ws.resolve("hashes.txt"),
            "pdq " + A + "\nvideo_md5 " + "ab".repeat(16) + "\npdq nothex\n",
            StandardCharsets.UTF_8);
    CliRun r = run("bank", "import", "victim", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("redress: hashes.txt:3: ").hasLineCount(1);
    assertThat(run("bank", "show", "victim").out()).contains("0 items");

    Files.writeString(f, "pdq " + A + "\nvideo_md5 " + "ab".repeat(16) + "\n");
    CliRun ok = run("bank", "import", "victim", f.toString());
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).contains("# 2 added");
    assertThat(run("bank", "export", "victim").out())
        .isEqualTo("pdq " + A + "\nvideo_md5 " + "ab".repeat(16) + "\n");
  }

  @Test
  void exportJsonlThenImport_intoAnotherBank_keepsLabels() throws Exception {
    run("bank", "create", "src");
    run("bank", "add-hash", "src", "pdq:" + A + ",88", "--label", "photo 1", "--case", "C-7");
    Path f = ws.resolve("src.jsonl");
    assertThat(run("bank", "export", "src", "--format", "jsonl", "-o", f.toString()).exit())
        .isZero();
    run("bank", "create", "dst");
    assertThat(run("bank", "import", "dst", f.toString()).exit()).isZero();
    String shown = run("bank", "show", "dst").out();
    assertThat(shown).contains("\tpdq\t" + A + "\t88\t").contains("\tC-7\t").contains("photo 1");
  }

  @Test
  void disableAndEnable_controlMatching() {
    run("bank", "create", "victim");
    run("bank", "add-hash", "victim", "pdq:" + A);
    assertThat(run("bank", "disable", "victim", "1", "--for", "P30D").exit()).isZero();
    assertThat(run("match", "--hash", "pdq:" + A).exit()).isEqualTo(1);
    assertThat(run("bank", "show", "victim").out()).contains("disabled-until-");
    run("bank", "enable", "victim", "1");
    assertThat(run("match", "--hash", "pdq:" + A).exit()).isZero();
    assertThat(run("bank", "disable", "victim", "1", "--until", "tomorrow").exit()).isEqualTo(2);
    assertThat(run("bank", "remove", "victim", "1", "2").exit()).isEqualTo(1);
    assertThat(run("bank", "remove", "victim", "1").exit()).isZero();
    assertThat(run("match", "--hash", "pdq:" + A).exit()).isEqualTo(1);
  }

  @Test
  void allowList_suppressesKnownFalsePositiveAcrossBanks() {
    run("bank", "create", "one");
    run("bank", "create", "two");
    run("bank", "add-hash", "one", "pdq:" + A);
    run("bank", "add-hash", "two", "pdq:" + A4);
    CliRun allowed = run("allow", "add", "pdq:" + A4, "--label", "stock photo");
    assertThat(allowed.exit()).isZero();
    CliRun m = run("match", "--hash", "pdq:" + A4);
    assertThat(m.exit()).isEqualTo(1);
    assertThat(m.err()).contains("suppressed by allow entry 1 (stock photo)");
    // The original is closer to bank one's item than to the allow entry: still reported.
    assertThat(run("match", "--hash", "pdq:" + A).out()).contains("\tone\t1\tpdq\t0\t");
    assertThat(run("allow", "list").out()).contains("stock photo");
    run("allow", "remove", "1");
    assertThat(run("match", "--hash", "pdq:" + A4).exit()).isZero();
  }

  @Test
  void allowAdd_labelOverTheStoresLimit_usageErrorNamingTheFlag() {
    CliRun r = run("allow", "add", "pdq:" + A4, "--label", "l".repeat(501));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--label must be at most 500 characters, was 501");
    assertThat(run("allow", "list").out()).doesNotContain("lll");
  }

  @Test
  void match_unreadableInputAndNoMatch_exits2() {
    run("bank", "create", "victim");
    CliRun r = run("match", ws.resolve("missing.jpg").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("missing.jpg");
  }

  @Test
  void bankCreate_badValues_exit2() {
    assertThat(run("bank", "create", "x", "--threshold", "300").exit()).isEqualTo(2);
    assertThat(run("bank", "create", "bad name").exit()).isEqualTo(2);
    assertThat(run("bank", "create", "ok").exit()).isZero();
    CliRun dup = run("bank", "create", "ok");
    assertThat(dup.exit()).isEqualTo(1);
    assertThat(dup.err()).isEqualTo("redress: bank already exists: ok\n");
  }
}
