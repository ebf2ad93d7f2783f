package org.redress.media;

import org.redress.phash.DihedralHashes;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.phash.ReferenceResize;

/**
 * The pixels PDQ sees: the image oriented for display (when asked), then, as the reference does,
 * resized to 512×512 by nearest neighbour when either side exceeds 512. Only the sampled pixels are
 * read from the decoded image, and the orientation is folded into the sampling (no rotated copy of
 * the full image is made).
 */
final class Sampled {
  /** Display width and height: after orientation, before the reference's resize. */
  final int width;

  final int height;

  /** Width and height of the sampled buffer handed to PDQ. */
  final int outWidth;

  final int outHeight;

  /** One of these is set: grey samples for one-channel images, else packed RGB. */
  final byte[] grey;

  final int[] rgb;

  private Sampled(int width, int height, int outW, int outH, byte[] grey, int[] rgb) {
    this.width = width;
    this.height = height;
    this.outWidth = outW;
    this.outHeight = outH;
    this.grey = grey;
    this.rgb = rgb;
  }

  /** Samples {@code src}, displayed according to EXIF {@code orientation} (1..8; 1 = as stored). */
  static Sampled of(Pixels src, int orientation) {
    int w = src.width;
    int h = src.height;
    boolean swap = Exif.swapsAxes(orientation);
    int dw = swap ? h : w;
    int dh = swap ? w : h;
    int outW = dw;
    int outH = dh;
    int[] xs;
    int[] ys;
    if (ReferenceResize.applies(dw, dh)) {
      outW = ReferenceResize.LIMIT;
      outH = ReferenceResize.LIMIT;
      xs = ReferenceResize.sourceIndices(dw, outW);
      ys = ReferenceResize.sourceIndices(dh, outH);
    } else {
      xs = identity(dw);
      ys = identity(dh);
    }
    // Display (x', y') -> stored (sx, sy). Without a swap sx depends on x' only and sy on y'
    // only; with a swap, sy depends on x' and sx on y'. Fold the mirrors into the index arrays.
    int[] a = xs.clone(); // stored coordinate driven by the display column
    int[] b = ys.clone(); // stored coordinate driven by the display row
    switch (orientation) {
      case 2:
        mirror(a, w);
        break;
      case 3:
        mirror(a, w);
        mirror(b, h);
        break;
      case 4:
        mirror(b, h);
        break;
      case 6:
        mirror(a, h);
        break;
      case 7:
        mirror(a, h);
        mirror(b, w);
        break;
      case 8:
        mirror(b, w);
        break;
      default:
        break; // 1 and 5 need no mirror
    }
    boolean isGrey = src.nativeGrey() || src.allGrey();
    if (isGrey) {
      byte[] out = new byte[outW * outH];
      for (int oy = 0; oy < outH; oy++) {
        int row = oy * outW;
        for (int ox = 0; ox < outW; ox++) {
          out[row + ox] = (byte) (swap ? src.grey(b[oy], a[ox]) : src.grey(a[ox], b[oy]));
        }
      }
      return new Sampled(dw, dh, outW, outH, out, null);
    }
    int[] out = new int[outW * outH];
    for (int oy = 0; oy < outH; oy++) {
      int row = oy * outW;
      for (int ox = 0; ox < outW; ox++) {
        out[row + ox] = swap ? src.rgb(b[oy], a[ox]) : src.rgb(a[ox], b[oy]);
      }
    }
    return new Sampled(dw, dh, outW, outH, null, out);
  }

  PdqResult hash(PdqHasher hasher) {
    return grey != null
        ? hasher.hashGrey(grey, outWidth, outHeight)
        : hasher.hashRgb(rgb, outWidth, outHeight);
  }

  DihedralHashes hashDihedral(PdqHasher hasher) {
    if (rgb != null) {
      return hasher.hashRgbDihedral(rgb, outWidth, outHeight);
    }
    float[] luma = new float[grey.length];
    for (int i = 0; i < luma.length; i++) {
      luma[i] = grey[i] & 0xFF;
    }
    return hasher.hashLumaDihedral(luma, outWidth, outHeight);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static void mirror(int[] a, int size) {
    for (int i = 0; i < a.length; i++) {
      a[i] = size - 1 - a[i];
    }
  }
}
