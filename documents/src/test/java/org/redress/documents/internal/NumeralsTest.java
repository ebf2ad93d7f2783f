package org.redress.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumeralsTest {
  @ParameterizedTest
  @CsvSource({
    "1, 一",
    "10, 十",
    "12, 十二",
    "20, 二十",
    "50, 五十",
    "101, 一百零一",
    "110, 一百一十",
    "246, 二百四十六",
    "364, 三百六十四",
    "1000, 一千",
    "1010, 一千零一十",
    "1033, 一千零三十三",
    "1195, 一千一百九十五",
    "1200, 一千二百",
    "9999, 九千九百九十九"
  })
  void chinese_articleNumber_isWrittenAsStatutesDo(int n, String expected) {
    assertThat(Numerals.chinese(n)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0", "10000", "-3"})
  void chinese_outOfRange_namesTheValue(int n) {
    assertThatThrownBy(() -> Numerals.chinese(n))
        .hasMessage("article number must be in 1..9999, was " + n);
  }
}
