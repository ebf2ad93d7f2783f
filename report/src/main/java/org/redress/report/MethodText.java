package org.redress.report;

import java.util.Locale;

/**
 * The measured false-match rate shown in the report's method section, with its basis. The figures
 * come from {@code docs/matching.md} ("Measured false matches"), where the measurement ({@code
 * bench/…/FalseMatchBench}, generated innocuous pictures only) and its corpus are described; they
 * are never computed when a report is rendered. {@code MethodTextTest} checks that the document and
 * these constants agree.
 */
final class MethodText {
  private MethodText() {}

  /** Generated unrelated pictures compared (those at or above the minimum quality). */
  static final int QUERIES = 3580;

  /** Generated bank pictures they were compared with. */
  static final int BANK = 721;

  /** The PDQ threshold (the default bank threshold). */
  static final int THRESHOLD = 31;

  /** Pictures with at least one false match. */
  static final int FALSE_MATCHES = 41;

  /** The one-sided 95 % upper bound of the rate, in per cent. */
  static final String UPPER_PERCENT = "1.48";

  /** Pictures of the families other than stripes, none of which matched falsely. */
  static final int NON_STRIPED = 2734;

  /** The day it was measured (Beijing time). */
  static final String MEASURED_ZH = "2026年12月6日";

  static final String MEASURED_EN = "6 December 2026";

  static String percent() {
    return String.format(Locale.ROOT, "%.2f", 100.0 * FALSE_MATCHES / QUERIES);
  }

  static final String FALSE_MATCH_ZH =
      String.format(
          Locale.ROOT,
          "误匹配率（实测）：将%,d张程序生成的、彼此无关的图片（色块形状、平滑噪声、条纹、文字四类，均不含人物）"
              + "与%,d张程序生成的库图片以距离阈值%d比较（含镜像和旋转版本），有%d张（%s%%，95%%置信上限%s%%）"
              + "出现误匹配，全部发生在条纹图案之间；其余%,d张无一误匹配。测量日期：%s（北京时间）。"
              + "实际照片的误匹配率可能不同，因此每一条匹配都须人工核对。",
          QUERIES,
          BANK,
          THRESHOLD,
          FALSE_MATCHES,
          percent(),
          UPPER_PERCENT,
          NON_STRIPED,
          MEASURED_ZH);

  static final String FALSE_MATCH_EN =
      String.format(
          Locale.ROOT,
          "False-match rate (measured): %,d generated, unrelated pictures (shapes, smooth noise,"
              + " stripes and text; none shows a person) were compared with %,d generated bank"
              + " pictures at distance threshold %d, mirrored and rotated versions included: %d"
              + " (%s%%, 95%% upper bound %s%%) matched falsely, all of them striped patterns"
              + " matching striped patterns; none of the other %,d did. Measured on %s. Real"
              + " photographs may behave differently, so every match must be checked by a person.",
          QUERIES,
          BANK,
          THRESHOLD,
          FALSE_MATCHES,
          percent(),
          UPPER_PERCENT,
          NON_STRIPED,
          MEASURED_EN);
}
