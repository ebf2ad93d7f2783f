package org.redress.report;

/**
 * The measured false-match rate shown in the report's method section. The figure comes from {@code
 * docs/matching.md} ("Measured false matches"), where the measurement and its corpus are described;
 * it is never computed when a report is rendered.
 */
final class MethodText {
  private MethodText() {}

  static final String FALSE_MATCH_ZH = "误匹配率：尚未在足够大的无关图片集上测量，因此本报告不给出数字；每一条匹配都须人工核对。";

  static final String FALSE_MATCH_EN =
      "False-match rate: not yet measured on a large enough set of unrelated pictures, so this"
          + " report gives no figure; every match must be checked by a person.";
}
