package org.redress.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CitationsTest {
  static Stream<Arguments> known() {
    return Stream.of(
        Arguments.of("CN-CL-246", "《中华人民共和国刑法》第二百四十六条", "Criminal Law of the PRC, Art 246"),
        Arguments.of("CN-CL-253-1", "《中华人民共和国刑法》第二百五十三条之一", "Criminal Law of the PRC, Art 253-1"),
        Arguments.of("CN-CC-1195", "《中华人民共和国民法典》第一千一百九十五条", "Civil Code of the PRC, Art 1195"),
        // From the law-cn citation table, which names the item the provision ID stands for.
        Arguments.of(
            "CN-PSAPL-2012-42",
            "《中华人民共和国治安管理处罚法》（2012年修正）第四十二条第（六）项",
            "Public Security Administration Punishments Law (2012 text), Art 42(6)"),
        Arguments.of(
            "CN-PSAPL-2025-50",
            "《中华人民共和国治安管理处罚法》（2025年修订）第五十条第一款第（六）项",
            "Public Security Administration Punishments Law (2025 revision), Art 50(1)(6)"),
        Arguments.of(
            "CN-SPC-2018-16-2-7",
            "《最高人民法院关于互联网法院审理案件若干问题的规定》（法释〔2018〕16号）第二条第（七）项",
            "SPC Provisions on Internet Courts (Fa Shi [2018] No. 16), Art 2(7)"),
        Arguments.of(
            "CN-WRL-2022-29",
            "《中华人民共和国妇女权益保障法》第二十九条",
            "Law on the Protection of Women's Rights and Interests, Art 29"));
  }

  @ParameterizedTest
  @MethodSource("known")
  void of_knownId_citesInstrumentAndArticle(String id, String zh, String en) {
    Citations.Citation c = Citations.of(id).orElseThrow();
    assertThat(c.zh()).isEqualTo(zh);
    assertThat(c.en()).isEqualTo(en);
  }

  @Test
  void of_secondarySource_isMarked() {
    assertThat(Citations.of("CN-OPN-2023-NV-11").orElseThrow().status())
        .isEqualTo(Citations.Status.SECONDARY);
    assertThat(Citations.of("CN-CC-1032").orElseThrow().status())
        .isEqualTo(Citations.Status.CONFIRMED);
  }

  @Test
  void of_unknownId_isEmpty() {
    assertThat(Citations.of("CN-XX-1")).isEmpty();
    assertThat(Citations.of("CN-CL-")).isEmpty();
    assertThat(Citations.of("CN-CL-246-x")).isEmpty();
  }

  @Test
  void shortenRepeats_english_fullOnceThenShortAndRunsMerged() {
    String text =
        "Under Civil Code of the PRC, Art 1032 and Civil Code of the PRC, Art 1033. "
            + "She sues under Civil Code of the PRC, Art 1179, Civil Code of the PRC, Art 1183(1) "
            + "and Civil Code of the PRC, Art 1195; see Criminal Law of the PRC, Art 246 and "
            + "Criminal Procedure Law of the PRC, Art 101 and Criminal Law of the PRC, Art 364.";
    assertThat(Citations.shortenRepeats(text, org.redress.documents.Lang.EN))
        .isEqualTo(
            "Under Civil Code of the PRC, Arts 1032 and 1033. "
                + "She sues under Civil Code, Arts 1179, 1183(1) and 1195; see Criminal Law of the"
                + " PRC, Art 246 and Criminal Procedure Law of the PRC, Art 101 and Criminal Law,"
                + " Art 364.");
  }

  @Test
  void shortenRepeats_chinese_namesTheInstrumentOncePerRun() {
    String zh =
        "依照《中华人民共和国民法典》第一千零三十二条、《中华人民共和国民法典》第一千一百八十三条第一款和"
            + "《中华人民共和国民法典》第一千一百九十五条，《中华人民共和国治安管理处罚法》（2025年修订）第五十条"
            + "第一款第（六）项、《中华人民共和国治安管理处罚法》（2012年修正）第四十二条第（六）项。"
            + "《中华人民共和国民法典》第九百九十五条";
    assertThat(Citations.shortenRepeats(zh, org.redress.documents.Lang.ZH))
        .isEqualTo(
            "依照《中华人民共和国民法典》第一千零三十二条、第一千一百八十三条第一款和第一千一百九十五条，"
                + "《中华人民共和国治安管理处罚法》（2025年修订）第五十条第一款第（六）项、"
                + "《中华人民共和国治安管理处罚法》（2012年修正）第四十二条第（六）项。"
                + "《中华人民共和国民法典》第九百九十五条");
  }
}
