package org.redress.cli;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.media.MediaException;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.media.MediaKind;
import org.redress.media.SampleVideo;
import org.redress.phash.VpdqFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code redress demo}: the main job on generated, innocuous sample data. Makes sample pictures
 * and the copies a chat app or a re-uploader would make of them, hashes everything locally and
 * shows which copies are recognised.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the main job on generated, innocuous sample data in <workspace>/demo:",
      "make sample pictures and edited copies, hash them locally, show which copies match."
    })
public final class DemoCommand implements Callable<Integer> {
  /** The PDQ distance at or under which two images count as the same picture. */
  static final int MATCH_THRESHOLD = 31;

  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin WorkspaceOption workspace;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path demo = workspace.dir().resolve("demo");
    Path originals = demo.resolve("originals");
    Path copies = demo.resolve("copies");
    Files.createDirectories(originals);
    Files.createDirectories(copies);
    out.println("Redress demo: every picture below is generated; none shows a person.");
    out.println("1. Making sample pictures and the copies a chat app would make, in " + demo);

    Map<Path, Path> copyOf = new LinkedHashMap<>();
    List<Path> origs = new ArrayList<>();
    BufferedImage[] pictures = {
      SampleImages.scene(1600, 1200, 1), SampleImages.scene(1200, 1600, 2),
      SampleImages.poster(1400, 1000, 3)
    };
    String[] names = {"beach-walk", "mountain-view", "poster"};
    for (int i = 0; i < pictures.length; i++) {
      BufferedImage p = pictures[i];
      Path orig = write(originals.resolve(names[i] + ".jpg"), SampleImages.jpeg(p, 0.92f));
      origs.add(orig);
      copyOf.put(
          write(copies.resolve(names[i] + "-resized-for-chat.jpg"),
              SampleImages.jpeg(SampleImages.scaled(p, 0.5), 0.8f)),
          orig);
      copyOf.put(
          write(copies.resolve(names[i] + "-recompressed.jpg"), SampleImages.jpeg(p, 0.35f)),
          orig);
      copyOf.put(write(copies.resolve(names[i] + "-grey.png"), SampleImages.png(SampleImages.grey(p))), orig);
      copyOf.put(
          write(copies.resolve(names[i] + "-trimmed-edges.jpg"),
              SampleImages.jpeg(SampleImages.cropped(p, 0.01), 0.85f)),
          orig);
      copyOf.put(
          write(copies.resolve(names[i] + "-sideways-exif.jpg"),
              SampleImages.withExifOrientation(
                  SampleImages.jpeg(SampleImages.rotatedClockwise(p), 0.9f), 8)),
          orig);
      copyOf.put(
          write(copies.resolve(names[i] + "-mirrored.jpg"),
              SampleImages.jpeg(SampleImages.mirrored(p), 0.9f)),
          orig);
    }
    Path unrelated =
        write(copies.resolve("unrelated-picture.jpg"),
            SampleImages.jpeg(SampleImages.scene(1600, 1200, 99), 0.9f));
    copyOf.put(unrelated, null);

    out.println("2. Hashing " + (origs.size() + copyOf.size()) + " files on this machine "
        + "(PDQ + MD5 + SHA-256; only hashes are kept)");
    MediaHasher hasher = MediaHasher.builder().dihedral(true).build();
    Map<Path, MediaHash> hashes = new LinkedHashMap<>();
    List<Path> all = new ArrayList<>(origs);
    all.addAll(copyOf.keySet());
    Path jsonl = demo.resolve("hashes.jsonl");
    HashCommand json = new HashCommand();
    try (BufferedWriter w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      for (Path f : all) {
        MediaHash h = hash(hasher, f);
        hashes.put(f, h);
        w.write(json.toJson(h).toString());
        w.newLine();
      }
    }

