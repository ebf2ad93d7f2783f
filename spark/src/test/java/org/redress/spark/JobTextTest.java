package org.redress.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JobTextTest {
  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = JobTextTest.class.getResourceAsStream("/org/redress/spark/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bundles_englishAndChinese_haveTheSameKeys() throws Exception {
    assertThat(new TreeSet<>(load("JobText_zh.properties").stringPropertyNames()))
        .isEqualTo(new TreeSet<>(load("JobText.properties").stringPropertyNames()));
  }

  @Test
  void chineseLines_haveNoEnglishWord_butTheOptionAndProgramNames() throws Exception {
    Properties zh = load("JobText_zh.properties");
    Pattern word = Pattern.compile("(?<![%\\w-])[A-Za-z]{3,}");
    for (String key : zh.stringPropertyNames()) {
      String t = zh.getProperty(key).replace("redress-bulk", "").replaceAll("--[a-z-]+", "");
      Matcher m = word.matcher(t);
      assertThat(m.find()).as(key + ": " + zh.getProperty(key)).isFalse();
    }
    Matcher m = word.matcher(load("JobText.properties").getProperty("no.input"));
    assertThat(m.find()).as("the check finds an English word").isTrue();
  }

  @Test
  void chinese_isChosenByZhValues_only() {
    assertThat(JobText.chinese("zh")).isTrue();
    assertThat(JobText.chinese("zh_CN")).isTrue();
    assertThat(JobText.chinese("en")).isFalse();
    assertThat(JobText.chinese(null)).isFalse();
  }
}
