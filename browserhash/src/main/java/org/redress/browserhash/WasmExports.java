package org.redress.browserhash;

import org.teavm.interop.Export;

/**
 * The WebAssembly module's exports: {@link BrowserHash}'s methods as static functions of 32-bit
 * integers, so the worker calls them with no TeaVM JavaScript runtime (which builds functions from
 * strings and so would need {@code 'unsafe-eval'}). See {@code docs/hashing.md}, "In the browser".
 */
public final class WasmExports {
  private static final BrowserHash H = new BrowserHash();

  private WasmExports() {}

  /** TeaVM's entry point; the module is used through its exports only. */
  public static void main(String[] args) {
    // Nothing to start: the worker calls the exports.
  }

  @Export(name = "pixels")
  public static int pixels(int n) {
    return H.pixels(n);
  }

  @Export(name = "pixel")
  public static void pixel(int i, int rgba) {
    H.pixel(i, rgba);
  }

  @Export(name = "packed")
  public static void packed(int i, int rgb) {
    H.packed(i, rgb);
  }

  @Export(name = "hash")
  public static int hash(int width, int height, int grey) {
    return H.hash(width, height, grey);
  }

  @Export(name = "dihedral")
  public static int dihedral(int width, int height, int grey) {
    return H.dihedral(width, height, grey);
  }

  @Export(name = "word")
  public static int word(int variant, int i) {
    return H.word(variant, i);
  }

  @Export(name = "sourceIndex")
  public static int sourceIndex(int inSize, int i) {
    return H.sourceIndex(inSize, i);
  }

  @Export(name = "chunk")
  public static int chunk(int n) {
    return H.chunk(n);
  }

  @Export(name = "bytes")
  public static void bytes(int i, int le) {
    H.bytes(i, le);
  }

  @Export(name = "digestStart")
  public static void digestStart() {
    H.digestStart();
  }

  @Export(name = "digestUpdate")
  public static void digestUpdate(int len, int sha) {
    H.digestUpdate(len, sha);
  }

  @Export(name = "digestFinish")
  public static void digestFinish() {
    H.digestFinish();
  }

  @Export(name = "md5Word")
  public static int md5Word(int i) {
    return H.md5Word(i);
  }

  @Export(name = "sha256Word")
  public static int sha256Word(int i) {
    return H.sha256Word(i);
  }
}
