package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class VpdqPropertiesTest {

  @Provide
  Arbitrary<VpdqFrame> frames() {
    Arbitrary<Pdq> pdq = Arbitraries.longs().array(long[].class).ofSize(4).map(Pdq::fromLongs);
    Arbitrary<Double> seconds =
        Arbitraries.oneOf(
            Arbitraries.doubles().between(0, 100_000),
            Arbitraries.integers().between(0, 1_000_000).map(n -> Vpdq.timestamp(n, 30)),
            Arbitraries.integers().between(0, 100_000_000).map(ms -> ms / 1000.0));
    return Combinators.combine(
            Arbitraries.integers().between(0, 999_999_999),
            pdq,
            Arbitraries.integers().between(0, 100),
            seconds)
        .as(VpdqFrame::new);
  }

  @Provide
  Arbitrary<List<VpdqFrame>> frameLists() {
    return frames().list().ofMaxSize(20);
  }

  @Property
  void cppText_writeParseWrite_isIdentical(@ForAll("frameLists") List<VpdqFrame> fs) {
    String text = Vpdq.of(fs).toCppText();
    Vpdq back = Vpdq.parseCppText(text);
    assertThat(back.toCppText()).isEqualTo(text);
    assertThat(back.frames())
        .extracting(VpdqFrame::pdq)
        .containsExactlyElementsOf(fs.stream().map(VpdqFrame::pdq).toList());
  }

  @Property
  void cppText_secondsWithThreeDecimals_roundTripExactly(@ForAll("frameLists") List<VpdqFrame> fs) {
    Vpdq once = Vpdq.parseCppText(Vpdq.of(fs).toCppText());
    assertThat(Vpdq.parseCppText(once.toCppText())).isEqualTo(once);
  }

  @Property
  void cppLine_secondsAreWithinHalfAMillisecond(@ForAll("frames") VpdqFrame f) {
    VpdqFrame back = Vpdq.parseCppLine(Vpdq.toCppLine(f));
    assertThat(back.frameNumber()).isEqualTo(f.frameNumber());
    assertThat(back.quality()).isEqualTo(f.quality());
    assertThat(Math.abs(back.seconds() - f.seconds())).isLessThanOrEqualTo(0.0005 + 1e-9);
  }

  @Property
  void pteSignal_writeParseWrite_isIdentical(@ForAll("frameLists") List<VpdqFrame> fs) {
    String signal = Vpdq.of(fs).toPteSignal();
    Vpdq back = Vpdq.parsePteSignal(signal);
    assertThat(back.toPteSignal()).isEqualTo(signal);
    for (int i = 0; i < fs.size(); i++) {
      VpdqFrame a = fs.get(i);
      VpdqFrame b = back.frames().get(i);
      assertThat(b.frameNumber()).isEqualTo(i);
      assertThat(b.pdq()).isEqualTo(a.pdq());
      assertThat(b.quality()).isEqualTo(a.quality());
      // three significant digits: relative error at most half a unit in the third digit
      assertThat(Math.abs(b.seconds() - a.seconds())).isLessThanOrEqualTo(a.seconds() * 0.005);
    }
  }

  @Property
  void pteFeature_parsedValueIsAFixedPoint(@ForAll("frames") VpdqFrame f) {
    String once = Vpdq.toPteFeature(f);
    VpdqFrame back = Vpdq.parsePteFeature(once, f.frameNumber());
    assertThat(Vpdq.toPteFeature(back)).isEqualTo(once);
    assertThat(Vpdq.parsePteFeature(Vpdq.toPteFeature(back), f.frameNumber())).isEqualTo(back);
  }
}
