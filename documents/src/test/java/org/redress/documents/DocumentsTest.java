package org.redress.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind renders in both languages and both formats from the sample case, and the text a reader
 * gets back contains the parties, the citations with their article numbers and every evidence hash.
 */
class DocumentsTest {
  /** SHA-256 of the three items in the sample evidence manifest. */
  static final List<String> MANIFEST_HASHES =
      List.of(
          "ad8012eefbabedb981759c1c6307756dec1732999f33b8c653980fa34a0ee329",
          "9909ab10c7c8931f7a3a9605fc6ba77b118ec2ddfa4bb67dce00f4600128df8a",
          "f38b84550de8dea79dd0c12b3e66c9262947583c09a1254bf97ec78bb4c29fd4");

  /** Citations each kind must carry, by language. */
  static final Map<DocumentKind, List<String>> CITES_ZH =
      Map.of(
          // Only the strongest provisions: the sample's one that applies (246 and 284 "may").
          DocumentKind.POLICE_REPORT, List.of("《中华人民共和国治安管理处罚法》（2025年修订）第五十条"),
          DocumentKind.TAKEDOWN_NOTICE,
              List.of("《中华人民共和国民法典》第一千一百九十五条", "《中华人民共和国民法典》第一千一百九十七条", "《中华人民共和国民法典》第一千零三十三条"),
          DocumentKind.TAKEDOWN_NOTICE_AGENT,
              List.of("《中华人民共和国民法典》第一千一百九十五条", "《中华人民共和国民法典》第一千一百九十七条"),
          DocumentKind.TAKEDOWN_NOTICE_FOREIGN, List.of(),
          DocumentKind.CIVIL_COMPLAINT,
              List.of(
                  "《中华人民共和国民法典》第一千零三十二条",
                  "《中华人民共和国民法典》第一千一百八十三条",
                  "《中华人民共和国民法典》第一千一百七十九条",
                  "《中华人民共和国民法典》第一千一百八十二条"),
          DocumentKind.PRIVATE_PROSECUTION,
              List.of("《中华人民共和国刑法》第二百四十六条第三款", "《关于依法惩治网络暴力违法犯罪的指导意见》第11点"),
          DocumentKind.REPORT_12377,
              List.of("《中华人民共和国民法典》第一千零三十二条", "《中华人民共和国治安管理处罚法》（2025年修订）第五十条", "jubao@12377.cn"),
          DocumentKind.EVIDENCE_LIST,
              List.of("（法释〔2019〕19号）第十四条", "（法释〔2018〕16号）第十一条", "（法释〔2019〕19号）第十五条"),
          DocumentKind.ASSESSMENT,
              List.of("《中华人民共和国刑法》第二百四十六条", "《中华人民共和国民法典》第一千一百九十五条", "2031年5月20日"));

  static final Map<DocumentKind, List<String>> CITES_EN =
      Map.of(
          DocumentKind.POLICE_REPORT,
              List.of("Public Security Administration Punishments Law (2025 revision), Art 50"),
          DocumentKind.TAKEDOWN_NOTICE,
              List.of(
                  "Civil Code of the PRC, Art 1195",
                  "Civil Code of the PRC, Art 1197",
                  "Civil Code of the PRC, Art 1033"),
          DocumentKind.TAKEDOWN_NOTICE_AGENT,
              List.of("Civil Code of the PRC, Art 1195", "Civil Code of the PRC, Art 1197"),
          DocumentKind.TAKEDOWN_NOTICE_FOREIGN,
              List.of("Civil Code of the PRC, Art 1032", "Civil Code of the PRC, Art 1033"),
          DocumentKind.CIVIL_COMPLAINT,
              List.of(
                  "Civil Code of the PRC, Art 1032",
                  "Civil Code of the PRC, Art 1183",
                  "Civil Code of the PRC, Art 1179"),
          DocumentKind.PRIVATE_PROSECUTION,
              List.of(
                  "paragraph 3 of Criminal Law of the PRC, Art 246",
                  "Guiding Opinion on punishing online violence (2023), point 11"),
          DocumentKind.REPORT_12377, List.of("Civil Code of the PRC, Art 1032", "jubao@12377.cn"),
          DocumentKind.EVIDENCE_LIST,
              List.of("(Fa Shi [2019] No. 19), Art 14", "(Fa Shi [2018] No. 16), Art 11"),
          DocumentKind.ASSESSMENT,
              List.of(
                  "Criminal Law of the PRC, Art 246",
                  "Civil Code of the PRC, Art 1195",
                  "20 May 2031"));

