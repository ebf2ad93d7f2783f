package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.sources.UncheckedReason;

class ReasonsTest {
  private final Locale before = Msg.use(Locale.SIMPLIFIED_CHINESE);

  @AfterEach
  void restore() {
    Msg.use(before);
  }

  @Test
  void everyUncheckedReason_hasAChineseWording() {
    for (UncheckedReason r : UncheckedReason.values()) {
      assertThat(Reasons.chinese(r.description())).as(r.code()).isPresent();
      assertThat(MsgBundlesTest.english(Reasons.chinese(r.description()).get())).isEmpty();
    }
  }

  @Test
  void mediaSourceAndBankReasons_zh_areWordedWithTheirNumbers() {
    List<String[]> cases =
        List.of(
            new String[] {"truncated JPEG data: no frame header", "JPEG 数据不完整（文件被截断）"},
            new String[] {"empty file", "空文件"},
            new String[] {
              "image declares 4000x3000 pixels, over the limit of 1000000",
              "图片声明有 4000×3000 像素，超过 1000000 像素的上限"
            },
            new String[] {
              "PDQ quality 40 is below the minimum quality of bank k1: not matched there",
              "PDQ 质量 40 低于库 k1 的最低质量，未在该库中比对"
            },
            new String[] {
              "item 3 in bank k1: PDQ quality 40 is below the bank's minimum 60: not matched",
              "库 k1 的第 3 项：PDQ 质量 40 低于该库的最低质量 60，不参与比对"
            },
            new String[] {"unsupported format: PDF document", "格式不受支持（PDF）"},
            new String[] {"no such file or folder", "文件或文件夹不存在"});
    for (String[] c : cases) {
      assertThat(Reasons.chinese(c[0])).as(c[0]).contains(c[1]);
    }
  }

  @Test
  void pathAndReason_zh_keepsThePath_andWordsAnUnknownReasonInGeneral() {
    assertThat(Reasons.pathAndReason("a/b.zip: empty file", "a/b.zip", "scan", "failed"))
        .isEqualTo("a/b.zip：空文件");
    assertThat(
            Reasons.pathAndReason("x.json: byte 5 (line 1, column 5): odd", null, "scan", "failed"))
        .isEqualTo("x.json：" + Msg.get("scan", "failed"));
  }

  @Test
  void say_en_leavesTheEnglishAsItIs() {
    Msg.use(Locale.ROOT);
    assertThat(Reasons.say("empty file", "hash", "undecodable")).isEqualTo("empty file");
  }
}
