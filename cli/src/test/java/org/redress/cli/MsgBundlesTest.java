package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MsgBundlesTest {
  private static final Pattern ASCII_WORD = Pattern.compile("(?<![%\\w-])[A-Za-z]{3,}");

  private static Path dir() throws URISyntaxException {
    return Path.of(
            MsgBundlesTest.class.getResource("/org/redress/cli/msg/common.properties").toURI())
        .getParent();
  }

  private static Properties load(Path p) throws IOException {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(p)) {
      props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return props;
  }

  @Test
  void everyArea_chineseAndEnglish_haveTheSameKeys() throws Exception {
    try (Stream<Path> files = Files.list(dir())) {
      for (Path en : files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
        String name = en.getFileName().toString().replace(".properties", "_zh.properties");
        Path zh = en.resolveSibling(name);
        assertThat(zh).as("twin of " + en.getFileName()).exists();
        assertThat(new TreeSet<>(load(zh).stringPropertyNames()))
            .as(name)
            .isEqualTo(oneForm(load(en).stringPropertyNames()));
      }
    }
  }

  /** English keys with {@code key.one} and {@code key.many} as the one Chinese form (Msg.count). */
  private static TreeSet<String> oneForm(java.util.Set<String> keys) {
    TreeSet<String> one = new TreeSet<>();
    keys.forEach(k -> one.add(k.replaceFirst("\\.(one|many)$", "")));
    return one;
  }

  @Test
  void chineseMessages_haveNoEnglishWords_outsideCommandsAndOptions() throws Exception {
    try (Stream<Path> files = Files.list(dir())) {
      for (Path zh :
          files.filter(f -> f.getFileName().toString().endsWith("_zh.properties")).toList()) {
        Properties p = load(zh);
        for (String key : p.stringPropertyNames()) {
          assertThat(english(p.getProperty(key))).as(zh.getFileName() + " " + key).isEmpty();
        }
      }
    }
  }

  @Test
  void englishWordCheck_findsAWord() {
    assertThat(english("文件不存在：no such file")).isNotEmpty();
    assertThat(english("见 `redress bank list` 和 --case 名称，%s")).isEmpty();
  }

  /** English words in a Chinese message, leaving out `commands`, --options, URLs and %s. */
  static java.util.List<String> english(String text) {
    String t =
        text.replaceAll("`[^`]*`", " ")
            .replaceAll("--[a-z][a-z-]*", " ")
            .replaceAll("https?://\\S+", " ");
    java.util.List<String> words = new java.util.ArrayList<>();
    var m = ASCII_WORD.matcher(t);
    while (m.find()) {
      String w = m.group();
      if (!ALLOWED.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  /** Names and formats a Chinese message may carry as they are. */
  static final java.util.Set<String> ALLOWED =
      java.util.Set.of(
          "redress",
          "Redress",
          "PDQ",
          "vPDQ",
          "pdq",
          "vpdq",
          "md5",
          "sha",
          "UTF",
          "JavaScript",
          "Ed25519",
          "MD5",
          "SHA",
          "JSON",
          "YAML",
          "HTML",
          "ZIP",
          "WARC",
          "DOCX",
          "PDF",
          "CSV",
          "Telegram",
          "PostgreSQL",
          "SQLite",
          "Spark",
          "Chromium",
          "URL",
          "HMA",
          "StopNCII",
          "RFC",
          "TSA",
          "UTC",
          "Tesseract",
          "JPEG",
          "PNG",
          "FFmpeg",
          "HTTP",
          "HTTPS",
          "ID",
          "WeChat",
          "QQ",
          "BOM");
}
