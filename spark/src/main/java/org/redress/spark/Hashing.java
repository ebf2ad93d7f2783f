package org.redress.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.redress.media.MediaException;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.phash.Dihedral;
import org.redress.phash.VpdqFrame;

/**
 * Hashes listed files on an executor with {@link MediaHasher}, configured as {@code redress match}
 * configures it. A local file is hashed in place; a file on another file system, or an entry of a
 * ZIP archive, is first copied to a temporary file (the hasher reads paths; FFmpeg needs one for
 * video), hashed and deleted. Every failure becomes a row with its reason.
 */
final class Hashing implements FlatMapFunction<FileRow, HashRow> {
  private static final long serialVersionUID = 1L;

  /** Extensions taken from folders and ZIP archives (as {@code redress match} takes them). */
  static final Set<String> MEDIA_EXTENSIONS =
      Set.of(
          "jpg", "jpeg", "jpe", "jfif", "png", "gif", "bmp", "webp", "heic", "heif", "avif", "tif",
          "tiff", "mp4", "m4v", "mov", "mkv", "webm", "avi", "flv", "3gp", "ts", "mts", "mpg",
          "mpeg", "wmv", "gifv");

  /** Entries larger than this are refused (images are read whole into memory). */
  static final long MAX_ENTRY_BYTES = 4L << 30;

  /** Archives with more entries than this are cut off with a failure row. */
  static final int MAX_ENTRIES = 1_000_000;

  private final boolean dihedral;
  private final long attempt;
  private final Broadcast<SerializableConfiguration> conf;
  private transient MediaHasher hasher;

  Hashing(boolean dihedral, long attempt, Broadcast<SerializableConfiguration> conf) {
    this.dihedral = dihedral;
    this.attempt = attempt;
    this.conf = conf;
  }

  static boolean isMedia(String name) {
    int dot = name.lastIndexOf('.');
    int slash = name.lastIndexOf('/');
    return dot > slash + 1
        && MEDIA_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static boolean isZip(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  /** Told of each file hashed, while its bytes are still at {@code local}. */
  interface Hashed {
    void hashed(HashRow row, Path local);
  }

  @Override
  public Iterator<HashRow> call(FileRow f) {
    return call(f, null);
  }

  /** Hashes one listed source; {@code then}, if given, sees each hashed file while it exists. */
  Iterator<HashRow> call(FileRow f, Hashed then) {
    if (hasher == null) {
      hasher = MediaHasher.builder().dihedral(dihedral).build();
    }
    List<HashRow> out = new ArrayList<>();
    try {
      if (isZip(f.getSource())) {
        hashZip(f, out, then);
      } else {
        out.add(hashFile(f, then));
      }
    } catch (IOException | RuntimeException e) {
      out.add(
          HashRow.failed(
              f, attempt, Inputs.display(f.getSource()), "failed to read: " + oneLine(e)));
    }
    return out.iterator();
  }

  private HashRow hashFile(FileRow f, Hashed then) throws IOException {
    URI uri = URI.create(f.getSource());
    if ("file".equals(uri.getScheme())) {
      return hash(f, Inputs.display(f.getSource()), Paths.get(uri), then);
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
    FileSystem fs = p.getFileSystem(conf.value().value());
    try (InputStream in = fs.open(p)) {
      return hashCopy(f, Inputs.display(f.getSource()), in, Long.MAX_VALUE, then);
    }
  }

  private void hashZip(FileRow f, List<HashRow> out, Hashed then) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(URI.create(f.getSource()));
    FileSystem fs = p.getFileSystem(conf.value().value());
    int entries = 0;
    try (ZipInputStream zin = new ZipInputStream(fs.open(p))) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        if (e.isDirectory() || !isMedia(e.getName())) {
          continue;
        }
        String path = Inputs.display(f.getSource()) + "!/" + e.getName();
        if (++entries > MAX_ENTRIES) {
          out.add(
              HashRow.failed(
                  f,
                  attempt,
                  Inputs.display(f.getSource()),
                  String.format(
                      Locale.ROOT,
                      "ZIP archive with more than %d media entries: the rest was not read",
                      MAX_ENTRIES)));
          return;
        }
        out.add(hashCopy(f, path, zin, MAX_ENTRY_BYTES, then));
      }
    }
    if (entries == 0) {
      out.add(
          HashRow.failed(
              f, attempt, Inputs.display(f.getSource()), "ZIP archive without media entries"));
    }
  }

  private HashRow hashCopy(FileRow f, String path, InputStream in, long max, Hashed then)
      throws IOException {
    Path tmp = Files.createTempFile("redress-bulk-", ".media");
    try {
      long n = 0;
      byte[] buf = new byte[1 << 16];
      try (OutputStream os = Files.newOutputStream(tmp)) {
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
          n += r;
          if (n > max) {
            return HashRow.failed(
                f,
                attempt,
                path,
                String.format(Locale.ROOT, "larger than %d bytes: not hashed", max));
          }
          os.write(buf, 0, r);
        }
      }
      return hash(f, path, tmp, then);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private HashRow hash(FileRow f, String path, Path local, Hashed then) {
    HashRow r = hash(f, path, local);
    if (then != null) {
      then.hashed(r, local);
    }
    return r;
  }

  private HashRow hash(FileRow f, String path, Path local) {
    MediaHash h;
    try {
      h = hasher.hash(local);
    } catch (MediaException e) {
      return HashRow.failed(f, attempt, path, e.reason());
    }
    HashRow r = HashRow.of(f, attempt, path);
    r.setSize(h.size());
    r.setKind(h.kind().name());
    r.setMd5(h.md5());
    r.setSha256(h.sha256());
    if (h.pdq() != null) {
      r.setPdq(h.pdq().pdq().toString());
      r.setQuality(h.pdq().quality());
    }
    if (h.dihedral() != null) {
      StringBuilder sb = new StringBuilder();
      for (Dihedral d : Dihedral.values()) {
        sb.append(sb.length() == 0 ? "" : ",").append(h.dihedral().get(d));
      }
      r.setDihedral(sb.toString());
    }
    if (h.vpdq() != null) {
      r.setVpdq(encodeFrames(h.vpdq()));
    }
    return r;
  }

  static String encodeFrames(List<VpdqFrame> frames) {
    StringBuilder sb = new StringBuilder();
    for (VpdqFrame v : frames) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(v.frameNumber())
          .append(',')
          .append(v.pdq())
          .append(',')
          .append(v.quality())
          .append(',')
          .append(Double.toString(v.seconds()));
    }
    return sb.toString();
  }

  static List<VpdqFrame> decodeFrames(String s) {
    List<VpdqFrame> frames = new ArrayList<>();
    if (s.isEmpty()) {
      return frames;
    }
    for (String part : s.split(";", -1)) {
      String[] x = part.split(",", -1);
      frames.add(
          new VpdqFrame(
              Integer.parseInt(x[0]),
              org.redress.phash.Pdq.parse(x[1]),
              Integer.parseInt(x[2]),
              Double.parseDouble(x[3])));
    }
    return frames;
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }
}