    out.println("3. Which copies are recognised (PDQ distance <= " + MATCH_THRESHOLD + " of 256 bits):");
    out.println(String.format(Locale.ROOT, "   %-34s %-18s %9s  %s", "copy", "original", "distance", "verdict"));
    int found = 0;
    int expected = 0;
    for (Map.Entry<Path, Path> e : copyOf.entrySet()) {
      MediaHash copy = hashes.get(e.getKey());
      Match best = bestMatch(copy, origs, hashes);
      boolean shouldMatch = e.getValue() != null;
      if (shouldMatch) {
        expected++;
      }
      boolean matched = best.distance <= MATCH_THRESHOLD;
      if (matched && shouldMatch && best.original.equals(e.getValue())) {
        found++;
      }
      String verdict =
          matched
              ? (best.viaDihedral ? "match (mirrored/rotated)" : "match")
              : "no match";
      out.println(String.format(Locale.ROOT, "   %-34s %-18s %9d  %s",
          e.getKey().getFileName(), best.original.getFileName(), best.distance, verdict));
    }
    out.println(String.format(Locale.ROOT,
        "   %d of %d copies recognised; the unrelated picture %s.", found, expected,
        bestMatch(hashes.get(unrelated), origs, hashes).distance <= MATCH_THRESHOLD
            ? "was wrongly matched" : "was correctly not matched"));
    out.println("4. A short video and a smaller re-encoded copy of it (vPDQ, one frame per second):");
    VideoResult v = videoDemo(demo, hasher);
    out.println(String.format(Locale.ROOT,
        "   %s: %d frames hashed; copy %s: %d frames; %.0f%% of the copy's frames match the"
            + " original, %.0f%% of the original's frames are in the copy -> %s",
        v.original.getFileName(), v.originalFrames, v.copy.getFileName(), v.copyFrames,
        v.queryPercent, v.comparedPercent, v.queryPercent >= 80 ? "match" : "no match"));
    out.println();
    out.println("Output:");
    out.println("  hashes (one JSON object per file): " + jsonl);
    out.println("  sample pictures: " + originals + " and " + copies);
    out.println("Hash your own files with: ./redress hash PATH...   (nothing leaves this machine)");
    return ExitCodes.OK;
  }

  private record VideoResult(
      Path original, Path copy, int originalFrames, int copyFrames, double queryPercent,
      double comparedPercent) {}

  /** Pans across a generated scene: the original at 640x360, a copy at 320x180. */
  private static VideoResult videoDemo(Path demo, MediaHasher hasher) throws IOException {
    BufferedImage big = SampleImages.scene(1280, 720, 7);
    BufferedImage half = SampleImages.scaled(big, 0.5);
    int frames = 8 * 30;
    Path original = demo.resolve("originals/harbour-pan.mp4");
    Path copy = demo.resolve("copies/harbour-pan-small.mp4");
    SampleVideo.write(original, 640, 360, 30, frames, (i, rgb) -> window(big, i * 640 / frames, 640, 360, rgb));
    SampleVideo.write(copy, 320, 180, 30, frames, (i, rgb) -> window(half, i * 320 / frames, 320, 180, rgb));
    MediaHash a = hashAny(hasher, original);
    MediaHash b = hashAny(hasher, copy);
    return new VideoResult(original, copy, a.vpdq().size(), b.vpdq().size(),
        percentMatched(b.vpdq(), a.vpdq()), percentMatched(a.vpdq(), b.vpdq()));
  }

  private static void window(BufferedImage img, int x0, int w, int h, int[] rgb) {
    img.getRGB(x0, 0, w, h, rgb, 0, w);
  }

  /** Share of usable frames (quality >= 50) in {@code query} within 31 bits of some frame. */
  static double percentMatched(List<VpdqFrame> query, List<VpdqFrame> target) {
    int usable = 0;
    int matched = 0;
    for (VpdqFrame q : query) {
      if (q.quality() < 50) {
        continue;
      }
      usable++;
      for (VpdqFrame t : target) {
        if (t.quality() >= 50 && q.pdq().distance(t.pdq()) <= MATCH_THRESHOLD) {
          matched++;
          break;
        }
      }
    }
    return usable == 0 ? 0 : 100.0 * matched / usable;
  }

  private static MediaHash hashAny(MediaHasher hasher, Path f) {
    try {
      return hasher.hash(f);
    } catch (MediaException e) {
      throw new IllegalStateException("demo failed to hash " + e.getMessage(), e);
    }
  }

  private record Match(Path original, int distance, boolean viaDihedral) {}

  private static Match bestMatch(MediaHash copy, List<Path> origs, Map<Path, MediaHash> hashes) {
    Match best = null;
    for (Path o : origs) {
      MediaHash h = hashes.get(o);
      int direct = h.pdq().pdq().distance(copy.pdq().pdq());
      int any = h.dihedral().minDistance(copy.pdq().pdq());
      Match m = new Match(o, Math.min(direct, any), any < direct);
      if (best == null || m.distance < best.distance) {
        best = m;
      }
    }
    return best;
  }

  private static MediaHash hash(MediaHasher hasher, Path f) {
    try {
      MediaHash h = hasher.hash(f);
      if (h.kind() != MediaKind.IMAGE) {
        throw new IllegalStateException(f + ": expected an image");
      }
      return h;
    } catch (MediaException e) {
      throw new IllegalStateException("demo failed to hash " + e.getMessage(), e);
    }
  }

  private static Path write(Path p, byte[] bytes) {
    try {
      return Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + p, e);
    }
  }
}
