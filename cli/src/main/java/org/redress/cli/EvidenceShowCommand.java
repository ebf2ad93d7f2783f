package org.redress.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.Metadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress evidence show}: one item's metadata (never its content). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show one item's hashes and metadata (never its content).")
public final class EvidenceShowCommand implements Callable<Integer> {
  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "ID", description = "Item id (as printed by add/list).")
  long id;

  @Option(
      names = "--json",
      description = "Print the item as one JSON object (docs/evidence-format.md).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (EvidenceStore store = options.open()) {
      Item it = store.item(id);
      if (json) {
        out.println(json(it));
        return ExitCodes.OK;
      }
      row(out, "item", Long.toString(it.id()));
      row(out, "case", it.caseId());
      row(out, "sha256", it.sha256());
      row(out, "size", Long.toString(it.size()));
      row(out, "added_at", time(it.addedAt()));
      row(out, "corrections", Integer.toString(it.corrections()));
      if (it.shredded()) {
        row(out, "status", EvidenceCommand.m("show.shredded"));
        return ExitCodes.OK;
      }
      Metadata m = it.metadata();
      row(out, "source", kind(m.sourceKind()) + ":" + m.sourceValue());
      row(out, "capture_method", method(m.captureMethod()));
      row(out, "captured_at", time(m.capturedAt()));
      row(
          out,
          "captured_by",
          Msg.zh() && "unknown".equals(m.capturedBy())
              ? EvidenceCommand.m("captured.by.unknown")
              : m.capturedBy());
      row(out, "tool", m.toolName() + " " + m.toolVersion());
      row(out, "file_name", m.fileName());
      row(out, "media_type", m.mediaType());
      for (Map.Entry<String, String> e : m.perceptual().entrySet()) {
        row(out, "perceptual." + e.getKey(), e.getValue());
      }
      if (m.note() != null) {
        row(out, "note", m.note());
      }
    }
    return ExitCodes.OK;
  }

  /**
   * An item as one line of JSON: {@code item}, {@code case}, {@code sha256}, {@code size}, {@code
   * added_at}, {@code corrections}, {@code shredded}, and {@code metadata}, the metadata object
   * exactly as logged (absent once the case is shredded).
   */
  static String json(Item it) {
    ObjectNode o = JSON.createObjectNode();
    o.put("item", it.id());
    o.put("case", it.caseId());
    o.put("sha256", it.sha256());
    o.put("size", it.size());
    o.put("added_at", it.addedAt().toString());
    o.put("corrections", it.corrections());
    o.put("shredded", it.shredded());
    try {
      if (it.metadata() != null) {
        o.set("metadata", JSON.readTree(it.metadata().json()));
      }
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "failed to write item " + it.id() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void row(PrintWriter out, String k, String v) {
    if (Msg.zh()) {
      String label = Msg.has("evidence", "row." + k) ? EvidenceCommand.m("row." + k) : k;
      out.println(label + "：" + Console.inert(v));
      return;
    }
    out.println(String.format(Locale.ROOT, "%-16s %s", k, Console.inert(v)));
  }

  private static String time(java.time.Instant t) {
    return Msg.zh() ? Msg.timeSeconds(t) : t.toString();
  }

  /** A source kind (file, telegram, url, other) in the interface language. */
  private static String kind(String k) {
    return Msg.zh() && k != null && Msg.has("evidence", "kind." + k)
        ? EvidenceCommand.m("kind." + k)
        : k;
  }

  /** A capture method: the ones Redress writes in the interface language, others as stored. */
  private static String method(String m) {
    return Msg.zh() && m != null && Msg.has("evidence", "method." + m)
        ? EvidenceCommand.m("method." + m)
        : m;
  }
}
