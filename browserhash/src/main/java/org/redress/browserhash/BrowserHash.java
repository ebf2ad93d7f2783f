package org.redress.browserhash;

import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.phash.ReferenceResize;

/**
 * What the browser's worker calls, one number at a time: a pixel buffer it fills, PDQ (plain or all
 * eight dihedral variants) over it through {@link PdqHasher} exactly as the CLI calls it, the
 * reference's 512×512 sampling indices, and streamed MD5 and SHA-256 over byte chunks.
 *
 * <p>Everything crosses the WebAssembly boundary as 32-bit integers (see {@link WasmExports}), so
 * no JavaScript glue beyond a few lines is needed and nothing is evaluated from strings. On the JVM
 * the same class runs in tests, which is how the WebAssembly build is checked against it.
 *
 * <p>Not thread-safe: one per worker.
 */
public final class BrowserHash {
  private final PdqHasher hasher = new PdqHasher();
  private final Md5 md5 = new Md5();
  private final Sha256 sha256 = new Sha256();
  private int[] rgb = new int[0];
  private byte[] chunk = new byte[0];
  private Pdq[] hashes = new Pdq[0];
  private int quality;
  private byte[] md5Digest = new byte[16];
  private byte[] sha256Digest = new byte[32];
  private int[] indices = new int[0];
  private int indicesFor = -1;

  /** A fresh instance with empty buffers. */
  public BrowserHash() {}

  /**
   * Makes room for {@code n} pixels and returns {@code n}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public int pixels(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("pixel count must not be negative, was " + n);
    }
    if (rgb.length < n) {
      rgb = new int[n];
    }
    return n;
  }

  /**
   * Sets pixel {@code i} from a canvas {@code ImageData} word read as little-endian 32 bits ({@code
   * 0xAABBGGRR}: red in the low byte); alpha is ignored, as the CLI ignores it.
   */
  public void pixel(int i, int rgbaLittleEndian) {
    int r = rgbaLittleEndian & 0xFF;
    int g = (rgbaLittleEndian >>> 8) & 0xFF;
    int b = (rgbaLittleEndian >>> 16) & 0xFF;
    rgb[i] = r << 16 | g << 8 | b;
  }

  /** Sets pixel {@code i} from packed {@code 0x??RRGGBB}, the layout {@link PdqHasher} takes. */
  public void packed(int i, int packedRgb) {
    rgb[i] = packedRgb;
  }

  /**
   * Hashes the first {@code width * height} pixels; with {@code grey} non-zero the blue sample is
   * taken as the grey sample (the CLI's one-channel path for images whose pixels are all grey).
   * Returns the quality; the hash is read with {@link #word}, variant 0.
   *
   * @throws IllegalArgumentException when the dimensions do not fit the buffer
   */
  public int hash(int width, int height, int grey) {
    PdqResult r;
    if (grey != 0) {
      r = hasher.hashGrey(greyBytes(width, height), width, height);
    } else {
      r = hasher.hashRgb(rgb, width, height);
    }
    hashes = new Pdq[] {r.pdq()};
    quality = r.quality();
    return quality;
  }

  /**
   * As {@link #hash}, with all eight dihedral variants (read them with {@link #word}, variants in
   * {@link Dihedral} order). Returns the quality.
   *
   * @throws IllegalArgumentException when the dimensions do not fit the buffer
   */
  @SuppressWarnings("EnumOrdinal") // variants are in Dihedral's declaration order by contract
  public int dihedral(int width, int height, int grey) {
    DihedralHashes d;
    if (grey != 0) {
      byte[] g = greyBytes(width, height);
      float[] luma = new float[g.length];
      for (int i = 0; i < luma.length; i++) {
        luma[i] = g[i] & 0xFF;
      }
      d = hasher.hashLumaDihedral(luma, width, height);
    } else {
      d = hasher.hashRgbDihedral(rgb, width, height);
    }
    Dihedral[] all = Dihedral.values();
    hashes = new Pdq[all.length];
    for (Dihedral v : all) {
      hashes[v.ordinal()] = d.get(v);
    }
    quality = d.quality();
    return quality;
  }

  /**
   * The 32-bit word {@code i} (0..7) of hash {@code variant}, in the order of the hash's hex text:
   * word 0 is its first eight hex digits.
   */
  public int word(int variant, int i) {
    long w = hashes[variant].word64(3 - (i >> 1));
    return (i & 1) == 0 ? (int) (w >>> 32) : (int) w;
  }

  /** The quality of the last hash. */
  public int quality() {
    return quality;
  }

  /**
   * The source index the reference's pre-resize samples for output index {@code i} of {@value
   * ReferenceResize#LIMIT} when a side of {@code inSize} is resized ({@link ReferenceResize}).
   */
  public int sourceIndex(int inSize, int i) {
    if (indicesFor != inSize) {
      indices = ReferenceResize.sourceIndices(inSize, ReferenceResize.LIMIT);
      indicesFor = inSize;
    }
    return indices[i];
  }

  /** Makes room for a chunk of {@code n} bytes and returns {@code n}. */
  public int chunk(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("chunk size must not be negative, was " + n);
    }
    if (chunk.length < n + 3) {
      chunk = new byte[n + 3];
    }
    return n;
  }

  /** Sets chunk bytes {@code 4i .. 4i+3} from a little-endian 32-bit word. */
  public void bytes(int i, int littleEndian) {
    int p = i * 4;
    chunk[p] = (byte) littleEndian;
    chunk[p + 1] = (byte) (littleEndian >>> 8);
    chunk[p + 2] = (byte) (littleEndian >>> 16);
    chunk[p + 3] = (byte) (littleEndian >>> 24);
  }

  /** Starts new MD5 and SHA-256 digests. */
  public void digestStart() {
    md5.reset();
    sha256.reset();
  }

  /** Adds the first {@code len} chunk bytes to MD5, and to SHA-256 when {@code sha} is non-zero. */
  public void digestUpdate(int len, int sha) {
    md5.update(chunk, 0, len);
    if (sha != 0) {
      sha256.update(chunk, 0, len);
    }
  }

  /** Finishes both digests; read them with {@link #md5Word} and {@link #sha256Word}. */
  public void digestFinish() {
    md5Digest = md5.digest();
    sha256Digest = sha256.digest();
  }

  /** MD5 digest word {@code i} (0..3), big-endian: its hex text is the digest's. */
  public int md5Word(int i) {
    return bigEndian(md5Digest, i);
  }

  /** SHA-256 digest word {@code i} (0..7), big-endian. */
  public int sha256Word(int i) {
    return bigEndian(sha256Digest, i);
  }

  private static int bigEndian(byte[] b, int i) {
    int p = i * 4;
    return (b[p] & 0xFF) << 24
        | (b[p + 1] & 0xFF) << 16
        | (b[p + 2] & 0xFF) << 8
        | (b[p + 3] & 0xFF);
  }

  private byte[] greyBytes(int width, int height) {
    int n = Math.multiplyExact(width, height);
    if (n > rgb.length) {
      throw new IllegalArgumentException(
          "buffer of " + rgb.length + " pixels is too small for " + width + "x" + height);
    }
    byte[] g = new byte[n];
    for (int i = 0; i < n; i++) {
      g[i] = (byte) rgb[i];
    }
    return g;
  }
}
