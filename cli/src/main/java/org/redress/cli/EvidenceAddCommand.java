package org.redress.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.NewItem;
import org.redress.media.MediaException;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.media.MediaKind;
import org.redress.phash.VpdqFrame;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redress evidence add}: preserve files, one output line per file. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description =
        "Preserve files (directories are walked) in a case: encrypted, logged, "
            + "checkpointed. Images and videos also get PDQ / vPDQ hashes.")
public final class EvidenceAddCommand implements Callable<Integer> {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("png", "image/png"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("bmp", "image/bmp"),
          Map.entry("heic", "image/heic"),
          Map.entry("tif", "image/tiff"),
          Map.entry("tiff", "image/tiff"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("m4v", "video/mp4"),
          Map.entry("webm", "video/webm"),
          Map.entry("mkv", "video/x-matroska"),
          Map.entry("avi", "video/x-msvideo"),
          Map.entry("txt", "text/plain"),
          Map.entry("html", "text/html"),
          Map.entry("json", "application/json"),
          Map.entry("pdf", "application/pdf"));

  @Mixin EvidenceOptions options;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", required = true, paramLabel = "CASE", description = "Case id.")
  String caseId;

  @Option(
      names = "--source",
      paramLabel = "KIND:VALUE",
      description =
          "Where the files came from: file:PATH, telegram:chat/ID/message/ID, url:URL "
              + "or other:TEXT (default: file:<the path>).")
  String source;

  @Option(
      names = "--capture-method",
      paramLabel = "METHOD",
      description = "How they were captured (default: file-import).")
  String captureMethod;

  @Option(names = "--note", paramLabel = "TEXT", description = "Free text kept in metadata.")
  String note;

  @Option(names = "--no-perceptual", description = "Do not compute PDQ / vPDQ hashes.")
  boolean noPerceptual;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    List<Path> files = expand(paths);
    List<NewItem> items = new ArrayList<>();
    MediaHasher hasher = noPerceptual ? null : MediaHasher.builder().build();
    PrintWriter err = spec.commandLine().getErr();
    for (Path f : files) {
      try {
        items.add(describe(f, hasher, err));
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? EvidenceCommand.m("add.bad.item", f) : ex.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean bar = files.size() > 1 && System.console() != null;
    int[] done = {0};
    List<Item> added;
    try (EvidenceStore store = options.open()) {
      try {
        added =
            store.addAll(
                caseId,
                items,
                () -> {
                  done[0]++;
                  if (bar) {
                    progress(err, done[0], files.size());
                  }
                });
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? EvidenceCommand.m("add.bad.case", caseId) : ex.getMessage());
      }
      if (bar) {
        err.println();
      }
      for (int i = 0; i < added.size(); i++) {
        Item it = added.get(i);
        out.println(EvidenceCommand.m("add.item", it.id(), it.sha256(), it.size(), files.get(i)));
      }
      for (org.redress.evidence.Warning w : store.drainWarnings()) {
        err.println(Msg.warningPrefix() + NextSteps.line(w));
      }
      out.println(
          EvidenceCommand.m(
              "checkpoint.line",
              store.latestCheckpoint().size(),
              store.latestCheckpoint().rootHex()));
    }
    return ExitCodes.OK;
  }

  static void progress(PrintWriter err, int done, int total) {
    int width = 30;
    int fill = (int) ((long) done * width / total);
    err.print("\r[" + "#".repeat(fill) + " ".repeat(width - fill) + "] " + done + "/" + total);
    err.flush();
  }

  private NewItem describe(Path f, MediaHasher hasher, PrintWriter err) {
    NewItem it = NewItem.of(f);
    if (source != null) {
      int c = source.indexOf(':');
      if (c <= 0) {
        throw new ExitCodes.UsageException(EvidenceCommand.m("add.bad.source", source));
      }
      it = it.source(source.substring(0, c), source.substring(c + 1));
    } else {
      it = it.source("file", f.toAbsolutePath().normalize().toString());
    }
    if (captureMethod != null) {
      it = it.captureMethod(captureMethod);
    }
    if (note != null) {
      it = it.note(note);
    }
    String name = f.getFileName() == null ? "" : f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (type != null) {
      it = it.mediaType(type);
    }
    boolean media = type != null && (type.startsWith("image/") || type.startsWith("video/"));
    if (hasher != null && media) {
      try {
        it = it.perceptual(perceptual(hasher.hash(f)));
      } catch (MediaException ex) {
        err.println(
            Msg.zh()
                ? EvidenceCommand.m("add.no.perceptual", f)
                : "redress: note: no perceptual hash for " + f + ": " + ex.reason());
      }
    }
    return it;
  }

  static Map<String, String> perceptual(MediaHash h) {
    Map<String, String> m = new LinkedHashMap<>();
    if (h.kind() == MediaKind.IMAGE && h.pdq() != null) {
      m.put("pdq", h.pdq().pdq().toString());
      m.put("pdq_quality", Integer.toString(h.pdq().quality()));
    }
    if (h.kind() == MediaKind.VIDEO && h.vpdq() != null) {
      m.put("vpdq_frames", Integer.toString(h.vpdq().size()));
      m.put("vpdq", h.vpdq().stream().map(VpdqFrame::toString).collect(Collectors.joining(";")));
    }
    m.put("md5", h.md5());
    return m;
  }

  static List<Path> expand(List<Path> paths) throws java.nio.file.NoSuchFileException {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new java.nio.file.NoSuchFileException(p.toString());
      }
    }
    FileWalker.Result r = FileWalker.collect(paths, false);
    if (!r.problems().isEmpty()) {
      throw new ExitCodes.DataException(
          r.problems().get(0)
              + (r.problems().size() > 1
                  ? EvidenceCommand.m("add.more", r.problems().size() - 1)
                  : ""));
    }
    if (r.files().isEmpty()) {
      throw new ExitCodes.UsageException(EvidenceCommand.m("add.none", paths));
    }
    return r.files();
  }
}
