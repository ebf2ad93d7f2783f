package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void contact_spellingsOfOneTelegramName_normaliseToOne() {
    assertThat(Identifiers.contact("@Shop_Cam")).isEqualTo("tg:shop_cam");
    assertThat(Identifiers.contact("＠ｓｈｏｐ＿ｃａｍ")).isEqualTo("tg:shop_cam");
    assertThat(Identifiers.contact("https://t.me/shop_cam/")).isEqualTo("tg:shop_cam");
    assertThat(Identifiers.contact("telegram.me/SHOP_CAM")).isEqualTo("tg:shop_cam");
    assertThat(Identifiers.contact("tg:@shop_cam")).isEqualTo("tg:shop_cam");
    assertThat(Identifiers.contact("QQ:12345678")).isEqualTo("qq:12345678");
  }

  @Test
  void contact_notAContact_refusedWithHint() {
    assertThatThrownBy(() -> Identifiers.contact("微信"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@name");
    assertThatThrownBy(() -> Identifiers.contact("qq:abc"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contacts_adText_findsEveryKindOnce() {
    String ad = "出售针孔摄像头，联系＠CamShop 或 t.me/camshop ，微信：Wx_seller01，QQ 123456789，vx:wx_seller01";

    assertThat(Identifiers.contacts(ad))
        .containsExactly("tg:camshop", "wechat:wx_seller01", "qq:123456789");
  }

  @Test
  void contacts_emailAddress_isNotATelegramName() {
    assertThat(Identifiers.contacts("mail me: someone@example.com")).isEmpty();
  }
}
