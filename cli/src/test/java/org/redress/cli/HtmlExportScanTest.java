package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same synthetic chat exported as JSON and as HTML (by the sample exporter, which writes
 * Telegram Desktop's markup) gives the same report: identical totals and the same occurrences,
 * field by field, except what HTML exports cannot carry (chat and user ids, the exported date
 * string, absolute paths).
 */
class HtmlExportScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fields an HTML export cannot give: ids, the date as written, where the files are. */
  private static final List<String> NOT_IN_HTML =
      List.of(
          "chat_id",
          "chat_type",
          "export",
          "reference",
          "sender_id",
          "forwarded_from_id",
          "date_exported",
          "location",
          "locator");

  @TempDir static Path tmp;
  static CliWorkspace workspace;

  @BeforeAll
  static void bank() throws Exception {
    workspace = new CliWorkspace(tmp.resolve("ws"));
    Path originals = tmp.resolve("originals");
    SampleExport.generate(originals, new SampleExport.Options(7, 120, false));
    workspace.ok("bank", "create", "victims");
    List<String> add = new ArrayList<>(List.of("bank", "add", "victims"));
    try (Stream<Path> s = Files.list(originals.resolve(SampleExport.VICTIM_DIR))) {
      s.sorted().forEach(p -> add.add(p.toString()));
    }
    workspace.ok(add.toArray(new String[0]));
  }

  private static JsonNode scan(boolean singleChat, boolean html, int perPage) throws Exception {
    String name = (singleChat ? "single" : "full") + (html ? "-html" : "-json") + perPage;
    Path dir = tmp.resolve(name);
    SampleExport.Result r =
        SampleExport.generate(dir, new SampleExport.Options(7, 120, singleChat, html, perPage));
    Path out = tmp.resolve(name + ".json");
    workspace.ok(
        "scan", r.export().toString(), "--bank", "victims", "-j", "2", "--json", out.toString());
    return JSON.readTree(out.toFile());
  }

  private static JsonNode portable(JsonNode n) {
    JsonNode c = n.deepCopy();
    strip(c);
    return c;
  }

  private static void strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      NOT_IN_HTML.forEach(o::remove);
      o.forEach(HtmlExportScanTest::strip);
    } else if (n.isArray()) {
      n.forEach(HtmlExportScanTest::strip);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void scan_sameChatAsJsonAndHtml_sameTotalsAndOccurrences(boolean singleChat) throws Exception {
    JsonNode json = scan(singleChat, false, SampleHtml.PER_PAGE);
    JsonNode html = scan(singleChat, true, 25);
    assertThat(json.get("totals").get("occurrences").asInt()).isPositive();
    assertThat(json.get("totals").get("ad_posts").asInt()).isPositive();
    assertThat(json.get("totals").get("media_unchecked").asInt()).isPositive();
    assertThat(portable(html.get("totals"))).isEqualTo(portable(json.get("totals")));
    assertThat(portable(html.get("items"))).isEqualTo(portable(json.get("items")));
    assertThat(html.get("unchecked").get("by_reason"))
        .isEqualTo(json.get("unchecked").get("by_reason"));
    assertThat(html.get("partial").asBoolean()).isFalse();
  }
}
