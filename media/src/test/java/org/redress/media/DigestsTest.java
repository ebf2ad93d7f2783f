package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known-answer vectors (RFC 1321, FIPS 180-2) and stream/array agreement. */
class DigestsTest {

  @Test
  void of_abc_matchesPublishedVectors() {
    Digests d = Digests.of("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(d.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(d.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(d.size()).isEqualTo(3);
  }

  @Test
  void of_empty_matchesPublishedVectors() {
    Digests d = Digests.of(new byte[0]);
    assertThat(d.md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(d.sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void of_stream_equalsArrayAcrossBufferBoundaries() throws IOException {
    byte[] data = new byte[200_003];
    new Random(1).nextBytes(data);
    Digests a = Digests.of(data);
    Digests s = Digests.of(new ByteArrayInputStream(data));
    assertThat(s.md5()).isEqualTo(a.md5());
    assertThat(s.sha256()).isEqualTo(a.sha256());
    assertThat(s.size()).isEqualTo(data.length);
    assertThat(s.md5()).isEqualTo(s.md5()); // finishing twice returns the same value
  }
}
