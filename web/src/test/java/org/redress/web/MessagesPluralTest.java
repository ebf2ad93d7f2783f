package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** English counts agree with their nouns ("1 hash", "2 hashes"); the Chinese stays as it was. */
class MessagesPluralTest {
  private static final Messages EN = Messages.of("en");
  private static final Messages ZH = Messages.of("zh");

  @Test
  void takedownRefs_oneAndMany_agree() {
    assertThat(EN.t("takedown.refs", 1, 1)).isEqualTo("1 link or message, 1 hash");
    assertThat(EN.t("takedown.refs", 2, 3)).isEqualTo("2 links or messages, 3 hashes");
    assertThat(EN.t("takedown.refs", 0, 1)).isEqualTo("no link or message, 1 hash");
    assertThat(ZH.t("takedown.refs", 1, 1)).isEqualTo("链接或消息 1 条，哈希 1 个");
  }

  @Test
  void days_oneAndMany_agree() {
    assertThat(EN.t("plan.by", "2026-12-10", 1)).isEqualTo("By 2026-12-10: 1 day left");
    assertThat(EN.t("plan.by", "2026-12-10", 12)).isEqualTo("By 2026-12-10: 12 days left");
    assertThat(EN.t("takedown.first_notice", "2026-12-01", 0L))
        .isEqualTo("First notice: 2026-12-01, today");
    assertThat(EN.t("takedown.first_notice", "2026-12-01", 1L))
        .isEqualTo("First notice: 2026-12-01, 1 day ago");
    assertThat(EN.t("takedown.first_notice", "2026-12-01", 1500L))
        .isEqualTo("First notice: 2026-12-01, 1,500 days ago");
    assertThat(EN.t("takedown.escalate", 1)).startsWith("Not removed more than 1 day after");
    assertThat(EN.t("takedown.policy", 7)).contains("escalation 7 days after");
    assertThat(ZH.t("plan.by", "2026-12-10", 1)).isEqualTo("最迟 2026-12-10，还剩 1 天");
  }

  @Test
  void provedFacts_one_isSingular() {
    assertThat(EN.t("interview.proved.hint", 1))
        .isEqualTo("1 fact (a count, date or chat) comes from the scans and is not asked again.");
    assertThat(EN.t("interview.proved.hint", 3)).startsWith("3 facts (counts, dates, chats) come");
  }

  /**
   * No English message puts a number before a plural noun without a choice. The hash page's
   * messages are filled in by the browser's script, not by MessageFormat, and are left out.
   */
  @Test
  void everyEnglishCount_usesAChoice() throws IOException {
    Properties en = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream("messages_en.properties")) {
      en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Pattern bareCount = Pattern.compile("\\{\\d\\} (?!(?:has|was|is|does)\\b)[a-z]+s\\b");
    List<String> bare = new ArrayList<>();
    for (String k : en.stringPropertyNames()) {
      if (!k.startsWith("hash.") && bareCount.matcher(en.getProperty(k)).find()) {
        bare.add(k + "=" + en.getProperty(k));
      }
    }
    assertThat(bare).isEmpty();
  }
}
