package org.redress.match;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of hash a bank item can carry. Text names follow python-threatexchange and HMA ({@code
 * pdq}, {@code vpdq}, {@code video_md5}); {@code sha256} is Redress's own.
 */
public enum Signal {
  /** A 256-bit PDQ image hash, matched by Hamming distance. */
  PDQ("pdq"),
  /** A vPDQ video hash (a list of PDQ frames), matched by the frame-percentage rule. */
  VPDQ("vpdq"),
  /** An MD5 file digest, matched exactly. */
  MD5("md5"),
  /** A SHA-256 file digest, matched exactly. */
  SHA256("sha256");

  private final String id;

  Signal(String id) {
    this.id = id;
  }

  /** The lowercase name used in text formats, e.g. {@code pdq}. */
  public String id() {
    return id;
  }

  /** Number of hex digits of a digest signal, 0 for the perceptual ones. */
  public int hexLength() {
    switch (this) {
      case MD5:
        return 32;
      case SHA256:
        return 64;
      default:
        return 0;
    }
  }

  /**
   * The signal with a given name; accepts the python-threatexchange alias {@code video_md5} (and
   * {@code photo_md5}) for MD5. Case-insensitive.
   */
  public static Optional<Signal> tryParse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "pdq":
        return Optional.of(PDQ);
      case "vpdq":
        return Optional.of(VPDQ);
      case "md5":
      case "video_md5":
      case "photo_md5":
        return Optional.of(MD5);
      case "sha256":
      case "sha-256":
        return Optional.of(SHA256);
      default:
        return Optional.empty();
    }
  }

  /**
   * Like {@link #tryParse} but throws.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static Signal parse(String name) {
    return tryParse(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown signal \""
                        + name
                        + "\" (expected pdq, vpdq, md5, video_md5 or sha256)"));
  }

  /**
   * A digest normalised to lowercase hex.
   *
   * @throws IllegalArgumentException naming the bad value when it has the wrong length or is not
   *     hex, or when this is not a digest signal
   */
  public String normaliseDigest(String hex) {
    int n = hexLength();
    if (n == 0) {
      throw new IllegalArgumentException(id + " is not a digest signal");
    }
    String h = hex == null ? "" : hex.trim();
    if (h.length() != n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "not a valid %s digest (%d hex digits): \"%s\" has %d",
              id,
              n,
              abbreviate(h),
              h.length()));
    }
    for (int i = 0; i < n; i++) {
      if (Character.digit(h.charAt(i), 16) < 0) {
        throw new IllegalArgumentException(
            "not a valid " + id + " digest: \"" + abbreviate(h) + "\" is not hex");
      }
    }
    return h.toLowerCase(Locale.ROOT);
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
