package org.redress.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.phash.PdqResult;

class MatcherTest {
  private final Random rnd = new Random(42);
  private final Pdq victim = Hashes.random(rnd);

  @Test
  void match_pdqWithinEachBanksThreshold_namesBankItemLabelDistance() {
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("strict", 10, 50));
    b.bank(new BankRules("loose", 31, 50));
    b.pdq("strict", 1, "beach.jpg", victim, 90);
    b.pdq("loose", 2, "beach copy", victim, 90);
    Matcher m = b.build();

    Pdq near = Hashes.flipRandom(victim, 20, rnd);
    List<Match> got = m.match(Query.ofPdq(new PdqResult(near, 80))).matches();

    assertThat(got).hasSize(1);
    Match hit = got.get(0);
    assertThat(hit.bank()).isEqualTo("loose");
    assertThat(hit.item()).isEqualTo(2);
    assertThat(hit.label()).isEqualTo("beach copy");
    assertThat(hit.signal()).isEqualTo(Signal.PDQ);
    assertThat(hit.distance()).isEqualTo(20);
    assertThat(Double.isNaN(hit.queryPercent())).isTrue();
  }

  @Test
  void match_lowQualityQuery_isNotMatchedAndWarns() {
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    b.pdq("bank", 1, "x", victim, 90);
    MatchResult r = b.build().match(Query.ofPdq(new PdqResult(victim, 49)));
    assertThat(r.matches()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("49").contains("bank");
  }

  @Test
  void build_lowQualityItem_isSkippedWithWarning() {
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    assertThat(b.pdq("bank", 7, "flat", victim, 12)).isFalse();
    assertThat(b.pdq("bank", 8, "unknown quality", victim, Matcher.QUALITY_UNKNOWN)).isTrue();
    assertThat(b.warnings()).singleElement().asString().contains("item 7").contains("12");
    Matcher m = b.build();
    assertThat(m.match(Query.ofPdq(new PdqResult(victim, 100))).matches())
        .extracting(Match::item)
        .containsExactly(8L);
  }

  @Test
  void match_digests_exactOnlyAndCaseInsensitive() {
    String md5 = "0123456789abcdef0123456789ABCDEF";
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    b.digest("bank", 3, "video", Signal.MD5, md5);
    Matcher m = b.build();
    assertThat(
            m.match(new Query(null, null, md5.toLowerCase(java.util.Locale.ROOT), null)).matches())
        .extracting(Match::item, Match::signal)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, Signal.MD5));
    assertThat(m.match(new Query(null, null, "0123456789abcdef0123456789abcdee", null)).matches())
        .isEmpty();
  }

  @Test
  void match_allowEntryCloserThanBankItem_suppressesIt() {
    Pdq benign = Hashes.flipSpread(victim, 24, rnd);
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    b.pdq("bank", 1, "victim", victim, 100);
    b.allowPdq(9, "stock photo", benign, 31);
    Matcher m = b.build();

    // The benign image itself: 24 from the victim item, 0 from the allow entry: suppressed.
    MatchResult r = m.match(Query.ofPdq(new PdqResult(benign, 100)));
    assertThat(r.matches()).isEmpty();
    assertThat(r.suppressed())
        .singleElement()
        .satisfies(s -> assertThat(s.allowLabel()).isEqualTo("stock photo"));

    // A true copy of the victim image is closer to the victim than to the benign one: reported.
    MatchResult copy = m.match(Query.ofPdq(new PdqResult(victim, 100)));
    assertThat(copy.matches()).extracting(Match::item).containsExactly(1L);
    assertThat(copy.suppressed()).isEmpty();
  }

  @Test
  void match_allowedDigest_suppressesEveryMatchOfThatFile() {
    String sha = "ab".repeat(32);
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    b.pdq("bank", 1, "victim", victim, 100);
    b.allowDigest(5, "known benign", Signal.SHA256, sha);
    MatchResult r = b.build().match(new Query(new PdqResult(victim, 100), null, null, sha));
    assertThat(r.matches()).isEmpty();
    assertThat(r.suppressed()).hasSize(1);
  }

  /** Eight unrelated random hashes, with {@code set} given as {variant, hash} pairs. */
  private DihedralHashes variants(int quality, Object... set) {
    List<Pdq> l = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      l.add(Hashes.random(rnd));
    }
    for (int i = 0; i < set.length; i += 2) {
      l.set(((Dihedral) set[i]).ordinal(), (Pdq) set[i + 1]);
    }
    return DihedralHashes.of(l, quality);
  }

  private Matcher oneItem(int threshold) {
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", threshold, 50));
    b.pdq("bank", 1, "victim", victim, 100);
    return b.build();
  }

  private static Query queryOf(DihedralHashes v) {
    return Query.ofPdq(new PdqResult(v.get(Dihedral.ORIGINAL), v.quality()));
  }

  @Test
  void matchDihedral_mirroredCopy_matchesThroughTheVariantAndNamesIt() {
    Matcher m = oneItem(31);
    DihedralHashes mirrored = variants(90, Dihedral.FLIP_Y, Hashes.flipRandom(victim, 5, rnd));

    MatchResult r = m.matchDihedral(queryOf(mirrored), mirrored);

    assertThat(r.matches())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.item()).isEqualTo(1);
              assertThat(hit.distance()).isEqualTo(5);
              assertThat(hit.transform()).isEqualTo(Dihedral.FLIP_Y);
            });
    // Without the variants the mirrored copy is not found.
    assertThat(m.match(queryOf(mirrored)).matches()).isEmpty();
  }

  @Test
  void matchDihedral_severalVariantsMatch_reportsTheClosestOnce() {
    Matcher m = oneItem(31);
    DihedralHashes v =
        variants(
            90,
            Dihedral.ROTATE_90,
            Hashes.flipRandom(victim, 20, rnd),
            Dihedral.FLIP_X,
            Hashes.flipRandom(victim, 6, rnd),
            Dihedral.FLIP_MINUS_1,
            Hashes.flipRandom(victim, 6, rnd));

    MatchResult r = m.matchDihedral(queryOf(v), v);

    // flipx and flipminus1 tie at 6: the first in Dihedral order wins.
    assertThat(r.matches())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.distance()).isEqualTo(6);
              assertThat(hit.transform()).isEqualTo(Dihedral.FLIP_X);
            });
  }

  @Test
  void matchDihedral_imageItselfMatches_reportsItAsOriginalBeforeAnyVariant() {
    String sha = "cd".repeat(32);
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    b.pdq("bank", 1, "victim", victim, 100);
    b.digest("bank", 2, "victim", Signal.SHA256, sha);
    Matcher m = b.build();
    DihedralHashes v =
        variants(
            90,
            Dihedral.ORIGINAL,
            Hashes.flipRandom(victim, 25, rnd),
            Dihedral.FLIP_Y,
            Hashes.flipRandom(victim, 2, rnd));

    MatchResult r = m.matchDihedral(new Query(null, null, null, sha), v);

    assertThat(r.matches())
        .extracting(Match::item, Match::signal, Match::distance, Match::transform)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, Signal.PDQ, 25, Dihedral.ORIGINAL),
            org.assertj.core.groups.Tuple.tuple(2L, Signal.SHA256, 0, Dihedral.ORIGINAL));
  }

  @Test
  void matchDihedral_imageSuppressedByAllowList_triesNoVariant() {
    Pdq benign = Hashes.flipSpread(victim, 24, rnd);
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    b.pdq("bank", 1, "victim", victim, 100);
    b.allowPdq(9, "stock photo", benign, 31);
    Matcher m = b.build();
    // The image is the benign one (its match is suppressed); its rotation is the victim item
    // itself, which would match, but is not tried: the image is known benign.
    DihedralHashes v = variants(90, Dihedral.ORIGINAL, benign, Dihedral.ROTATE_90, victim);

    MatchResult r = m.matchDihedral(queryOf(v), v);

    assertThat(r.matches()).isEmpty();
    assertThat(r.suppressed())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.allowId()).isEqualTo(9);
              assertThat(s.match().transform()).isEqualTo(Dihedral.ORIGINAL);
            });
  }

  @Test
  void matchDihedral_variantSuppressedByAllowList_isReportedWithItsTransform() {
    Pdq benign = Hashes.flipSpread(victim, 24, rnd);
    Matcher.Builder b = Matcher.builder();
    b.bank(new BankRules("bank", 31, 50));
    b.pdq("bank", 1, "victim", victim, 100);
    b.allowPdq(9, "stock photo", benign, 31);
    Matcher m = b.build();
    DihedralHashes v = variants(90, Dihedral.FLIP_X, benign);

    MatchResult r = m.matchDihedral(queryOf(v), v);

    assertThat(r.matches()).isEmpty();
    assertThat(r.suppressed())
        .singleElement()
        .satisfies(s -> assertThat(s.match().transform()).isEqualTo(Dihedral.FLIP_X));
  }

  @Test
  void matchDihedral_lowQuality_warnsOnceAndMatchesNothing() {
    Matcher m = oneItem(31);
    DihedralHashes v = variants(40, Dihedral.FLIP_Y, victim);
    MatchResult r = m.matchDihedral(queryOf(v), v);
    assertThat(r.matches()).isEmpty();
    assertThat(r.warnings()).singleElement().asString().contains("40");
  }

  @Test
  void matchDihedral_queryPdqNotTheOriginal_throwsNamingIt() {
    Matcher m = oneItem(31);
    DihedralHashes v = variants(90);
    assertThatThrownBy(() -> m.matchDihedral(Query.ofPdq(new PdqResult(victim, 90)), v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(victim.toString());
  }

  @Test
  void builder_badValues_throwNamingThem() {
    assertThatThrownBy(() -> new BankRules("b", 300, 50)).hasMessageContaining("300");
    assertThatThrownBy(() -> new BankRules("b", 31, 140)).hasMessageContaining("140");
    Matcher.Builder b = Matcher.builder();
    assertThatThrownBy(() -> b.pdq("nope", 1, "x", victim, 90)).hasMessageContaining("nope");
    assertThatThrownBy(() -> b.vpdqPercents(101, 0)).hasMessageContaining("101");
    b.bank(new BankRules("b", 31, 50));
    assertThatThrownBy(() -> b.digest("b", 1, "x", Signal.MD5, "abc"))
        .hasMessageContaining("\"abc\"");
    assertThatThrownBy(() -> b.digest("b", 1, "x", Signal.MD5, "g".repeat(32)))
        .hasMessageContaining("not hex");
  }

  @Test
  void signal_parse_acceptsThreatExchangeNames() {
    assertThat(Signal.parse("PDQ")).isEqualTo(Signal.PDQ);
    assertThat(Signal.parse("video_md5")).isEqualTo(Signal.MD5);
    assertThat(Signal.tryParse("tmk")).isEmpty();
    assertThatThrownBy(() -> Signal.parse("tmk")).hasMessageContaining("\"tmk\"");
  }
}
