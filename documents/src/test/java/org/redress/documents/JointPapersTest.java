package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.documents.internal.Citations;
import org.redress.law.CaseFacts;
import org.redress.law.Finding;
import org.redress.lawcn.ChineseLaw;

class JointPapersTest {
  static final LocalDate DAY = LocalDate.of(2026, 12, 6);
  static final String SHA_A = "a".repeat(63) + "1";
  static final String SHA_B = "b".repeat(63) + "2";
  static JointInputs inputs;
  static List<Finding> findings;

  @BeforeAll
  static void dossier() {
    // The engine's own findings for 260 images spread online: what the papers may cite.
    String facts =
        """
        {"schema": "redress/case-facts@1", "as_of": "2026-12-06",
         "conduct": {"first_act": "2026-10-01", "last_act": "2026-11-20",
                     "spread_first": "2026-10-01", "spread_last": "2026-11-20"},
         "victims": {"count": 2},
         "distribution": {"shared": true, "online": true, "counts": {"images": 260, "videos": 3}}}
        """;
    CaseFacts f = CaseFacts.parse(facts, ChineseLaw.factsSchema());
    findings = new ArrayList<>();
    for (Finding x : ChineseLaw.jurisdiction().assess(f, DAY).findings().findings()) {
      if (x.tier() != null && !x.status().equals("not_applicable")) {
        findings.add(x);
      }
    }
    Instant t1 = Instant.parse("2026-10-01T12:00:00Z");
    Instant t2 = Instant.parse("2026-11-20T02:30:00Z");
    inputs =
        new JointInputs(
            new JointInputs.Target("chat", "-1001234567890", "频道X"),
            new JointInputs.Totals(140, 263, 270, 260, 3, 2, 1, 2, 4, t1, t2, 5200L),
            List.of(
                new JointInputs.Victim("A", 90, 150, 149, 1),
                new JointInputs.Victim("B", 60, 120, 118, 2)),
            List.of(
                new JointInputs.Post("telegram:chat/-1001234567890/message/7", t1, List.of("A")),
                new JointInputs.Post(
                    "telegram:chat/-1001234567890/message/9", t2, List.of("A", "B"))),
            List.of(
                new JointInputs.FileRow(
                    "image", SHA_A, 2, 3, "telegram:chat/-1001234567890/message/7", List.of("A"))),
            List.of(
                new JointInputs.Evidence(
                    "A", 12, SHA_A, "telegram:chat/-1001234567890/message/7", t2),
                new JointInputs.Evidence(
                    "B", 31, SHA_B, "telegram:chat/-1001234567890/message/9", t2)),
            "joint-evidence.zip",
            List.of(
                new JointInputs.Part("A", "cases/A.zip", 1, "c".repeat(64), 40, "d".repeat(64)),
                new JointInputs.Part("B", "cases/B.zip", 1, "e".repeat(64), 40, "d".repeat(64))),
            findings,
            true,
            31);
  }

  JointPapers papers() {
    return new JointPapers(DAY, "Redress 0.1", w -> {});
  }

  @Test
  void policeReport_everyFindingOfTheEngine_isCitedWithItsProvision() {
    assertThat(findings).isNotEmpty();
    for (Lang lang : Lang.values()) {
      String m = papers().markup(JointPapers.Kind.JOINT_POLICE_REPORT, lang, inputs);
      for (Finding f : findings) {
        String cite = Citations.of(f.provision()).orElseThrow().get(lang);
        // English names an instrument in full once, then by its short name
        assertThat(m).containsAnyOf(cite, cite.replace("Criminal Law of the PRC", "Criminal Law"));
      }
    }
  }

  @Test
  void policeReport_zh_namesVictimsByPseudonymWithTotalsAndTheirReferences() {
    String m = papers().markup(JointPapers.Kind.JOINT_POLICE_REPORT, Lang.ZH, inputs);
    assertThat(m)
        .contains("# 多名被害人联名报案材料")
        .contains("被害人A和被害人B（共2名")
        .contains("帖子共140条", "不同文件263个", "图片260张", "视频3段")
        .contains("Telegram聊天（编号-1001234567890），消息编号9", "被害人A和被害人B")
        .doesNotContain("telegram:chat", "Redress 0.1")
        .contains(SHA_A)
        .contains("《中华人民共和国刑法》第三百六十三条")
        .contains("受理机关：【待填写：××市公安局××分局】")
        .contains("## 五、报案请求", "立案侦查", "调取", "固定", "责令相关网络服务提供者删除")
        .contains(". 此致\n. 【待填写：××市公安局××分局】")
        .doesNotContain("规则引擎", "尚需查明", "法律意见")
        .contains("北京时间");
    String words =
        m.replaceAll("`[^`]*`", "")
            .replace("Telegram", "")
            .replace("SHA-256", "")
            .replace("UTC+8", "");
    assertThat(words).doesNotContainPattern("[A-Za-z]{2,}");
  }

