package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code REDRESS_LANG=zh} every line the commands of part A of issue 13 point 8 print for a
 * person is Chinese: the common successful paths and the common failures of case, bank, allow,
 * account, facts, law, assess, platform, takedown, serve and evidence, run through {@link Main#run}
 * on a temporary workspace. Whole standard output and error are checked with {@link
 * MsgBundlesTest#english}, after taking out what the test itself gave (names, paths, labels) and
 * values that are names, not words (URLs, media types, hex digests). Every failure also runs in
 * English, and the exit code must be the same in both languages.
 *
 * <p>Left out of the check, because they are data and not text for a person: the case facts that
 * {@code facts show} prints back (her own file), and the signed checkpoint text.
 */
@ExtendWith(FixedNow.class)
class ChineseOutputATest {
  @TempDir Path tmp;
  Path ws;
  CliWorkspace workspace;
  Path image;
  Path doc;
  Path facts;
  Path pass;
  Path wrong;
  final List<String> given = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  InputStream stdin;

  @BeforeEach
  void setUp() throws Exception {
    stdin = System.in;
    ws = tmp.resolve("ws");
    workspace = new CliWorkspace(ws);
    image = CliWorkspace.gradientPng(tmp.resolve("g1.png"));
    doc = tmp.resolve("t1.txt");
    Files.writeString(doc, "an innocuous chat log\n", StandardCharsets.UTF_8);
    facts = tmp.resolve("f1.yaml");
    Files.writeString(
        facts,
        "schema: redress/case-facts@1\n"
            + "conduct: {first_act: 2026-02-01}\n"
            + "acts: {covert_filming: true}\n",
        StandardCharsets.UTF_8);
    pass = tmp.resolve("p1.txt");
    Files.writeString(pass, "passphrase of the cli tests\n", StandardCharsets.UTF_8);
    wrong = tmp.resolve("p2.txt");
    Files.writeString(wrong, "not the passphrase at all\n", StandardCharsets.UTF_8);
    Files.createDirectories(tmp.resolve("d1"));
    // What the test gives, taken out before the check: paths first (longest first), then names.
    given.addAll(
        List.of(
            ws.resolve("evidence").toString(),
            tmp.toString(),
            "case-a1",
            "g1.png",
            "t1.txt",
            "f1.yaml",
            "pk1.zip",
            "redress/case-facts@1",
            "none.png",
            "none.csv",
            "none.yaml",
            "none.zip",
            "/dev/null",
            "Bad_Name",
            "maybe",
            "soon",
            "king",
            "everything",
            System.getProperty("user.name"),
            "dev"));
  }

  @AfterEach
  void tearDown() {
    System.setIn(stdin);
  }

  /** A successful run in Chinese: exit 0 and no English word. */
  private CliRun ok(String... args) {
    CliRun r = workspace.withLang("zh", args);
    assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    check(args, r);
    return r;
  }

  /** A failure: the same exit code in English and Chinese, the expected one; no English word. */
  private CliRun fails(int code, String... args) {
    return failsRaw(code, workspace.args(args));
  }

  private CliRun failsRaw(int code, String... args) {
    CliRun en = CliRun.withLang("en", args);
    CliRun zh = CliRun.withLang("zh", args);
    assertThat(en.exit()).as("en: " + String.join(" ", args) + "\n" + en.err()).isEqualTo(code);
    assertThat(zh.exit()).as("zh: " + String.join(" ", args) + "\n" + zh.err()).isEqualTo(code);
    assertThat(zh.err()).as(String.join(" ", args)).isNotBlank();
    check(args, zh);
    return zh;
  }

  private void check(String[] args, CliRun r) {
    List<String> words = english(r.out() + "\n" + r.err(), given);
    if (!words.isEmpty()) {
      problems.add(String.join(" ", args) + " -> " + words + "\n" + r.out() + r.err());
    }
  }

  /** English words left in {@code text} once the given values and names are taken out. */
  static List<String> english(String text, List<String> given) {
    String t = text;
    for (String g : given) {
      t = t.replace(g, " ");
    }
    t =
        t.replaceAll("https?://\\S+", " ")
            .replaceAll("\\b(image|video|text|application)/[\\w.+-]+", " ")
            .replaceAll("\\b[0-9a-f]{16,}\\b", " ")
            // a file name the program chose (a kept assessment) and a platform's new key
            .replaceAll("[\\w.-]+\\.(json|yaml|zip|png|txt|csv)\\b", " ")
            .replaceAll("\\brdk_\\S+", " ");
    return MsgBundlesTest.english(t);
  }

  @Test
  void englishCheck_anEnglishLine_isFound() {
    CliRun en = workspace.withLang("en", "bank", "show", "b9");
    assertThat(english(en.out() + en.err(), given)).isNotEmpty();
    assertThat(english("redress：已加入\t1\tpdq\tlabel", List.of())).containsExactly("label");
    assertThat(english("redress：找不到哈希库“b9”（查看：`redress bank list`）", List.of())).isEmpty();
  }

  @Test
  void caseBankAllowAccount_chinese_haveNoEnglishWords() {
    ok("case", "create", "a1");
    ok("case", "list");
    ok("case", "show", "a1");
    ok("case", "consent", "a1", "--dossiers", "yes");
    fails(2, "case", "create", "a1");
    fails(2, "case", "create", "Bad_Name");
    fails(2, "case", "show", "zz9");
    fails(2, "case", "consent", "a1", "--dossiers", "maybe");
    failsRaw(2, "case");

    ok("bank", "create", "b1");
    ok("bank", "list");
    ok("bank", "add", "b1", image.toString());
    ok("bank", "show", "b1");
    ok("bank", "disable", "b1", "1", "--for", "P30D");
    ok("bank", "enable", "b1", "1");
    fails(1, "bank", "create", "b1");
    fails(2, "bank", "create", "b2", "--threshold", "999");
    fails(1, "bank", "show", "b9");
    fails(1, "bank", "add", "b1", "/dev/null");
    fails(1, "bank", "add", "b1", tmp.resolve("d1").toString());
    fails(1, "bank", "add", "b1", tmp.resolve("none.png").toString());
    fails(2, "bank", "add-hash", "b1", "pdq:zz");
    fails(1, "bank", "import", "b1", tmp.resolve("none.csv").toString());
    fails(2, "bank", "disable", "b1", "1", "--until", "soon");
    fails(2, "bank", "delete", "b1");
    fails(2, "bank", "share", "b1");
    failsRaw(2, "bank");
    ok("bank", "remove", "b1", "1");
    ok("bank", "delete", "b1", "--yes");

    String hex = "f".repeat(64);
    ok("allow", "add", "pdq:" + hex, "--label", "x1");
    ok("allow", "list");
    fails(2, "allow", "add", "pdq:" + hex, "--label", "x2", "--distance", "999");
    fails(1, "allow", "remove", "99");
    ok("allow", "remove", "1");

    System.setIn(new ByteArrayInputStream("long enough password\n".getBytes(UTF8)));
    ok("account", "add", "n1", "--role", "lawyer");
    ok("account", "list");
    ok("account", "grant", "n1", "a1");
    fails(2, "account", "add", "n2", "--role", "king");
    System.setIn(new ByteArrayInputStream("short\n".getBytes(UTF8)));
    fails(1, "account", "add", "n3", "--role", "victim");
    fails(1, "account", "grant", "n9", "a1");

    assertThat(problems).isEmpty();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void factsLawAssessPlatformTakedownServe_chinese_haveNoEnglishWords() {
    ok("case", "create", "a1");
    ok("facts", "set", "a1", facts.toString());
    CliRun show = workspace.withLang("zh", "facts", "show", "a1");
    assertThat(show.exit()).isZero(); // her own facts, printed back as they are
    ok("facts", "history", "a1");
    fails(2, "facts", "set", "zz9", facts.toString());
    fails(1, "facts", "set", "a1", "/dev/null");
    fails(1, "facts", "set", "a1", tmp.resolve("d1").toString());
    fails(1, "facts", "set", "a1", tmp.resolve("none.yaml").toString());
    failsRaw(2, "facts");

    CliRun list = CliRun.withLang("zh", "law", "list");
    assertThat(list.exit()).isZero();
    check(new String[] {"law", "list"}, list);
    failsRaw(2, "law", "show", "CN-NOPE-1");
    failsRaw(2, "law", "list", "--at", "soon");

    ok("assess", "--case", "a1");
    fails(2, "assess");
    fails(2, "assess", facts.toString(), "--as-of", "soon");
    fails(1, "assess", tmp.resolve("none.yaml").toString());
    fails(2, "assess", "--case", "zz9");

    ok("platform", "add", "w1");
    ok("platform", "list");
    ok("platform", "revoke", "w1");
    fails(1, "platform", "revoke", "w9");
    fails(2, "platform", "add", "w2", "--scopes", "everything");

    ok("takedown", "notice", "a1", "--platform", "w1", "--sent", "2026-03-01");
    ok("takedown", "answer", "a1", "--platform", "w1", "--kind", "blocked");
    ok("takedown", "list", "a1");
    fails(2, "takedown", "notice", "a1", "--platform", "w1", "--sent", "soon");
    fails(2, "takedown", "answer", "a1", "--platform", "w1", "--kind", "maybe");
    fails(2, "takedown", "list", "a1", "--escalate-after", "-1");

    fails(2, "serve", "--port", "99999");

    assertThat(problems).isEmpty();
  }

  @Test
  void evidence_chinese_hasNoEnglishWords() throws Exception {
    ok("evidence", "add", "--case", "a1", image.toString(), doc.toString());
    ok("evidence", "list", "--case", "a1");
    ok("evidence", "show", "0");
    ok("evidence", "verify-log");
    ok("evidence", "verify-log", "--deep");
    Path pkg = tmp.resolve("pk1.zip");
    ok("evidence", "export", "--case", "a1", pkg.toString());
    CliRun v = CliRun.withLang("zh", "evidence", "verify", pkg.toString());
    assertThat(v.exit()).as(v.err()).isZero();
    check(new String[] {"evidence", "verify"}, v);
    ok("evidence", "correct", "0", "--set", "note=n1", "--reason", "r1");

    fails(1, "evidence", "list", "--case", "zz9");
    fails(1, "evidence", "show", "99");
    fails(1, "evidence", "add", "--case", "a1", "/dev/null");
    fails(1, "evidence", "add", "--case", "a1", tmp.resolve("none.png").toString());
    fails(2, "evidence", "add", "--case", "a1", tmp.resolve("d1").toString());
    fails(1, "evidence", "list", "--case", "a1", "--passphrase-file", wrong.toString());
    fails(2, "evidence", "list", "--case", "a1", "--passphrase-file", tmp.resolve("no").toString());
    fails(1, "evidence", "export", "--case", "a1", pkg.toString());
    fails(2, "evidence", "shred", "--case", "a1");
    fails(2, "evidence", "extract", "--out", tmp.resolve("x1").toString());
    failsRaw(2, "evidence");
    failsRaw(1, "evidence", "verify", "/dev/null");
    failsRaw(1, "evidence", "verify", tmp.resolve("d1").toString());
    failsRaw(1, "evidence", "verify", tmp.resolve("none.zip").toString());
    failsRaw(1, "evidence", "verify", doc.toString());

    assertThat(problems).isEmpty();
  }
}
