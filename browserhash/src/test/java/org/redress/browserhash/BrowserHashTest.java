package org.redress.browserhash;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.phash.ReferenceResize;

class BrowserHashTest {
  @Test
  void hash_rgbaWords_equalsPdqHasherOnPackedRgb() {
    Random r = new Random(7);
    int w = 97;
    int h = 61;
    int[] packed = new int[w * h];
    BrowserHash b = new BrowserHash();
    b.pixels(w * h);
    for (int i = 0; i < packed.length; i++) {
      int red = (i * 7 + r.nextInt(40)) & 0xFF;
      int green = (i / w * 3 + r.nextInt(20)) & 0xFF;
      int blue = r.nextInt(256);
      packed[i] = red << 16 | green << 8 | blue;
      b.pixel(i, 0xFF000000 | blue << 16 | green << 8 | red);
    }
    PdqResult expected = new PdqHasher().hashRgb(packed, w, h);
    assertThat(b.hash(w, h, 0)).isEqualTo(expected.quality());
    assertThat(hex(b, 0)).isEqualTo(expected.pdq().toString());
    DihedralHashes d = new PdqHasher().hashRgbDihedral(packed, w, h);
    assertThat(b.dihedral(w, h, 0)).isEqualTo(d.quality());
    for (Dihedral v : Dihedral.values()) {
      assertThat(hex(b, v.ordinal())).isEqualTo(d.get(v).toString());
    }
  }

  @Test
  void hash_greyFlag_takesTheOneChannelPath() {
    int w = 40;
    int h = 30;
    byte[] grey = new byte[w * h];
    BrowserHash b = new BrowserHash();
    b.pixels(w * h);
    for (int i = 0; i < grey.length; i++) {
      int v = (i * 13 + i / w * 5) & 0xFF;
      grey[i] = (byte) v;
      b.packed(i, v << 16 | v << 8 | v);
    }
    PdqResult expected = new PdqHasher().hashGrey(grey, w, h);
    assertThat(b.hash(w, h, 1)).isEqualTo(expected.quality());
    assertThat(hex(b, 0)).isEqualTo(expected.pdq().toString());
  }

  @Test
  void sourceIndex_matchesReferenceResize() {
    BrowserHash b = new BrowserHash();
    int[] idx = ReferenceResize.sourceIndices(4032, 512);
    for (int i = 0; i < 512; i++) {
      assertThat(b.sourceIndex(4032, i)).isEqualTo(idx[i]);
    }
  }

  @Test
  void digests_streamedInOddChunks_equalTheJdks() throws NoSuchAlgorithmException {
    Random r = new Random(11);
    for (int size : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_003}) {
      byte[] data = new byte[size];
      r.nextBytes(data);
      BrowserHash b = new BrowserHash();
      b.digestStart();
      int off = 0;
      while (off < size) {
        int n = Math.min(size - off, 1 + r.nextInt(5000));
        b.chunk(n);
        for (int i = 0; i < (n + 3) / 4; i++) {
          int word = 0;
          for (int k = 0; k < 4; k++) {
            int p = off + i * 4 + k;
            word |= (p < off + n ? data[p] & 0xFF : 0) << (8 * k);
          }
          b.bytes(i, word);
        }
        b.digestUpdate(n, 1);
        off += n;
      }
      b.digestFinish();
      StringBuilder md5 = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        md5.append(String.format(java.util.Locale.ROOT, "%08x", b.md5Word(i)));
      }
      StringBuilder sha = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sha.append(String.format(java.util.Locale.ROOT, "%08x", b.sha256Word(i)));
      }
      assertThat(md5.toString())
          .as("md5 of %d bytes", size)
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)));
      assertThat(sha.toString())
          .as("sha256 of %d bytes", size)
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    }
  }

  static String hex(BrowserHash b, int variant) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      s.append(String.format(java.util.Locale.ROOT, "%08x", b.word(variant, i)));
    }
    return s.toString();
  }
}
