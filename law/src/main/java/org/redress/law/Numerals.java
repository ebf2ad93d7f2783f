package org.redress.law;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Article numbers in Chinese numerals (第二百五十三条之一) for citations. */
final class Numerals {
  private static final String DIGITS = "零一二三四五六七八九";

  private Numerals() {}

  /** 1..9999 in Chinese numerals as legal texts write them (第十条, 第一百一十条, 第二百零五条). */
  static String chinese(int n) {
    if (n <= 0 || n > 9999) {
      throw new IllegalArgumentException("article number out of range: " + n);
    }
    if (n < 10) {
      return String.valueOf(DIGITS.charAt(n));
    }
    if (n < 20) {
      return "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10)));
    }
    String[] units = {"", "十", "百", "千"};
    StringBuilder out = new StringBuilder();
    String s = Integer.toString(n);
    boolean zero = false;
    for (int i = 0; i < s.length(); i++) {
      int d = s.charAt(i) - '0';
      int unit = s.length() - 1 - i;
      if (d == 0) {
        zero = true;
        continue;
      }
      if (zero && out.length() > 0) {
        out.append('零');
      }
      zero = false;
      out.append(DIGITS.charAt(d)).append(units[unit]);
    }
    return out.toString();
  }

  /**
   * The article for an ID suffix: {@code 253-1} → 第二百五十三条之一 ({@code sub} {@code zhi}), {@code 2-7}
   * → 第二条第（七）项 ({@code sub} {@code item}), {@code 12} → 第十二条 (or 第十二点 with unit 点). Returns null
   * when the suffix is not a number.
   */
  static @Nullable Text article(String suffix, String sub, String unit) {
    String[] parts = suffix.split("-", -1);
    int[] n = new int[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        n[i] = Integer.parseInt(parts[i]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (n.length > 2) {
      return null;
    }
    String zh = "第" + chinese(n[0]) + unit;
    String word = unit.equals("点") ? "point" : "Art";
    String en = word + " " + n[0];
    if (n.length == 2) {
      if (sub.equals("zhi")) {
        zh += "之" + chinese(n[1]);
        en += "-" + n[1];
      } else if (sub.equals("item")) {
        zh += "第（" + chinese(n[1]) + "）项";
        en += String.format(Locale.ROOT, "(%d)", n[1]);
      } else {
        return null;
      }
    }
    return new Text(zh, en);
  }
}
