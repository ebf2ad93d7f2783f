package org.redress.phash;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A vPDQ video hash: the PDQ hashes of sampled frames, in frame order. Immutable.
 *
 * <p>Implementation notes. vPDQ [1] decodes every frame, keeps frame {@code n} when {@code n %
 * frameInterval == 0} with {@code frameInterval = max(1, (int) (secondsPerHash * fps))}, converts
 * it to RGB24 at the video's size and hashes it with PDQ; a frame's timestamp is {@code (float) n /
 * (float) fps}. This class holds the result and reads and writes its two text forms exactly:
 *
 * <ul>
 *   <li>The C++ reference's hash files ({@code vpdq-hash-video}): one line per frame, {@code
 *       frameNumber,quality,pdqHex,seconds}, seconds with exactly three decimals as {@code
 *       std::fixed << std::setprecision(3)} prints them (round half to even on the exact binary
 *       value). See {@link #toCppText()}.
 *   <li>python-threatexchange's {@code VideoVPDQSignal} [2]: a JSON array of strings, one per
 *       frame, {@code "pdqHex,quality,seconds"}, seconds as Python's {@code f"{t:.3}"} prints them
 *       (three significant digits, {@code 1.23e+02} from 100 s on). The frame number is not part of
 *       this form: it is lossy, and reading it numbers the frames 0, 1, 2, ... See {@link
 *       #toPteSignal()}.
 * </ul>
 *
 * <p>No {@code String.format}, no locale: the class compiles to WebAssembly with TeaVM.
 *
 * <p>References: [1] facebook/ThreatExchange {@code vpdq/cpp} ({@code filehasher.cpp}, {@code
 * hasher.h}, {@code io/vpdqio.cpp}). [2] python-threatexchange {@code extensions/vpdq/vpdq_util.py}
 * ({@code VpdqCompactFeature}, {@code vpdq_to_json}, {@code dedupe}, {@code quality_filter}).
 */
public final class Vpdq {
  /** Frames whose quality is below this are ignored when matching (pte and the C++ tools). */
  public static final int QUALITY_THRESHOLD = 50;

  /** Two frames match when their distance is at most this (pte semantics). */
  public static final int DISTANCE_THRESHOLD = 31;

  private static final Vpdq EMPTY = new Vpdq(Collections.emptyList());
  private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

  private final List<VpdqFrame> frames;

  private Vpdq(List<VpdqFrame> frames) {
    this.frames = frames;
  }

  /**
   * The hash made of these frames, in the given order; the list is copied.
   *
   * @throws IllegalArgumentException when the list or a frame is null
   */
  public static Vpdq of(List<VpdqFrame> frames) {
    if (frames == null) {
      throw new IllegalArgumentException("frames must not be null");
    }
    List<VpdqFrame> copy = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      VpdqFrame f = frames.get(i);
      if (f == null) {
        throw new IllegalArgumentException("frame " + i + " is null");
      }
      copy.add(f);
    }
    return copy.isEmpty() ? EMPTY : new Vpdq(Collections.unmodifiableList(copy));
  }

  /** The frames, in order; unmodifiable. */
  public List<VpdqFrame> frames() {
    return frames;
  }

  /** Number of frames. */
  public int size() {
    return frames.size();
  }

  /** Whether there is no frame. */
  public boolean isEmpty() {
    return frames.isEmpty();
  }

  // ---------------------------------------------------------------- frame sampling

  /**
   * The reference's frame interval: every frame {@code n} with {@code n % interval == 0} is hashed.
   * {@code (int) (secondsPerFrame * fps)}, at least 1 (so 0 seconds means every frame).
   *
   * @throws IllegalArgumentException when a value is negative, not finite, or fps is zero
   */
  public static int frameInterval(double secondsPerFrame, double fps) {
    if (!(secondsPerFrame >= 0) || Double.isInfinite(secondsPerFrame)) {
      throw new IllegalArgumentException(
          "seconds per frame must be finite and >= 0, was " + secondsPerFrame);
    }
    checkFps(fps);
    double product = secondsPerFrame * fps;
    if (product >= Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    return Math.max(1, (int) product);
  }

  /**
   * The reference's timestamp of frame {@code n}: {@code (float) n / (float) fps}, widened to
   * double, as {@code vpdq/cpp/hashing/hasher.h} computes it.
   *
   * @throws IllegalArgumentException when the frame number is negative or fps is not positive
   */
  public static double timestamp(int frameNumber, double fps) {
    if (frameNumber < 0) {
      throw new IllegalArgumentException("frame number must be >= 0, was " + frameNumber);
    }
    checkFps(fps);
    return (double) ((float) frameNumber / (float) fps);
  }

  private static void checkFps(double fps) {
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("frame rate must be finite and > 0, was " + fps);
    }
  }

  // ---------------------------------------------------------------- matching helpers

  /** The frames whose quality is at least {@code minQuality}, in order (pte's quality_filter). */
  public Vpdq withMinQuality(int minQuality) {
    List<VpdqFrame> kept = new ArrayList<>(frames.size());
    for (VpdqFrame f : frames) {
      if (f.quality() >= minQuality) {
        kept.add(f);
      }
    }
    return kept.size() == frames.size() ? this : of(kept);
  }

  /** The first frame of each distinct PDQ hash, in order (pte's dedupe). */
  public Vpdq dedupe() {
    Set<Pdq> seen = new HashSet<>();
    List<VpdqFrame> kept = new ArrayList<>(frames.size());
    for (VpdqFrame f : frames) {
      if (seen.add(f.pdq())) {
        kept.add(f);
      }
    }
    return kept.size() == frames.size() ? this : of(kept);
  }

  // ---------------------------------------------------------------- C++ reference text form

  /** One line of the reference's hash file, without newline: {@code n,quality,hex,seconds.ddd}. */
  public static String toCppLine(VpdqFrame f) {
    return f.frameNumber() + "," + f.quality() + "," + f.pdq() + "," + fixed3(f.seconds());
  }

  /** The reference's hash file: one {@link #toCppLine} per frame, each ended by {@code \n}. */
  public String toCppText() {
    StringBuilder sb = new StringBuilder(frames.size() * 80);
    for (VpdqFrame f : frames) {
      sb.append(toCppLine(f)).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses one line {@code frameNumber,quality,pdqHex,seconds}.
   *
   * @throws IllegalArgumentException naming the bad field and value
   */
  public static VpdqFrame parseCppLine(String line) {
    if (line == null) {
      throw new IllegalArgumentException("vPDQ line must not be null");
    }
    String[] parts = split(line, 4, "frameNumber,quality,pdqHex,seconds");
    int frame = parseInt(parts[0], "frame number");
    int quality = parseInt(parts[1], "quality");
    Pdq pdq = parsePdq(parts[2]);
    double seconds = parseSeconds(parts[3]);
    return frame(frame, pdq, quality, seconds);
  }

  /**
   * Parses a reference hash file: one frame per line; {@code \n} or {@code \r\n}; blank lines are
   * refused except a final line break.
   *
   * @throws IllegalArgumentException naming the line number, the field and the bad value
   */
  public static Vpdq parseCppText(String text) {
    if (text == null) {
      throw new IllegalArgumentException("vPDQ text must not be null");
    }
    List<VpdqFrame> out = new ArrayList<>();
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      if (end < 0) {
        end = text.length();
      }
      if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      lineNo++;
      try {
        out.add(parseCppLine(text.substring(start, end)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
      }
      start = next;
    }
    return of(out);
  }

  /** Like {@link #parseCppText} but empty instead of throwing. */
  public static Optional<Vpdq> tryParseCppText(String text) {
    try {
      return Optional.of(parseCppText(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- python-threatexchange form

  /** One pte feature: {@code hex,quality,seconds} with seconds as Python's {@code f"{t:.3}"}. */
  public static String toPteFeature(VpdqFrame f) {
    return f.pdq() + "," + f.quality() + "," + pythonPrecision3(f.seconds());
  }

  /**
   * Parses one pte feature {@code hex,quality,seconds}; the form has no frame number, so the caller
   * gives one.
   *
   * @throws IllegalArgumentException naming the bad field and value
   */
  public static VpdqFrame parsePteFeature(String feature, int frameNumber) {
    if (feature == null) {
      throw new IllegalArgumentException("vPDQ feature must not be null");
    }
    String[] parts = split(feature, 3, "pdqHex,quality,seconds");
    Pdq pdq = parsePdq(parts[0]);
    int quality = parseInt(parts[1], "quality");
    double seconds = parseSeconds(parts[2]);
    return frame(frameNumber, pdq, quality, seconds);
  }

  /**
   * The pte signal string: a JSON array of {@link #toPteFeature} strings, as Python's {@code
   * json.dumps} writes it ({@code ["a", "b"]}).
   */
  public String toPteSignal() {
    StringBuilder sb = new StringBuilder(2 + frames.size() * 80);
    sb.append('[');
    for (int i = 0; i < frames.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('"').append(toPteFeature(frames.get(i))).append('"');
    }
    return sb.append(']').toString();
  }

  /**
   * Parses a pte signal string (a JSON array of feature strings; whitespace between tokens is
   * allowed, string escapes are not, since no feature needs one). Frames are numbered 0, 1, ... in
   * array order. An empty string means no frames, as in pte.
   *
   * @throws IllegalArgumentException naming the item number or the offset and the bad value
   */
  public static Vpdq parsePteSignal(String json) {
    if (json == null) {
      throw new IllegalArgumentException("vPDQ signal must not be null");
    }
    if (json.isEmpty()) {
      return EMPTY;
    }
    JsonStrings reader = new JsonStrings(json);
    List<String> items = reader.readArray();
    List<VpdqFrame> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        out.add(parsePteFeature(items.get(i), i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("item " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return of(out);
  }

  /** Like {@link #parsePteSignal} but empty instead of throwing. */
  public static Optional<Vpdq> tryParsePteSignal(String json) {
    try {
      return Optional.of(parsePteSignal(json));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- number formats

  /** {@code printf("%.3f")}: three decimals, half to even on the exact binary value. */
  static String fixed3(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v > 0 ? "inf" : v < 0 ? "-inf" : "nan";
    }
    String s = new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    if (v == 0 && 1 / v < 0) {
      return "-" + s;
    }
    return s;
  }

  /**
   * Python's {@code format(v, ".3")}: like {@code g} with three significant digits, but fixed
   * notation keeps at least one decimal and exponent notation starts at 100.
   */
  static String pythonPrecision3(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(v).round(THREE_DIGITS);
    String sign = bd.signum() < 0 ? "-" : "";
    bd = bd.abs().stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int decpt = digits.length() - bd.scale(); // value = 0.DIGITS * 10^decpt
    StringBuilder sb = new StringBuilder(sign);
    if (decpt <= -4 || decpt > 2) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      int exp = decpt - 1;
      sb.append(exp < 0 ? "e-" : "e+");
      int abs = Math.abs(exp);
      if (abs < 10) {
        sb.append('0');
      }
      sb.append(abs);
    } else if (decpt <= 0) {
      sb.append("0.");
      for (int i = decpt; i < 0; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else if (decpt < digits.length()) {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    } else {
      sb.append(digits);
      for (int i = digits.length(); i < decpt; i++) {
        sb.append('0');
      }
      sb.append(".0");
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- parsing helpers

  private static String[] split(String s, int n, String shape) {
    String[] parts = new String[n];
    int start = 0;
    for (int i = 0; i < n; i++) {
      int comma = s.indexOf(',', start);
      if (i == n - 1) {
        if (comma >= 0) {
          throw new IllegalArgumentException(
              "expected " + n + " fields " + shape + ", got more: \"" + abbreviate(s) + "\"");
        }
        parts[i] = s.substring(start);
      } else {
        if (comma < 0) {
          throw new IllegalArgumentException(
              "expected "
                  + n
                  + " fields "
                  + shape
                  + ", got "
                  + (i + 1)
                  + ": \""
                  + abbreviate(s)
                  + "\"");
        }
        parts[i] = s.substring(start, comma);
        start = comma + 1;
      }
    }
    return parts;
  }

  private static int parseInt(String s, String what) {
    if (s.isEmpty() || s.length() > 9) {
      throw new IllegalArgumentException("bad " + what + " \"" + abbreviate(s) + "\"");
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("bad " + what + " \"" + abbreviate(s) + "\"");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static Pdq parsePdq(String s) {
    Optional<Pdq> p = Pdq.tryParse(s);
    if (p.isEmpty()) {
      throw new IllegalArgumentException("bad PDQ hash \"" + abbreviate(s) + "\"");
    }
    return p.get();
  }

  /** A non-negative decimal: {@code 12}, {@code 12.5}, {@code .5}, {@code 1.23e+02}. */
  private static double parseSeconds(String s) {
    if (!isDecimal(s)) {
      throw new IllegalArgumentException("bad seconds \"" + abbreviate(s) + "\"");
    }
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("bad seconds \"" + abbreviate(s) + "\"");
    }
    return v;
  }

  private static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0 || expDigits > 4) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static VpdqFrame frame(int frameNumber, Pdq pdq, int quality, double seconds) {
    if (quality > 100) {
      throw new IllegalArgumentException("quality must be in 0..100, was " + quality);
    }
    return new VpdqFrame(frameNumber, pdq, quality, seconds);
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  // ---------------------------------------------------------------- value

  @Override
  public boolean equals(Object o) {
    return o instanceof Vpdq && ((Vpdq) o).frames.equals(frames);
  }

  @Override
  public int hashCode() {
    return frames.hashCode();
  }

  /** {@code vpdq:<frames>}; the full text forms are {@link #toCppText} and {@link #toPteSignal}. */
  @Override
  public String toString() {
    return "vpdq:" + frames.size();
  }

  /** A strict reader for a JSON array of strings without escapes. */
  private static final class JsonStrings {
    private final String s;
    private int pos;

    JsonStrings(String s) {
      this.s = s;
    }

    List<String> readArray() {
      List<String> out = new ArrayList<>();
      skipSpace();
      expect('[');
      skipSpace();
      if (peek() == ']') {
        pos++;
      } else {
        while (true) {
          skipSpace();
          out.add(readString());
          skipSpace();
          char c = peek();
          if (c == ',') {
            pos++;
          } else if (c == ']') {
            pos++;
            break;
          } else {
            throw error("expected ',' or ']'");
          }
        }
      }
      skipSpace();
      if (pos != s.length()) {
        throw error("unexpected text after the array");
      }
      return out;
    }

    private String readString() {
      expect('"');
      int start = pos;
      while (pos < s.length() && s.charAt(pos) != '"') {
        char c = s.charAt(pos);
        if (c == '\\' || c < 0x20) {
          throw error("unsupported character in a feature string");
        }
        pos++;
      }
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      String v = s.substring(start, pos);
      pos++;
      return v;
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      int from = Math.max(0, pos - 10);
      int to = Math.min(s.length(), pos + 20);
      return new IllegalArgumentException(
          "not a vPDQ signal: "
              + what
              + " at offset "
              + pos
              + " near \""
              + s.substring(from, to)
              + "\"");
    }
  }
}
