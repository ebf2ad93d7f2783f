package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formats are recognised by content; the name plays no part. */
class FormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ffd8ffe0,                          JPEG",
    "89504e470d0a1a0a,                  PNG",
    "474946383961,                      GIF",
    "424d00000000000000000000000000000000000000000000000000, BMP",
    "52494646000000005745425056503820,  WEBP",
    "0000001c667479706865696300000000,  HEIF",
    "0000001c667479706d69663100000000,  HEIF",
    "0000001c6674797061766966,          HEIF",
    "00000018667479706d703432000000006d70343269736f6d, VIDEO",
    "0000001c6674797069736f6d00000200,  VIDEO",
    "00000014667479707174202000000000,  VIDEO",
    "000000186674797033677035,          VIDEO",
    "0000001c667479704d345620,          VIDEO",
    "1a45dfa3,                          VIDEO",
    "52494646000000004156492020,        VIDEO",
    "464c5601,                          VIDEO",
    "000001ba,                          VIDEO",
    "3026b2758e66cf11,                  VIDEO",
    "0000001c667479704d344120,          AUDIO",
    "49492a00,                          TIFF",
    "25504446,                          PDF",
    "504b0304,                          ZIP",
    "1f8b08,                            GZIP",
  })
  void detect_magicBytes_recognised(String hex, Format expected) {
    byte[] b = hexBytes(hex);
    assertThat(Format.detect(b, b.length)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'hello, world'", "'Привет, мир: 你好'", "'a,b,c\n1,2,3\n'"})
  void detect_text_isText(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(Format.detect(b, b.length)).isEqualTo(Format.TEXT);
  }

  @ParameterizedTest
  @CsvSource({"80", "0000", "00ff00ff"})
  void detect_shortOrBinaryJunk_isUnknown(String hex) {
    byte[] b = hexBytes(hex);
    assertThat(Format.detect(b, b.length)).isEqualTo(Format.UNKNOWN);
  }

  @org.junit.jupiter.api.Test
  void detect_transportStream_isVideo() {
    byte[] b = new byte[400];
    Arrays.fill(b, (byte) 0xFF);
    b[0] = 0x47;
    b[188] = 0x47;
    b[376] = 0x47;
    assertThat(Format.detect(b, b.length)).isEqualTo(Format.VIDEO);
  }

  private static byte[] hexBytes(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
