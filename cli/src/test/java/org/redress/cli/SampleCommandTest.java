package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.sources.MediaRef;
import org.redress.sources.Post;
import org.redress.sources.ReadSummary;
import org.redress.sources.Source;
import org.redress.sources.SourceKind;
import org.redress.sources.UncheckedReason;

/** The sample export, read back with the sources module, holds exactly what planted.json says. */
class SampleCommandTest {
  @TempDir Path tmp;

  private record Parsed(List<Post> posts, ReadSummary summary) {
    Post post(long chat, long message) {
      return posts.stream()
          .filter(p -> p.chat().id() == chat && p.messageId() == message)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no post " + chat + "/" + message));
    }
  }

  private static Parsed parse(Path path) throws Exception {
    List<Post> posts = new ArrayList<>();
    try (Source s = Source.open(path)) {
      ReadSummary summary = s.read(i -> posts.add((Post) i));
      return new Parsed(posts, summary);
    }
  }

  private void checkAgainstManifest(Path dir) throws Exception {
    JsonNode m = new ObjectMapper().readTree(dir.resolve("planted.json").toFile());
    Path export = dir.resolve(m.get("export").asText());
    Parsed r = parse(export);
    JsonNode t = m.get("totals");

    assertThat(r.summary().kind()).isEqualTo(SourceKind.TELEGRAM_EXPORT);
    assertThat(r.summary().partial()).isFalse();
    assertThat(r.summary().problems()).isEmpty();
    assertThat(r.summary().posts()).isEqualTo(t.get("messages").asLong());
    assertThat(r.summary().serviceMessages()).isEqualTo(t.get("service_messages").asLong());
    assertThat(r.summary().chats()).isEqualTo(t.get("chats").asLong());
    assertThat(r.summary().mediaAvailable()).isEqualTo(t.get("media_files").asLong());
    Set<String> senders = new HashSet<>();
    r.posts().stream().filter(p -> !p.service()).forEach(p -> senders.add(p.senderId()));
    assertThat(senders).hasSize(t.get("senders").asInt());
    assertThat(r.posts().stream().filter(Post::forwarded).count())
        .isEqualTo(t.get("forwarded_posts").asLong());
    Map<UncheckedReason, Long> expected = new EnumMap<>(UncheckedReason.class);
    t.get("unchecked")
        .properties()
        .forEach(
            e ->
                expected.put(
                    UncheckedReason.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)),
                    e.getValue().asLong()));
    for (UncheckedReason reason : UncheckedReason.values()) {
      assertThat(r.summary().unchecked().get(reason))
          .as(reason.code())
          .isEqualTo(expected.getOrDefault(reason, 0L));
    }
    for (JsonNode u : m.get("unchecked")) {
      Post p = r.post(u.get("chat_id").asLong(), u.get("message_id").asLong());
      assertThat(p.media())
          .anySatisfy(
              ref -> {
                assertThat(ref.field()).isEqualTo(u.get("field").asText());
                assertThat(ref.uncheckedReason().map(UncheckedReason::code))
                    .contains(u.get("reason").asText());
              });
    }

    long copies = 0;
    for (JsonNode v : m.get("victims")) {
      assertThat(dir.resolve(v.get("original").asText())).isRegularFile();
      Set<Long> chats = new HashSet<>();
      Set<String> victimSenders = new HashSet<>();
      for (JsonNode c : v.get("copies")) {
        copies++;
        Path file = dir.resolve(c.get("file").asText()).toRealPath();
        Post p = r.post(c.get("chat_id").asLong(), c.get("message_id").asLong());
        assertThat(p.media().stream().filter(MediaRef::available).map(x -> x.file().orElseThrow()))
            .contains(file);
        assertThat(p.senderId()).isEqualTo(c.get("sender_id").asText());
        assertThat(p.forwarded()).isEqualTo(c.get("forwarded").asBoolean());
        assertThat(p.date().utc().orElseThrow().toString()).isEqualTo(c.get("date_utc").asText());
        assertThat(Files.mismatch(file, dir.resolve(v.get("original").asText())))
            .as("a copy is an edited file, never the original bytes")
            .isNotEqualTo(-1L);
        chats.add(p.chat().id());
        victimSenders.add(p.senderId());
      }
      assertThat(v.get("posts").asInt()).isEqualTo(v.get("copies").size());
      assertThat(chats).hasSize(v.get("chats").asInt());
      assertThat(victimSenders).hasSize(v.get("senders").asInt());
    }
    assertThat(copies).isEqualTo(t.get("victim_copies").asLong());

    Map<String, Integer> ads = new HashMap<>();
    for (JsonNode a : m.get("ads").get("posts")) {
      Post p = r.post(a.get("chat_id").asLong(), a.get("message_id").asLong());
      assertThat(p.text()).startsWith(SampleExport.SYNTHETIC);
      ads.merge(a.get("category").asText(), 1, Integer::sum);
    }
    m.get("ads")
        .get("by_category")
        .properties()
        .forEach(
            e ->
                assertThat(ads.getOrDefault(e.getKey(), 0))
                    .as(e.getKey())
                    .isEqualTo(e.getValue().asInt()));
    assertThat(ads.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(t.get("ad_posts").asInt());
  }

  @Test
  void telegramExport_fullExport_parsesBackToExactlyThePlantedNumbers() throws Exception {
    Path dir = tmp.resolve("sample");
    CliRun run =
        CliRun.ok("sample", "telegram-export", dir.toString(), "--seed", "5", "--messages", "150");
    assertThat(run.out()).contains("150 messages in 4 chat(s)");
    checkAgainstManifest(dir);
    JsonNode m = new ObjectMapper().readTree(dir.resolve("planted.json").toFile());
    assertThat(m.get("format").asText()).isEqualTo("full_export");
    assertThat(m.get("totals").get("forwarded_posts").asInt()).isEqualTo(SampleExport.FORWARDS);
    assertThat(m.get("victims").get(0).get("chats").asInt())
        .as("victim copies spread over more than one chat somewhere")
        .isPositive();
  }

  @Test
  void telegramExport_singleChat_parsesBackToExactlyThePlantedNumbers() throws Exception {
    Path dir = tmp.resolve("single");
    CliRun.ok(
        "sample",
        "telegram-export",
        dir.toString(),
        "--seed",
        "9",
        "--messages",
        "80",
        "--single-chat");
    assertThat(dir.resolve("ChatExport_" + SampleExport.EXPORT_DATE + "/result.json"))
        .isRegularFile();
    checkAgainstManifest(dir);
  }

  @Test
  void telegramExport_sameSeed_givesTheSameExport() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    for (Path dir : List.of(a, b)) {
      CliRun.ok(
          "sample",
          "telegram-export",
          dir.toString(),
          "--seed",
          "4",
          "--messages",
          "70",
          "--single-chat");
    }

    String export = "ChatExport_" + SampleExport.EXPORT_DATE + "/result.json";
    assertThat(Files.mismatch(a.resolve(export), b.resolve(export))).isEqualTo(-1L);
    assertThat(Files.mismatch(a.resolve("planted.json"), b.resolve("planted.json"))).isEqualTo(-1L);
  }

  @Test
  void telegramExport_tooFewMessages_isAUsageError() {
    CliRun run =
        CliRun.of("sample", "telegram-export", tmp.resolve("x").toString(), "--messages", "10");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("redress: --messages must be at least ").contains("was 10");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void telegramExport_nonEmptyFolder_isRefusedAndLeftAlone() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(dir.resolve("keep.txt"), "mine");

    CliRun run = CliRun.of("sample", "telegram-export", dir.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("exists and is not an empty folder");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("keep.txt"));
    }
  }
}