  /** The kinds that must never carry her ID number, address or telephone. */
  static final Set<DocumentKind> MINIMAL_IDENTITY =
      Set.of(DocumentKind.TAKEDOWN_NOTICE_AGENT, DocumentKind.TAKEDOWN_NOTICE_FOREIGN);

  static Stream<Arguments> everyDocument() {
    List<Arguments> out = new ArrayList<>();
    for (DocumentKind k : DocumentKind.values()) {
      for (Lang l : k.languages()) {
        for (OutputFormat f : OutputFormat.values()) {
          out.add(Arguments.of(k, l, f));
        }
      }
    }
    return out.stream();
  }

  /**
   * Whether a squashed text cites a provision: in full, or (English, after the instrument's first
   * citation) by the short name, or within a run ("Civil Code, Arts 1179 and 1182").
   */
  static boolean cites(String flat, String cite) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+), Art (\\S+)$").matcher(cite);
    if (!m.matches()) {
      // Chinese: a run of one instrument names it once (《民法典》第一千一百七十九条和第一千一百八十二条)
      java.util.regex.Matcher zh =
          java.util.regex.Pattern.compile("(《[^》]+》(?:（[^）]+）)?)(第.+)$").matcher(cite);
      return flat.contains(Rendered.squash(cite))
          || zh.matches()
              && java.util.regex.Pattern.compile(
                      java.util.regex.Pattern.quote(zh.group(1))
                          + "(?:第[^《。；，]*?[、和])*"
                          + java.util.regex.Pattern.quote(zh.group(2)))
                  .matcher(flat)
                  .find();
    }
    String art = m.group(2);
    for (String inst : List.of(m.group(1), m.group(1).replace(" of the PRC", ""))) {
      String i = java.util.regex.Pattern.quote(Rendered.squash(inst));
      String a = java.util.regex.Pattern.quote(art);
      if (java.util.regex.Pattern.compile(
              i + ",(?:Art" + a + "|Arts(?:[0-9()\\-]+(?:,|and))*" + a + ")(?![0-9])")
          .matcher(flat)
          .find()) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("everyDocument")
  void render_sampleCase_containsPartiesCitationsAndEveryHash(
      DocumentKind kind, Lang lang, OutputFormat format) {
    String text = Rendered.text(kind, lang, format);
    String flat = Rendered.squash(text);

    assertThat(text).contains(kind.title(lang));
    if (MINIMAL_IDENTITY.contains(kind)) {
      assertThat(flat)
          .as("her identity")
          .doesNotContain(
              "张某某", "000000200104120000", "13800000000", Rendered.squash("某某省某某市某某区某某路1号"));
    } else {
      assertThat(text).contains("张某某");
    }
    if (kind != DocumentKind.ASSESSMENT) {
      assertThat(flat)
          .contains(
              Rendered.squash(
                  kind == DocumentKind.REPORT_12377 || kind.id().startsWith("takedown-notice")
                      ? "Telegram @example_uploader"
                      : "李某某"));
    }
    if (kind == DocumentKind.TAKEDOWN_NOTICE
        || kind == DocumentKind.POLICE_REPORT
        || kind == DocumentKind.CIVIL_COMPLAINT
        || kind == DocumentKind.PRIVATE_PROSECUTION) {
      assertThat(flat).as("ID number").contains("000000200104120000");
    }
    for (String c : (lang == Lang.ZH ? CITES_ZH : CITES_EN).get(kind)) {
      assertThat(cites(flat, c)).as("citation " + c + " in " + flat).isTrue();
    }
    for (String h : MANIFEST_HASHES) {
      assertThat(flat).as("evidence hash").contains(h);
    }
    assertThat(text)
        .as("generated-by line")
        .contains(lang == Lang.ZH ? "由 Redress 0.1.0 生成" : "Generated by Redress 0.1.0");
    assertThat(text)
        .as("document date")
        .contains(lang == Lang.ZH ? "2026年11月25日" : "25 November 2026");
    assertThat(text).doesNotContain("\uFFFD");
  }
}
