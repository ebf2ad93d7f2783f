package org.redress.phash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.testing.Vectors;

class VpdqTest {
  private static final String HEX_A =
      "dadb999c25266273529cadac89cb52c22324ad3bce99726c38668d93c799f07c";
  private static final String HEX_B =
      "dadb999c25266273529cadac8dcb52c22324ad3bce99726c38660d93c799f07c";

  static Stream<Path> upstreamHashFiles() throws IOException {
    Path dir = Vectors.vpdq().resolve("expected");
    List<Path> files = new ArrayList<>();
    for (String sub : new String[] {"upstream-sample-hashes", "local-cpp-ffmpeg5.1"}) {
      try (Stream<Path> s = Files.list(dir.resolve(sub))) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstreamHashFiles")
  void parseCppText_referenceHashFile_writesBackByteIdentical(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Vpdq v = Vpdq.parseCppText(text);
    assertThat(v.size()).isPositive();
    assertThat(v.toCppText()).isEqualTo(text);
  }

  @Test
  void pythonPrecision3_goldenValuesFromCPython_match() throws IOException {
    int n = 0;
    try (InputStream in = VpdqTest.class.getResourceAsStream("python-precision3.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        double v = Double.parseDouble(f[0]);
        assertThat(Vpdq.pythonPrecision3(v)).as("f\"{%s:.3}\"", f[0]).isEqualTo(f[1]);
        assertThat(Vpdq.fixed3(v)).as("\"%%.3f\" %% %s", f[0]).isEqualTo(f[2]);
        n++;
      }
    }
    assertThat(n).isGreaterThan(400);
  }

  @Test
  void toPteSignal_twoFrames_isJsonDumpsOfFeatureStrings() {
    Vpdq v =
        Vpdq.of(
            List.of(
                new VpdqFrame(0, Pdq.parse(HEX_A), 100, 0.0),
                new VpdqFrame(30, Pdq.parse(HEX_B), 49, Vpdq.timestamp(3001, 30))));
    assertThat(v.toPteSignal())
        .isEqualTo("[\"" + HEX_A + ",100,0.0\", \"" + HEX_B + ",49,1e+02\"]");
    assertThat(v.toCppText()).isEqualTo("0,100," + HEX_A + ",0.000\n30,49," + HEX_B + ",100.033\n");
  }

  @Test
  void parsePteSignal_numbersFramesInOrder() {
    Vpdq v = Vpdq.parsePteSignal(" [ \"" + HEX_A + ",90,1.5\" ,\"" + HEX_B + ",80,1.23e+02\" ] ");
    assertThat(v.frames()).extracting(VpdqFrame::frameNumber).containsExactly(0, 1);
    assertThat(v.frames()).extracting(VpdqFrame::seconds).containsExactly(1.5, 123.0);
    assertThat(v.frames()).extracting(VpdqFrame::quality).containsExactly(90, 80);
  }

  @Test
  void parsePteSignal_emptyStringOrArray_isEmpty() {
    assertThat(Vpdq.parsePteSignal("").isEmpty()).isTrue();
    assertThat(Vpdq.parsePteSignal("[]").isEmpty()).isTrue();
  }

  @Test
  void parsePteSignal_badItem_namesItemAndValue() {
    assertThatThrownBy(() -> Vpdq.parsePteSignal("[\"" + HEX_A + ",90,1.5\", \"x,1,2\"]"))
        .hasMessage("item 2: bad PDQ hash \"x\"");
    assertThatThrownBy(() -> Vpdq.parsePteSignal("[\"" + HEX_A + ",101,1.5\"]"))
        .hasMessage("item 1: quality must be in 0..100, was 101");
    assertThatThrownBy(() -> Vpdq.parsePteSignal("[\"" + HEX_A + ",9,-1\"]"))
        .hasMessage("item 1: bad seconds \"-1\"");
    assertThatThrownBy(() -> Vpdq.parsePteSignal("[\"a\\u0041\"]"))
        .hasMessageStartingWith("not a vPDQ signal: unsupported character");
    assertThatThrownBy(() -> Vpdq.parsePteSignal("[\"" + HEX_A + ",9,1\"")) // no ]
        .hasMessageStartingWith("not a vPDQ signal: expected ',' or ']' at offset 71");
  }

  @Test
  void parseCppText_badLine_namesLineFieldAndValue() {
    String good = "0,100," + HEX_A + ",0.000\n";
    assertThatThrownBy(() -> Vpdq.parseCppText(good + "1,100," + HEX_B + ",0.0x3\n"))
        .hasMessage("line 2: bad seconds \"0.0x3\"");
    assertThatThrownBy(() -> Vpdq.parseCppText(good + "one,100," + HEX_B + ",0.033\n"))
        .hasMessage("line 2: bad frame number \"one\"");
    assertThatThrownBy(() -> Vpdq.parseCppText(good + "1,100," + HEX_B + "\n"))
        .hasMessageStartingWith(
            "line 2: expected 4 fields frameNumber,quality,pdqHex,seconds, got 3");
    assertThatThrownBy(() -> Vpdq.parseCppText(good + "\n" + good))
        .hasMessageStartingWith("line 2: expected 4 fields");
    assertThatThrownBy(() -> Vpdq.parseCppText("1,100,abc,0.1"))
        .hasMessage("line 1: bad PDQ hash \"abc\"");
    assertThat(Vpdq.tryParseCppText("1,100,abc,0.1")).isEmpty();
  }

  @Test
  void parseCppText_crlfAndMissingFinalNewline_areAccepted() {
    Vpdq v = Vpdq.parseCppText("0,100," + HEX_A + ",0.000\r\n1,99," + HEX_B + ",0.033");
    assertThat(v.size()).isEqualTo(2);
    assertThat(v.frames().get(1).seconds()).isEqualTo(0.033);
  }

  @Test
  void frameInterval_isTruncatedProductAtLeastOne() {
    assertThat(Vpdq.frameInterval(1, 30)).isEqualTo(30);
    assertThat(Vpdq.frameInterval(1, 29.97002997002997)).isEqualTo(29);
    assertThat(Vpdq.frameInterval(0, 30)).isEqualTo(1);
    assertThat(Vpdq.frameInterval(1, 0.5)).isEqualTo(1);
    assertThat(Vpdq.frameInterval(2.5, 24)).isEqualTo(60);
    assertThatThrownBy(() -> Vpdq.frameInterval(1, 0))
        .hasMessage("frame rate must be finite and > 0, was 0.0");
  }

  @Test
  void timestamp_isFloatDivisionAsTheReference() {
    assertThat(Vpdq.timestamp(1, 30)).isEqualTo((double) (1f / 30f));
    assertThat(Vpdq.fixed3(Vpdq.timestamp(2, 30))).isEqualTo("0.067");
  }

  @Test
  void dedupeAndQualityFilter_followPte() {
    Vpdq v =
        Vpdq.of(
            List.of(
                new VpdqFrame(0, Pdq.parse(HEX_A), 100, 0),
                new VpdqFrame(1, Pdq.parse(HEX_A), 40, 1),
                new VpdqFrame(2, Pdq.parse(HEX_B), 40, 2),
                new VpdqFrame(3, Pdq.parse(HEX_B), 60, 3)));
    assertThat(v.dedupe().frames()).extracting(VpdqFrame::frameNumber).containsExactly(0, 2);
    assertThat(v.withMinQuality(Vpdq.QUALITY_THRESHOLD).frames())
        .extracting(VpdqFrame::frameNumber)
        .containsExactly(0, 3);
    assertThat(v.withMinQuality(Vpdq.QUALITY_THRESHOLD).dedupe().size()).isEqualTo(2);
  }
}
