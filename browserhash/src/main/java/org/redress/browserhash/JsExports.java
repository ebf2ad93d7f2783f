package org.redress.browserhash;

import org.teavm.jso.JSExport;

/**
 * The exports of TeaVM's JavaScript build ({@code phash.js}), under the names of {@link
 * WasmExports}'s: the fallback for browsers without WebAssembly GC. JavaScript computes the float
 * arithmetic in double precision, so its hashes are approximate (a few bits from the exact ones)
 * and the page labels them so. A class of its own, so the WebAssembly build carries no JavaScript
 * interop. See {@code docs/hashing.md}, "The JavaScript fallback".
 */
public final class JsExports {
  private static final BrowserHash H = new BrowserHash();

  private JsExports() {}

  /** TeaVM's entry point; the module is used through its exports only. */
  public static void main(String[] args) {
    // Nothing to start: the worker calls the exports.
  }

  @JSExport
  public static int pixels(int n) {
    return H.pixels(n);
  }

  @JSExport
  public static void pixel(int i, int rgba) {
    H.pixel(i, rgba);
  }

  @JSExport
  public static void packed(int i, int rgb) {
    H.packed(i, rgb);
  }

  @JSExport
  public static int hash(int width, int height, int grey) {
    return H.hash(width, height, grey);
  }

  @JSExport
  public static int dihedral(int width, int height, int grey) {
    return H.dihedral(width, height, grey);
  }

  @JSExport
  public static int word(int variant, int i) {
    return H.word(variant, i);
  }

  @JSExport
  public static int sourceIndex(int inSize, int i) {
    return H.sourceIndex(inSize, i);
  }

  @JSExport
  public static int chunk(int n) {
    return H.chunk(n);
  }

  @JSExport
  public static void bytes(int i, int le) {
    H.bytes(i, le);
  }

  @JSExport
  public static void digestStart() {
    H.digestStart();
  }

  @JSExport
  public static void digestUpdate(int len, int sha) {
    H.digestUpdate(len, sha);
  }

  @JSExport
  public static void digestFinish() {
    H.digestFinish();
  }

  @JSExport
  public static int md5Word(int i) {
    return H.md5Word(i);
  }

  @JSExport
  public static int sha256Word(int i) {
    return H.sha256Word(i);
  }
}
