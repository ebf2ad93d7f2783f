package org.redress.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.cases.NewItem;

class HashListTest {
  static final String A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String MD5 = "0123456789abcdef0123456789abcdef";
  static final String SHA = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  static String image(String pdq, String quality) {
    return "{\"name\":\"a.jpg\",\"size\":10,\"kind\":\"image\",\"pdq\":\""
        + pdq
        + "\",\"quality\":"
        + quality
        + ",\"md5\":\""
        + MD5
        + "\",\"sha256\":\""
        + SHA
        + "\"}";
  }

  static String list(String... items) {
    return "{\"format\":\"redress/hash-list@1\",\"items\":[" + String.join(",", items) + "]}";
  }

  @Test
  void parse_image_givesPdqAndSha256ItemsAsBankAddDoes() {
    List<HashList.Entry> e = HashList.parse(list(image(A, "90")));
    assertThat(e).hasSize(1);
    assertThat(e.get(0).pdq().toString()).isEqualTo(A);
    List<NewItem> items = HashList.items(e, "C-1", null);
    assertThat(items).extracting(i -> i.hash().signal().id()).containsExactly("pdq", "sha256");
    assertThat(items).extracting(NewItem::label).containsOnly("a.jpg");
  }

  @Test
  void parse_video_givesVpdqMd5AndSha256() {
    String video =
        "{\"name\":\"v.mp4\",\"size\":5,\"kind\":\"video\",\"md5\":\""
            + MD5
            + "\",\"sha256\":\""
            + SHA
            + "\",\"vpdq\":[{\"frame\":0,\"seconds\":0.0,\"pdq\":\""
            + A
            + "\",\"quality\":77},{\"frame\":1,\"seconds\":1.0,\"pdq\":\""
            + A
            + "\",\"quality\":78}]}";
    List<NewItem> items = HashList.items(HashList.parse(list(video)), null, null);
    assertThat(items)
        .extracting(i -> i.hash().signal().id())
        .containsExactly("vpdq", "md5", "sha256");
  }

  @Test
  void parse_badValues_nameTheItemAndField() {
    assertThatThrownBy(() -> HashList.parse(list(image(A, "90"), image(A, "140"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 2")
        .hasMessageContaining("quality");
    assertThatThrownBy(() -> HashList.parse(list(image("abc", "90"))))
        .hasMessageContaining("item 1")
        .hasMessageContaining("pdq");
    assertThatThrownBy(() -> HashList.parse("{\"format\":\"other\",\"items\":[]}"))
        .hasMessageContaining("format must be redress/hash-list@1");
    assertThatThrownBy(() -> HashList.parse("[1,")).hasMessageContaining("not JSON");
  }

  @Test
  void parse_approximateFlag_countedAndImportedWithTheSameItems() {
    String approx = image(A, "90").replace("\"kind\"", "\"approximate\":true,\"kind\"");
    List<HashList.Entry> e = HashList.parse(list(image(A, "90"), approx));
    assertThat(e).extracting(HashList.Entry::approximate).containsExactly(false, true);
    assertThat(HashList.approximate(e)).isEqualTo(1);
    assertThat(HashList.items(e, null, null)).hasSize(4);
    assertThatThrownBy(
            () -> HashList.parse(list(image(A, "90").replace("{", "{\"approximate\":\"yes\","))))
        .hasMessageContaining("item 1")
        .hasMessageContaining("approximate");
  }

  @Test
  void declares_onlyTheFormatsOwnDocuments() {
    assertThat(HashList.declares("  " + list())).isTrue();
    assertThat(HashList.declares("{\"signal\":\"pdq\"}")).isFalse();
    assertThat(HashList.declares("pdq,abc")).isFalse();
  }
}
