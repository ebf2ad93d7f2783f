package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeClassifierTest {
  /**
   * The labelled set as every reader of it sees it: {@code trade-posts.tsv} and every {@code
   * incoming/*.tsv} beside it on the test class path, less the rows in {@code
   * incoming/excluded.txt} ({@link TradeModelTrainer#labelledSet}).
   */
  static String labelledSet() throws IOException {
    URL url = TradeClassifierTest.class.getResource("trade-posts.tsv");
    if (url == null) {
      throw new IOException("missing test resource trade-posts.tsv");
    }
    try {
      return TradeModelTrainer.labelledSet(Path.of(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IOException("test resource not a file: " + url, e);
    }
  }

  static String shippedModel() throws IOException {
    try (InputStream in = TradeClassifier.class.getResourceAsStream("trade-model.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shippedModel_retrainedFromTrainAndDevParts_isByteForByteTheSame() throws Exception {
    assertThat(TradeModelTrainer.train(labelledSet()).write()).isEqualTo(shippedModel());
  }

  @Test
  void shippedModel_readAndWrittenAgain_isByteForByteTheSame() throws Exception {
    TradeClassifier read = TradeClassifier.read(shippedModel());
    assertThat(read.write()).isEqualTo(shippedModel());
    assertThat(read.featureCount()).isEqualTo(TradeClassifier.builtIn().featureCount());
    // round 14: 9,538 training posts (5,405 in round 12) give 49,551 features (35,730); pruning
    // harder (centred weight 0.25 or 0.3) cost precision by author (docs/trade-lexicon-eval.md)
    assertThat(read.featureCount()).isLessThan(60_000);
  }

  @Test
  void read_weightLineWithTooFewOrTooManyLabels_isRefusedWithItsLine() {
    String head = "# redress/trade-model@2\nsettings\t1\t1\t0\t1\t0\t1\t0.5\nclasses\tnone\ta\n";
    assertThatThrownBy(() -> TradeClassifier.read(head + "bias\t0\t0\nh:x\t5\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 5");
    assertThatThrownBy(() -> TradeClassifier.read(head + "bias\t0\t0\nh:x\t5\t1\t2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 5");
    assertThat(TradeClassifier.read(head + "bias\t0\t0\n#n\t-5\t5\n").featureCount()).isEqualTo(1);
  }

  @Test
  void shippedModel_trainedWithoutTestPosts() throws Exception {
    List<TradeClassifier.Example> used =
        TradeModelTrainer.examples(labelledSet(), TradeModelTrainer.TRAIN_PARTS);
    List<TradeClassifier.Example> held = TradeModelTrainer.examples(labelledSet(), List.of("test"));
    assertThat(used).hasSizeGreaterThanOrEqualTo(2254);
    Set<String> heldTexts = new HashSet<>();
    held.forEach(e -> heldTexts.add(e.text()));
    assertThat(used).noneMatch(e -> heldTexts.contains(e.text()));
  }

  @Test
  void combine_incomingFilesAndExclusions_oneSetWithoutTheExcludedRows() {
    String main =
        "# set\nid\tpart\tround\tlabel\tkind\tlang\trule\ttext\n"
            + "p0001\ttrain\t1a\tnone\tchat\tzh\tR7\ta\n";
    String r10 =
        "# ten\nid\tpart\tround\tlabel\tkind\tlang\trule\ttext\n"
            + "p4001\ttrain\t10\tnone\tchat\tzh\tR7\tb\n";
    String r11 =
        "id\tpart\tround\tlabel\tkind\tlang\trule\ttext\r\n"
            + "p4001\ttrain\t11\tnone\tchat\ten\tR7\tc\r\n";
    String set = TradeModelTrainer.combine(main, List.of(r10, r11), "# why\n10\tp4001\twrong\n");
    assertThat(TradeModelTrainer.examples(set, List.of("train")))
        .extracting(TradeClassifier.Example::text)
        .containsExactly("a", "c");
    assertThatThrownBy(() -> TradeModelTrainer.combine(main, List.of("p1\ttrain\n"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p1");
  }

  @Test
  void train_sameExamplesAndSeed_sameModel_otherSeedOtherModel() throws Exception {
    List<TradeClassifier.Example> ex =
        TradeModelTrainer.examples(labelledSet(), List.of("train")).subList(0, 300);
    List<String> cats = TradeLexicon.builtIn().categories();
    TradeClassifier.Settings s = TradeModelTrainer.SETTINGS;
    String a = TradeClassifier.train(ex, cats, s).write();
    assertThat(TradeClassifier.train(ex, cats, s).write()).isEqualTo(a);
    TradeClassifier.Settings other =
        new TradeClassifier.Settings(
            s.epochs(),
            s.learningRate(),
            s.l2(),
            s.minPosts(),
            s.minWeight(),
            s.seed() + 1,
            s.threshold());
    assertThat(TradeClassifier.train(ex, cats, other).write()).isNotEqualTo(a);
  }

  @Test
  void features_evasiveSpellings_sameFeaturesAsPlainText() {
    assertThat(TradeClassifier.features("偷.拍.教.程 手把手"))
        .isEqualTo(TradeClassifier.features("偷拍教程手把手"));
    assertThat(TradeClassifier.features("🔥偷🔥拍🔥教🔥程"))
        .isEqualTo(TradeClassifier.features("偷拍教程"));
    assertThat(TradeClassifier.features("ＨＩＤＤＥＮ c4m")).contains("w:hidden", "w:cam");
    assertThat(TradeClassifier.features("偷拍教學")).contains("h:教学");
    assertThat(TradeClassifier.features("Ｇ-ｈ-ｂ drops")).contains("w:ghb");
  }

  @Test
  void features_homophonesAndPinyin_shareTheSoundFeature() {
    assertThat(TradeClassifier.features("米药")).contains("p:mi_yao");
    assertThat(TradeClassifier.features("迷yao")).contains("p:mi_yao");
    assertThat(TradeClassifier.features("迷药")).contains("p:mi_yao");
    assertThat(TradeClassifier.features("蒙hanyao")).contains("p:meng_han", "p:han_yao");
    // English words are not read as pinyin, and a word that is not whole syllables breaks the run
    assertThat(TradeClassifier.features("hidden camera")).noneMatch(f -> f.startsWith("p:"));
    assertThat(TradeClassifier.features("偷xyz拍")).noneMatch(f -> f.startsWith("p:"));
  }

  @Test
  void features_pinyinOnlyWords_shareTheSoundFeatureOfTheCharacters() {
    assertThat(TradeClassifier.features("jiu dian tou pai he ji"))
        .contains("p:jiu_dian", "p:tou_pai", "p:he_ji");
    assertThat(TradeClassifier.features("酒店偷拍合集")).contains("p:jiu_dian", "p:tou_pai", "p:he_ji");
    assertThat(TradeClassifier.features("Zhēn kǒng shè xiàng tóu")).contains("p:zhen_kong");
    // one pinyin-like word alone is not read as pinyin; a word that is not pinyin ends the run
    assertThat(TradeClassifier.features("he said")).noneMatch(f -> f.startsWith("p:"));
    assertThat(TradeClassifier.features("tou hidden pai")).noneMatch(f -> f.startsWith("p:"));
  }

  @Test
  void features_cueGroups_markTeachingWithCovertWordsTogether() {
    assertThat(TradeClassifier.features("零基础学偷拍"))
        .contains("g:teach", "g:covert", "g:teach+covert");
    assertThat(TradeClassifier.features("做饭教程 零基础")).contains("g:teach").doesNotContain("g:covert");
  }

  @Test
  void predict_issueExample_isATutorialWithReasonsFromItsWords() {
    TradeClassifier.Prediction p = TradeClassifier.builtIn().predict("偷拍教程 手把手教学 包会");
    assertThat(p.ad()).isTrue();
    assertThat(p.category()).isEqualTo("filming_tutorial");
    assertThat(p.reasons()).isNotEmpty();
    assertThat(String.join("", p.reasons()).codePoints())
        .allMatch(cp -> "偷拍教程手把手教学包会".indexOf(cp) >= 0);
  }

  @Test
  void predict_ordinaryChat_isNotAnAd() {
    TradeClassifier.Prediction p = TradeClassifier.builtIn().predict("今天天气不错 一起去爬山吧");
    assertThat(p.ad()).isFalse();
    assertThat(p.reasons()).isEmpty();
  }

  @Test
  void read_notAModel_isRefusedWithTheReason() {
    assertThatThrownBy(() -> TradeClassifier.read("hello\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redress/trade-model@2");
    assertThatThrownBy(
            () ->
                TradeClassifier.read(
                    "# redress/trade-model@2\nsettings\t1\t1\t0\t1\t0\t1\t0.5\n"
                        + "classes\tnone\ta\nbias\t0\tx\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4");
  }

  @Test
  void detector_classifierOnly_citesTheModelInChinese() {
    // no commercial signal, so the lexicon cannot flag it; the model can
    String text = "偷拍教程 从零开始 带你学";
    assertThat(TradeLexicon.builtIn().detect(text)).isEmpty();
    List<TradeLexicon.Detection> d = TradeDetector.builtIn().detect(text);
    assertThat(d).extracting(TradeLexicon.Detection::category).containsExactly("filming_tutorial");
    assertThat(d.get(0).phrases().get(0)).startsWith(TradeDetector.MODEL_REASON_ZH + "（把握 ");
    // the words that weighed most, joined where they overlap: one of them holds the topic
    assertThat(d.get(0).phrases()).anySatisfy(w -> assertThat(w).contains("偷拍教程"));
  }

  @Test
  void detector_lexiconHit_keepsTheLexiconPhrasesOnly() {
    String text = "偷拍教程 手把手教学 包会";
    assertThat(TradeDetector.builtIn().detect(text)).isEqualTo(TradeLexicon.builtIn().detect(text));
  }
}
