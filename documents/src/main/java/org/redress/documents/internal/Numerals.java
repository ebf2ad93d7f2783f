package org.redress.documents.internal;

/** Chinese numerals as statutes write article numbers: 246 → 二百四十六, 1033 → 一千零三十三. */
public final class Numerals {
  private static final String DIGITS = "零一二三四五六七八九";

  private Numerals() {}

  /**
   * The Chinese numeral for {@code n} in 1..9999, in the form used for article numbers.
   *
   * @throws IllegalArgumentException when {@code n} is out of range
   */
  public static String chinese(int n) {
    if (n < 1 || n > 9999) {
      throw new IllegalArgumentException("article number must be in 1..9999, was " + n);
    }
    int[] parts = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
    String[] units = {"千", "百", "十", ""};
    StringBuilder sb = new StringBuilder();
    boolean zero = false;
    for (int i = 0; i < 4; i++) {
      int d = parts[i];
      if (d == 0) {
        zero = sb.length() > 0;
        continue;
      }
      if (zero) {
        sb.append('零');
        zero = false;
      }
      // 10..19 are written 十, 十一 … when they stand alone, 一十 inside larger numbers.
      if (!(i == 2 && d == 1 && sb.length() == 0)) {
        sb.append(DIGITS.charAt(d));
      }
      sb.append(units[i]);
    }
    return sb.toString();
  }
}