  @Test
  void policeReport_citesOnlyWhatTheEngineReturned() {
    String m = papers().markup(JointPapers.Kind.JOINT_POLICE_REPORT, Lang.EN, inputs);
    assertThat(m).contains("Criminal Law of the PRC").contains("To: [to fill in:");
    assertThat(m).contains("260 images and 3 videos").doesNotContain("(s)", "1 chats");
    JointInputs none =
        new JointInputs(
            inputs.target(),
            inputs.totals(),
            inputs.victims(),
            inputs.posts(),
            inputs.files(),
            inputs.evidence(),
            "",
            List.of(),
            List.of(),
            true,
            31);
    String bare = papers().markup(JointPapers.Kind.JOINT_POLICE_REPORT, Lang.ZH, none);
    assertThat(bare).doesNotContain("《中华人民共和国刑法》").contains("未发现仅在合并计算后方才达到的情节标准");
  }

  @Test
  void evidenceList_everyItemHasItsVictimLogIndexAndHash() {
    String m = papers().markup(JointPapers.Kind.JOINT_EVIDENCE_LIST, Lang.ZH, inputs);
    assertThat(m)
        .contains("第一组：被害人A的案件（共1项）", "第二组：被害人B的案件（共1项）")
        .contains("| 编号 | 证据名称 | 证据来源 | 证明目的 | 页码 | 份数 | 原件/复印件 |")
        .contains(
            "| 证据1-1 | 涉案图片 | Telegram聊天“频道X”（编号-1001234567890），消息编号7，"
                + "发布时间2026年10月1日20:00（北京时间） | 证明与被害人A的照片相符的图片"
                + "于2026年10月1日20:00（北京时间）在“频道X”中被传播 | 【待填写：")
        .contains("| 证据2-1 | ")
        .contains("|= SHA-256：`" + SHA_A + "`\n|= 日志序号：12　保全时间：2026年11月20日10:30（北京时间）")
        .contains("`" + SHA_B + "`")
        .contains("原件（电子数据打印件）")
        .contains("cases/A.zip", "joint-evidence.zip")
        .doesNotContain("/tmp", "/home", "telegram:chat");
  }

  @Test
  void evidenceList_en_cellsStartInUpperCase() {
    String m = papers().markup(JointPapers.Kind.JOINT_EVIDENCE_LIST, Lang.EN, inputs);
    assertThat(m)
        .contains(
            "| Exhibit 1-1 | The image | Telegram chat \"频道X\" (id -1001234567890), message 7")
        .contains("| Proves that the image matching Victim A's picture was spread in \"频道X\"")
        .contains("| Original (printout of electronic data) |");
  }

  @Test
  void render_notesPage_namesTheReleaseVersionOnly() throws Exception {
    JointPapers p = new JointPapers(DAY, "Redress 0.1.0-SNAPSHOT", w -> {});
    String pdf =
        Rendered.extract(
            OutputFormat.PDF,
            p.render(JointPapers.Kind.JOINT_POLICE_REPORT, Lang.ZH, OutputFormat.PDF, inputs));
    assertThat(Rendered.squash(pdf))
        .contains("使用说明", "由Redress0.1.0生成", "不构成法律意见")
        .doesNotContain("SNAPSHOT");
  }

  @Test
  void write_bothLanguagesAndFormats_textReadsBackWithHashes(@TempDir Path dir) throws Exception {
    List<Path> files = papers().write(inputs, List.of(Lang.ZH, Lang.EN), dir);
    assertThat(files).hasSize(8);
    String pdf =
        Rendered.extract(
            OutputFormat.PDF, Files.readAllBytes(dir.resolve("joint-evidence-list.zh.pdf")));
    assertThat(pdf).contains(SHA_A, SHA_B);
    String docx =
        Rendered.extract(
            OutputFormat.DOCX, Files.readAllBytes(dir.resolve("joint-police-report.en.docx")));
    assertThat(docx).contains("Victim A").contains("Criminal Law of the PRC");
  }

  @Test
  void inputs_aPseudonymThatIsAName_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new JointInputs(
                    inputs.target(),
                    inputs.totals(),
                    List.of(new JointInputs.Victim("Ann", 1, 1, 1, 0)),
                    List.of(),
                    List.of(),
                    List.of(),
                    "",
                    List.of(),
                    List.of(),
                    true,
                    31))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was Ann");
  }
}
