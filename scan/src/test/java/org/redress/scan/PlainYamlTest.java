package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PlainYaml} against Jackson's YAML reader, the oracle. */
class PlainYamlTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static String resource(String name) throws Exception {
    try (InputStream in = TradeLexicon.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertAsJackson(String yaml) throws Exception {
    JsonNode want = YAML.readTree(yaml);
    JsonNode got = PlainYaml.read(yaml);
    assertThat(got).isEqualTo(want);
    assertThat(got.toString()).isEqualTo(want.toString()); // and in the same order
  }

  @Test
  void read_shippedLexicon_sameTreeAsJacksonWithoutFallingBack() throws Exception {
    // the lexicon's speed depends on staying in the plain subset (else Jackson reads it)
    assertAsJackson(resource("trade-lexicon.yaml"));
  }

  @Test
  void read_shippedLexicon_givesTheSameLexiconAsJackson() throws Exception {
    String yaml = resource("trade-lexicon.yaml");
    TradeLexicon plain = TradeLexicon.parse(PlainYaml.read(yaml));
    TradeLexicon jackson = TradeLexicon.parse(YAML.readTree(yaml));
    assertThat(plain.categories()).isEqualTo(jackson.categories());
    assertThat(plain.version()).isEqualTo(jackson.version());
    for (String text :
        List.of(
            "针孔摄像机 烟雾报警器款 包邮",
            "hidden camera charger, DM me $40",
            "警惕！有人在群里卖针孔摄像头",
            "听话水 无色无味 私聊")) {
      assertThat(plain.detect(text)).isEqualTo(jackson.detect(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: b\n",
        "schema: redress/x@1\nversion: \"2026-12-06\"\n",
        "# comment\nlist:\n  - one\n  - 'two # not a comment'\n  - three # a comment\n",
        "list:\n- same indent\n- as the key\nnext: x\n",
        "m:\n  nn:\n    - [a, b, 'c, d', \"e\\\"f\\u00e9\"]\n    - [x]\n  o: {zh: 偷拍设备, en: covert cameras}\n",
        "flow: [one, two,\n  three,   # comment inside\n  'four''s']\nafter: z\n",
        "l: ['re:(?<![a-z])tp(视频|合集)', won't taste, 迷药与\"听话水\"]\n",
        "q: '[¥$]\\s*\\d+'\nr: \"\\\\d+\"\n",
        "p: devil's breath\ns: c#sharp\nu: http://x.org/a\n",
        "empty: []\nmap: {}\n",
        "k: 2026-12-06\n",
      })
  void read_plainSubset_sameTreeAsJackson(String yaml) throws Exception {
    assertAsJackson(yaml);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x b\nc: *x\n",
        "a: !!str b\n",
        "a: |\n  block\n",
        "a: >\n  folded\n",
        "a: plain\n  continued\n",
        "a: yes\n",
        "a: [no, off]\n",
        "a: 12\n",
        "a: 1_000\n",
        "a: 0x1F\n",
        "a: ~\n",
        "a:\nb: c\n",
        "a: b\na: c\n",
        "---\na: b\n",
        "a: 'two\n  lines'\n",
        "a: [x,\n  y z\n  w]\n",
        "a: b: c\n",
        "a:\n  - k: v\n",
        "a: \"\\x41\"\n",
        "nested:\n  - - a\n    - b\n",
        "a:\tb\n",
        "? a\n: b\n",
        "  a: b\n",
      })
  void read_outsideTheSubset_unsupported(String yaml) {
    assertThatThrownBy(() -> PlainYaml.read(yaml)).isInstanceOf(PlainYaml.Unsupported.class);
  }

  @Test
  void read_unsupported_namesTheLine() {
    assertThatThrownBy(() -> PlainYaml.read("a: b\n# c\nd: &x e\n"))
        .isInstanceOf(PlainYaml.Unsupported.class)
        .hasMessageStartingWith("line 3: ");
  }
}
