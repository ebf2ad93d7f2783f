package org.redress.sources;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A ZIP archive opened for reading in place, never extracted by entry name. Opening checks the
 * central directory against the caps: the entry count and the total declared uncompressed size,
 * before a single byte is inflated. Reading an entry is guarded too: an entry that inflates past
 * its declared size (a lying header) is refused at that point.
 */
final class ZipArchive implements Closeable {
  private final Path path;
  private final ZipFile zip;
  private final List<String> names;

  private ZipArchive(Path path, ZipFile zip, List<String> names) {
    this.path = path;
    this.zip = zip;
    this.names = names;
  }

  static ZipArchive open(Path path, Limits limits) throws SourceException {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      throw new SourceException(
          path.toString(), "not a readable ZIP archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SourceException(
          path.toString(), "failed to open ZIP archive: " + e.getMessage(), e);
    }
    try {
      if (zip.size() > limits.zipMaxEntries()) {
        throw tooManyEntries(path, zip.size(), limits);
      }
      List<String> names = new ArrayList<>();
      long total = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (names.size() >= limits.zipMaxEntries()) {
          throw tooManyEntries(path, names.size() + 1, limits);
        }
        names.add(e.getName());
        long size = e.getSize();
        if (size < 0) {
          size = limits.zipMaxBytes();
        }
        total += size;
        if (total > limits.zipMaxBytes() || total < 0) {
          throw new SourceException(
              path.toString(),
              "declares at least "
                  + Limits.bytes(total < 0 ? Long.MAX_VALUE : total)
                  + " uncompressed, over the cap of "
                  + Limits.bytes(limits.zipMaxBytes())
                  + " (possible ZIP bomb; not extracted)",
              new LimitExceeded(LimitExceeded.Limit.ZIP_TOTAL_BYTES,
                  total < 0 ? Long.MAX_VALUE : total, limits.zipMaxBytes()));
        }
      }
      names.sort(null);
      return new ZipArchive(path, zip, List.copyOf(names));
    } catch (SourceException | RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  private static SourceException tooManyEntries(Path path, int count, Limits limits) {
    return new SourceException(
        path.toString(),
        "has " + count + " entries, over the cap of " + limits.zipMaxEntries() + " (not extracted)",
        new LimitExceeded(LimitExceeded.Limit.ZIP_ENTRIES, count, limits.zipMaxEntries()));
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException ignored) {
      // nothing read yet; nothing to lose
    }
  }

  /** Entry names in sorted order. */
  List<String> names() {
    return names;
  }

  ZipEntry entry(String name) {
    return zip.getEntry(name);
  }

  /** {@code /path/archive.zip!/entry}. */
  String display(String entry) {
    return path + "!/" + entry;
  }

  /**
   * Opens an entry, refusing to inflate more bytes than its central directory declares.
   *
   * @throws IOException when the entry is gone, cannot be read, or exceeds its declared size
   */
  InputStream open(String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null || e.isDirectory()) {
      throw new IOException(display(name) + ": no such entry");
    }
    return new SizeGuard(zip.getInputStream(e), e.getSize(), display(name));
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** Throws once more than {@code limit} bytes have been read. */
  static final class SizeGuard extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    SizeGuard(InputStream in, long limit, String what) {
      super(in);
      this.limit = limit;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      add(s);
      return s;
    }

    private void add(long n) throws IOException {
      count += n;
      if (limit >= 0 && count > limit) {
        throw new IOException(
            what
                + ": inflates past its declared size of "
                + Limits.bytes(limit)
                + "; refusing to read further (possible ZIP bomb)");
      }
    }
  }
}
