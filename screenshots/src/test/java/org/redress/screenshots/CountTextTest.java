package org.redress.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountTextTest {
  @Test
  void parseCount_counterForms_giveTheNumberShown() {
    assertThat(CountText.parseCount("12,345").getAsLong()).isEqualTo(12_345);
    assertThat(CountText.parseCount("12 345").getAsLong()).isEqualTo(12_345);
    assertThat(CountText.parseCount("12.3K").getAsLong()).isEqualTo(12_300);
    assertThat(CountText.parseCount("1.2M").getAsLong()).isEqualTo(1_200_000);
    assertThat(CountText.parseCount("1.2万").getAsLong()).isEqualTo(12_000);
    assertThat(CountText.parseCount("870").getAsLong()).isEqualTo(870);
    assertThat(CountText.parseCount("1.5")).isEmpty();
    assertThat(CountText.parseCount("abc")).isEmpty();
  }

  @Test
  void read_titleBarAndCounter_giveNameMembersViewsAndTime() {
    List<CountText.Reading> rs =
        CountText.read(
            List.of(
                new CountText.Line("9:41", 90, 10),
                new CountText.Line("Hill Walks Daily", 90, 100),
                new CountText.Line("79,954 subscribers", 90, 150),
                new CountText.Line("See you at seven", 90, 900),
                new CountText.Line("© 297.6K 13:26", 80, 950)));

    assertThat(CountText.first(rs, "members").orElseThrow().value()).isEqualTo("79954");
    assertThat(CountText.first(rs, "name").orElseThrow().value()).isEqualTo("Hill Walks Daily");
    assertThat(CountText.first(rs, "views").orElseThrow().value()).isEqualTo("297600");
    assertThat(CountText.first(rs, "time").orElseThrow().value()).isEqualTo("13:26");
  }

  @Test
  void read_chineseForms_giveMembersAndViews() {
    List<CountText.Reading> rs =
        CountText.read(
            List.of(
                new CountText.Line("周末 徒步 群 (278)", 90, 50),
                new CountText.Line("8 501 位 订阅 者", 90, 150),
                new CountText.Line("浏览 12,345 次 回复 3", 90, 300)));

    assertThat(rs)
        .extracting(CountText.Reading::field, CountText.Reading::value)
        .contains(
            org.assertj.core.groups.Tuple.tuple("members", "278"),
            org.assertj.core.groups.Tuple.tuple("name", "周末徒步群"),
            org.assertj.core.groups.Tuple.tuple("members", "8501"),
            org.assertj.core.groups.Tuple.tuple("views", "12345"));
  }
}
