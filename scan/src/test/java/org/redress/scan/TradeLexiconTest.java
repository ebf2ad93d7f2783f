package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TradeLexiconTest {
  private static final TradeLexicon LEX = TradeLexicon.builtIn();

  private static List<String> categories(String text) {
    return LEX.detect(text).stream().map(TradeLexicon.Detection::category).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the sample export's ads (redress sample telegram-export), one category each
        "【合成示例·测试数据】新款微型摄像头 充电头造型 隐蔽安装 手机远程查看 私聊下单|covert_camera",
        "【合成示例·测试数据】针孔摄像机 烟雾报警器款 无光夜视 包邮 详情见链接|covert_camera",
        "【合成示例·测试数据】安眠药水代购 无色无味 快递到付 私聊|sedative",
        "【合成示例·测试数据】听话水 一瓶见效 私聊 @sample_shop_b|sedative",
        "【合成示例·测试数据】偷拍教程 设备安装与隐藏技巧 入门课程 私聊购买|filming_tutorial",
        "【合成示例·测试数据】摄像头隐藏安装教学视频 包教包会|filming_tutorial",
        "【合成示例·测试数据】原创偷拍视频合集出售 打包价 私聊|material_sale",
        "【合成示例·测试数据】资源群会员招募 每日更新 付费进群|material_sale",
        // English and full-width variants
        "Mini SPY CAMERA disguised as a USB charger, DM me for price|covert_camera",
        "Odorless sleeping drops, no prescription needed, shipping worldwide|sedative",
        "ＧＨＢ　现货　私聊|sedative",
        "How to secretly film anyone: step by step course, $20|filming_tutorial",
        "upskirt videos for sale, paid members only|material_sale",
      })
  void detect_plantedAndVariantAds_findExactlyTheirCategory(String text, String category) {
    assertThat(categories(text)).containsExactly(category);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "camera review: the new mirrorless is great",
        "Sleep well!",
        "晚安，好梦",
        "新相机到了",
        "这张照片拍得真好",
        "家里装了监控摄像头，防盗用",
        "出售二手相机 九成新 私聊",
        "Selling my old camera, DM me",
        "医生开了安眠药，副作用有点大",
        "I take sleeping pills, prescribed by my doctor",
        "警惕酒店针孔摄像头！如何发现偷拍设备",
        "防偷拍检测仪 出售 私聊",
        "How to detect a hidden camera in your Airbnb",
        "考研资源群 会员招募 付费进群",
        "hidden camera prank video lol",
        "偷拍是违法的，请大家举报",
        "The camera came with a charger",
        "scam alert: never buy from @random_shop",
      })
  void detect_innocentOrWarningTexts_findNothing(String text) {
    assertThat(LEX.detect(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void detect_ad_citesTopicAndCommercePhrases() {
    List<TradeLexicon.Detection> d = LEX.detect("针孔摄像机 烟雾报警器款 包邮");
    assertThat(d).hasSize(1);
    assertThat(d.get(0).phrases()).contains("针孔摄像", "包邮");
  }

  @org.junit.jupiter.api.Test
  void detect_topicWithoutCommercialSignal_isNotAnAd() {
    assertThat(LEX.detect("针孔摄像头太可怕了")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void categories_areTheFourOfTheIssue() {
    assertThat(LEX.categories())
        .containsExactly("covert_camera", "filming_tutorial", "material_sale", "sedative");
    assertThat(LEX.label("sedative", "zh")).isNotBlank();
  }

  @org.junit.jupiter.api.Test
  void normalise_zeroWidthFullWidthAndTraditional_areFolded() {
    assertThat(TradeLexicon.normalise("針\u200b孔攝像頭 ＡＢＣ１２")).isEqualTo("针孔摄像头 abc12");
  }

  @org.junit.jupiter.api.Test
  void compact_separatorsBetweenChineseAndLeetInLatinWords_areUndone() {
    assertThat(TradeLexicon.compact("纽🔥扣 / 摄.像头 h1dden c4m 2026 @sample_x"))
        .isEqualTo("纽扣摄像头 hidden cam 2026 asample_x");
  }

  @org.junit.jupiter.api.Test
  void compact_lettersSpelledOutWithDotsOrHyphens_areJoinedButNumbersAreNot() {
    assertThat(TradeLexicon.compact("s.p.y c-a-m g*h*b 9.9元 e-mail"))
        .isEqualTo("spy cam ghb 9.9元 e-mail");
  }

  @org.junit.jupiter.api.Test
  void detect_evasiveSpellings_areFoundOnTheCompactedText() {
    assertThat(categories("偷.拍.视.频 全网最全 天天上新")).containsExactly("material_sale");
    assertThat(categories("針孔攝像頭 私聊")).containsExactly("covert_camera");
  }
}
