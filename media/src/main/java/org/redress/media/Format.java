package org.redress.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A file's format, recognised from its first bytes (never from its name). Images ImageIO reads,
 * stills FFmpeg reads (HEIF family), videos, and a few well-known formats Redress does not hash,
 * named so the error says what the file is.
 */
enum Format {
  JPEG("JPEG", Family.IMAGE),
  PNG("PNG", Family.IMAGE),
  GIF("GIF", Family.IMAGE),
  BMP("BMP", Family.IMAGE),
  WEBP("WebP", Family.IMAGE),
  HEIF("HEIF/HEIC/AVIF", Family.STILL_FFMPEG),
  VIDEO("video", Family.VIDEO),
  TIFF("TIFF image", Family.UNSUPPORTED),
  PDF("PDF document", Family.UNSUPPORTED),
  ZIP("ZIP archive", Family.UNSUPPORTED),
  GZIP("gzip archive", Family.UNSUPPORTED),
  SEVEN_ZIP("7-Zip archive", Family.UNSUPPORTED),
  RAR("RAR archive", Family.UNSUPPORTED),
  AUDIO("audio file", Family.UNSUPPORTED),
  TEXT("text", Family.UNSUPPORTED),
  UNKNOWN("unknown", Family.UNSUPPORTED);

  /** How a format is hashed. */
  enum Family {
    IMAGE,
    STILL_FFMPEG,
    VIDEO,
    UNSUPPORTED
  }

  /** Bytes {@link #detect} looks at; fewer is fine. */
  static final int HEAD = 512;

  private final String label;
  private final Family family;

  Format(String label, Family family) {
    this.label = label;
    this.family = family;
  }

  String label() {
    return label;
  }

  Family family() {
    return family;
  }

  /** The one-line reason a file of this unsupported format is refused. */
  String refusal() {
    switch (this) {
      case TEXT:
        return "not an image or video: the file holds text";
      case UNKNOWN:
        return "unsupported format: not an image or video Redress can read";
      default:
        return "unsupported format: " + label;
    }
  }

