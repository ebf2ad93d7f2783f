package org.redress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.media.MediaKind;
import org.redress.media.MediaLimitExceeded;
import org.redress.media.Orientation;
import org.redress.phash.Dihedral;
import org.redress.phash.VpdqFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redress hash}: hashes media files locally; prints one line (or JSON object) per file in
 * input order. Only hashes leave this command, never pixels.
 */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = {
      "Hash images (PDQ) and videos (vPDQ), plus MD5 and SHA-256, on this machine.",
      "Prints '<pdq-hex> <quality> <path>' per image and 'vpdq:<frames> <path>' per video",
      "(frames as hex,quality,seconds joined by ';'), or one JSON object per file."
    })
public final class HashCommand implements java.util.concurrent.Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories (recursed).")
  List<Path> paths;

  @Option(names = "--json", description = "One JSON object per file.")
  boolean json;

  @Option(names = "--dihedral", description = "Also print the 8 dihedral PDQ variants (JSON).")
  boolean dihedral;

  @Option(
      names = "--orientation",
      paramLabel = "apply|ignore",
      description = "Apply EXIF orientation (default) or ignore it as the reference does.",
      converter = OrientationConverter.class)
  Orientation orientation = Orientation.APPLY;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--max-pixels",
      paramLabel = "N",
      description = "Refuse images declaring more pixels than this (default ${DEFAULT-VALUE}).")
  long maxPixels = MediaHasher.DEFAULT_MAX_PIXELS;

  @Option(
      names = "--seconds-per-frame",
      paramLabel = "S",
      description = "vPDQ: hash one frame every S seconds; 0 = every frame (default 1).")
  double secondsPerFrame = 1.0;

  /** Where {@link QuickHash} (a run without picocli) prints; null under picocli. */
  PrintWriter quickOut;

  PrintWriter quickErr;

  /** Made on first use: Jackson's start costs a plain-text run more CPU than its hashing. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Override
  public Integer call() {
    int n = threads == null ? ParallelHashing.defaultThreads() : threads;
    if (n < 1 || n > 1024) {
      throw new ExitCodes.UsageException(Msg.get("hash", "threads", n));
    }
    if (maxPixels < 25) {
      throw new ExitCodes.UsageException(Msg.get("hash", "max.pixels", maxPixels));
    }
    if (!(secondsPerFrame >= 0) || Double.isInfinite(secondsPerFrame)) {
      throw new ExitCodes.UsageException(
          Msg.get("hash", "seconds.per.frame", String.valueOf(secondsPerFrame)));
    }
    MediaHasher hasher;
    try {
      hasher =
          MediaHasher.builder()
              .orientation(orientation)
              .dihedral(dihedral)
              .maxPixels(maxPixels)
              .secondsPerFrame(secondsPerFrame)
              .build();
    } catch (IllegalArgumentException e) {
      throw new ExitCodes.UsageException(e.getMessage());
    }
    PrintWriter out = quickOut != null ? quickOut : spec.commandLine().getOut();
    PrintWriter err = quickErr != null ? quickErr : spec.commandLine().getErr();
    FileWalker.Result inputs = FileWalker.collect(paths);
    int failures = 0;
    for (String problem : inputs.problems()) {
      err.println(Msg.prefix() + Console.inert(problem));
      failures++;
    }
    if (inputs.skipped() > 0) {
      err.println(Msg.prefix() + Msg.count("files", "skipped", inputs.skipped()));
    }
    AtomicInteger failed = new AtomicInteger(failures);
    ParallelHashing.forEachInOrder(
        inputs.files(),
        hasher,
        n,
        Progress.forFiles(inputs.files().size()),
        o -> print(o, out, err, failed));
    failures = failed.get();
    out.flush();
    err.flush();
    return failures > 0 ? ExitCodes.DATA : ExitCodes.OK;
  }

  private void print(
      ParallelHashing.Outcome o, PrintWriter out, PrintWriter err, AtomicInteger failures) {
    if (o.error() != null) {
      failures.incrementAndGet();
      String raise =
          o.limit() == MediaLimitExceeded.Limit.IMAGE_PIXELS ? Msg.get("hash", "raise.pixels") : "";
      err.println(
          Msg.prefix()
              + Console.inert(o.path())
              + Msg.get("files", "sep")
              + Console.inert(ParallelHashing.said(o.error()))
              + raise);
      if (json) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("path", o.path().toString());
        node.put("error", o.error());
        out.println(node.toString());
      }
      return;
    }
    MediaHash h = o.hash();
    if (json) {
      out.println(toJson(h).toString());
    } else if (h.kind() == MediaKind.IMAGE) {
      out.println(h.pdq().pdq() + " " + h.pdq().quality() + " " + Console.inert(h.path()));
    } else {
      out.println("vpdq:" + framesText(h.vpdq()) + " " + Console.inert(h.path()));
    }
  }

  static String framesText(List<VpdqFrame> frames) {
    StringBuilder sb = new StringBuilder();
    for (VpdqFrame f : frames) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(f.pdq()).append(',').append(f.quality()).append(',').append(seconds(f.seconds()));
    }
    return sb.toString();
  }

  static String seconds(double s) {
    return java.math.BigDecimal.valueOf(s)
        .setScale(3, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }

  ObjectNode toJson(MediaHash h) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("path", h.path().toString());
    node.put("type", h.kind() == MediaKind.IMAGE ? "image" : "video");
    if (h.pdq() != null) {
      node.put("pdq", h.pdq().pdq().toString());
      node.put("quality", h.pdq().quality());
    }
    node.put("md5", h.md5());
    node.put("sha256", h.sha256());
    if (h.dihedral() != null) {
      ObjectNode d = node.putObject("dihedral");
      for (Dihedral v : Dihedral.values()) {
        d.put(v.referenceName(), h.dihedral().get(v).toString());
      }
    }
    if (h.vpdq() != null) {
      ArrayNode frames = node.putArray("vpdq");
      for (VpdqFrame f : h.vpdq()) {
        ObjectNode fr = frames.addObject();
        fr.put("pdq", f.pdq().toString());
        fr.put("quality", f.quality());
        fr.put("seconds", f.seconds());
      }
    }
    node.put("width", h.width());
    node.put("height", h.height());
    node.put("size", h.size());
    return node;
  }

  /** Parses apply|ignore case-insensitively, naming the bad value. */
  static final class OrientationConverter
      implements picocli.CommandLine.ITypeConverter<Orientation> {
    @Override
    public Orientation convert(String value) {
      switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "apply":
          return Orientation.APPLY;
        case "ignore":
          return Orientation.IGNORE;
        default:
          throw new picocli.CommandLine.TypeConversionException(
              Msg.get("hash", "orientation", value));
      }
    }
  }
}
