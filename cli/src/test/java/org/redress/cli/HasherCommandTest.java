package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HasherCommandTest {
  static final String A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String MD5 = "0123456789abcdef0123456789abcdef";
  static final String SHA = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @TempDir Path dir;

  @Test
  void hasher_out_writesOneFileWithTheModuleInlinedAndNoAddress() throws IOException {
    Path out = dir.resolve("hasher.html");
    CliRun r = CliRun.ok("hasher", out.toString());
    assertThat(r.out()).startsWith("wrote ");
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html)
        .contains("id=\"phash-wasm\"")
        .contains("id=\"worker-src\"")
        .contains("id=\"hashes\"")
        .contains("connect-src &#39;none&#39;")
        .doesNotContain("http://")
        .doesNotContain("https://")
        .doesNotContain("src=\"/");
  }

  @Test
  void hasher_badLanguage_isAUsageError() {
    CliRun r = CliRun.of("hasher", dir.resolve("x.html").toString(), "--lang", "fr");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(dir.resolve("x.html")).doesNotExist();
  }

  @Test
  void bankImport_browserHashList_addsThePicturesAndVideosHashes() throws IOException {
    CliWorkspace workspace = new CliWorkspace(dir.resolve("ws"));
    Path list = dir.resolve("hash-list.json");
    Files.writeString(
        list,
        "{\"format\":\"redress/hash-list@1\",\"items\":["
            + "{\"name\":\"a.jpg\",\"size\":10,\"kind\":\"image\",\"pdq\":\""
            + A
            + "\",\"quality\":90,\"md5\":\""
            + MD5
            + "\",\"sha256\":\""
            + SHA
            + "\"},{\"name\":\"v.mp4\",\"size\":99,\"kind\":\"video\",\"md5\":\""
            + MD5.replace('0', '1')
            + "\",\"sha256\":\""
            + SHA.replace('0', '1')
            + "\",\"vpdq\":[{\"frame\":0,\"seconds\":0,\"pdq\":\""
            + A
            + "\",\"quality\":80}]}]}",
        StandardCharsets.UTF_8);
    workspace.ok("bank", "create", "her");
    CliRun r = workspace.ok("bank", "import", "her", list.toString());
    assertThat(r.out()).contains("a.jpg").contains("v.mp4");
    CliRun show = workspace.run("bank", "show", "her");
    assertThat(show.out()).contains("pdq").contains("vpdq").contains("md5").contains("sha256");
  }

  @Test
  void bankImport_hashListWithABadHash_importsNothingAndExits1() throws IOException {
    CliWorkspace workspace = new CliWorkspace(dir.resolve("ws"));
    Path list = dir.resolve("bad.json");
    Files.writeString(
        list,
        "{\"format\":\"redress/hash-list@1\",\"items\":[{\"name\":\"a.jpg\",\"size\":1,"
            + "\"kind\":\"image\",\"pdq\":\"zz\",\"quality\":9,\"md5\":\""
            + MD5
            + "\",\"sha256\":\""
            + SHA
            + "\"}]}",
        StandardCharsets.UTF_8);
    workspace.ok("bank", "create", "her");
    CliRun r = workspace.run("bank", "import", "her", list.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("item 1").contains("pdq");
  }
}