  /** Recognises a format from the first bytes of a file ({@code head.length} may be short). */
  static Format detect(byte[] head, int n) {
    if (startsWith(head, n, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(head, n, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (ascii(head, n, 0, "GIF87a") || ascii(head, n, 0, "GIF89a")) {
      return GIF;
    }
    if (ascii(head, n, 0, "BM") && n >= 26) {
      return BMP;
    }
    if (ascii(head, n, 0, "RIFF") && ascii(head, n, 8, "WEBP")) {
      return WEBP;
    }
    if (ascii(head, n, 0, "RIFF") && ascii(head, n, 8, "AVI ")) {
      return VIDEO;
    }
    if (ascii(head, n, 0, "RIFF") && ascii(head, n, 8, "WAVE")) {
      return AUDIO;
    }
    if (ascii(head, n, 4, "ftyp")) {
      return isoBrand(head, n);
    }
    if (isQuickTimeAtom(head, n)) {
      return VIDEO;
    }
    if (startsWith(head, n, 0, 0x1A, 0x45, 0xDF, 0xA3) // Matroska, WebM
        || ascii(head, n, 0, "FLV")
        || startsWith(head, n, 0, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11) // ASF, WMV
        || startsWith(head, n, 0, 0x00, 0x00, 0x01, 0xBA) // MPEG program stream
        || startsWith(head, n, 0, 0x00, 0x00, 0x01, 0xB3) // MPEG-1/2 video
        || ascii(head, n, 0, "OggS")
        || isTransportStream(head, n)) {
      return VIDEO;
    }
    if (ascii(head, n, 0, "II*\0") || ascii(head, n, 0, "MM\0*")) {
      return TIFF;
    }
    if (ascii(head, n, 0, "%PDF")) {
      return PDF;
    }
    if (ascii(head, n, 0, "PK\3\4") || ascii(head, n, 0, "PK\5\6")) {
      return ZIP;
    }
    if (startsWith(head, n, 0, 0x1F, 0x8B)) {
      return GZIP;
    }
    if (startsWith(head, n, 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
      return SEVEN_ZIP;
    }
    if (ascii(head, n, 0, "Rar!")) {
      return RAR;
    }
    if (ascii(head, n, 0, "ID3") || ascii(head, n, 0, "fLaC")) {
      return AUDIO;
    }
    return looksLikeText(head, n) ? TEXT : UNKNOWN;
  }

  private static Format isoBrand(byte[] head, int n) {
    // ftyp box: size(4) "ftyp" major(4) minor(4) compatible brands(4 each).
    long boxSize = u32be(head, 0);
    int end = (int) Math.min(n, boxSize < 16 ? 16 : Math.min(boxSize, HEAD));
    for (int off = 8; off + 4 <= end; off += off == 8 ? 8 : 4) {
      String brand = new String(head, off, 4, StandardCharsets.ISO_8859_1);
      switch (brand.toLowerCase(Locale.ROOT)) {
        case "heic":
        case "heix":
        case "heim":
        case "heis":
        case "mif1":
        case "msf1":
        case "avif":
        case "avis":
        case "hevc":
        case "hevx":
        case "mif2":
          return off == 8 || !isVideoBrand(head, n) ? HEIF : VIDEO;
        default:
          break;
      }
    }
    int majorLen = Math.min(4, Math.max(0, n - 8));
    String major = new String(head, 8, majorLen, StandardCharsets.ISO_8859_1);
    if (major.startsWith("M4A") || major.startsWith("M4B") || major.startsWith("M4P")) {
      return AUDIO;
    }
    return VIDEO;
  }

  private static boolean isVideoBrand(byte[] head, int n) {
    if (n < 12) {
      return false;
    }
    String major = new String(head, 8, 4, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return major.startsWith("iso")
        || major.startsWith("mp4")
        || major.startsWith("3g")
        || major.startsWith("qt")
        || major.startsWith("m4v")
        || major.startsWith("avc");
  }

  private static boolean isQuickTimeAtom(byte[] head, int n) {
    return ascii(head, n, 4, "moov")
        || ascii(head, n, 4, "mdat")
        || ascii(head, n, 4, "wide")
        || (ascii(head, n, 4, "free") && n >= 12)
        || ascii(head, n, 4, "pnot");
  }

  private static boolean isTransportStream(byte[] head, int n) {
    if (n >= 189 && (head[0] & 0xFF) == 0x47 && (head[188] & 0xFF) == 0x47) {
      return n < 377 || (head[376] & 0xFF) == 0x47;
    }
    return false;
  }

  /** No NUL and almost only printable characters, tabs and line breaks (UTF-8 allowed). */
  static boolean looksLikeText(byte[] head, int n) {
    if (n == 0) {
      return false;
    }
    int odd = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        return false;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
        odd++;
      } else if (b == 0x7F) {
        odd++;
      }
    }
    return odd * 20 <= n && validUtf8(head, n);
  }

  private static boolean validUtf8(byte[] b, int n) {
    int i = 0;
    while (i < n) {
      int c = b[i] & 0xFF;
      int follow =
          c < 0x80
              ? 0
              : c >= 0xC2 && c < 0xE0
                  ? 1
                  : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
      if (follow < 0) {
        return false;
      }
      for (int k = 1; k <= follow; k++) {
        if (i + k >= n) {
          return true; // cut off by the sniff window, not invalid
        }
        if ((b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += follow + 1;
    }
    return true;
  }

  private static boolean startsWith(byte[] b, int n, int off, int... magic) {
    if (off + magic.length > n) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[off + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] b, int n, int off, String magic) {
    if (off + magic.length() > n) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if ((b[off + i] & 0xFF) != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static long u32be(byte[] b, int off) {
    return ((b[off] & 0xFFL) << 24)
        | ((b[off + 1] & 0xFF) << 16)
        | ((b[off + 2] & 0xFF) << 8)
        | (b[off + 3] & 0xFF);
  }
}
