package org.redress.evidence;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The append-only {@code log/entries} file (docs §3.2): records of u32 length, leaf bytes and a
 * CRC-32C over both. Reading stops at the first bad record and reports where it is, so the store
 * can repair a torn tail (truncate) or refuse a corrupt log.
 */
final class LogFile implements AutoCloseable {
  static final int MAX_LEAF = 1 << 20;

  private final FileChannel ch;
  private long length;

  /** The records read from a file and, if reading stopped early, why and where. */
  static final class Scan {
    final List<byte[]> leaves = new ArrayList<>();
    long count;
    long goodLength;
    @Nullable String problem;
  }

  private LogFile(FileChannel ch, long length) {
    this.ch = ch;
    this.length = length;
  }

  /** Opens for appending at {@code goodLength}, truncating anything after it. */
  static LogFile openForAppend(Path file, long goodLength) throws IOException {
    Durable.createDirs(Durable.parent(file));
    boolean existed = Files.exists(file);
    FileChannel ch =
        Durable.openOwnerOnly(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (!existed) {
      Durable.syncDir(Durable.parent(file));
    }
    if (ch.size() > goodLength) {
      ch.truncate(goodLength);
      ch.force(true);
    }
    return new LogFile(ch, goodLength);
  }

  /** Reads every good record of a file (a missing file is an empty log). */
  static Scan scan(Path file) throws IOException {
    Scan s = new Scan();
    scan(file, s, s.leaves::add);
    return s;
  }

  /** Streams every good record to {@code sink} (for logs too large to hold). */
  static Scan stream(Path file, java.util.function.Consumer<byte[]> sink) throws IOException {
    Scan s = new Scan();
    scan(file, s, sink);
    return s;
  }

  private static void scan(Path file, Scan s, java.util.function.Consumer<byte[]> sink)
      throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    long total = Files.size(file);
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      long off = 0;
      CRC32C crc = new CRC32C();
      while (off < total) {
        long index = s.count;
        if (total - off < 8) {
          s.problem = problem(index, off, "incomplete record header");
          break;
        }
        int n = in.readInt();
        if (n < 1 || n > MAX_LEAF) {
          s.problem = problem(index, off, "length " + n + " out of range");
          break;
        }
        if (total - off - 8 < n) {
          s.problem = problem(index, off, "record runs past the end of the file");
          break;
        }
        byte[] leaf = new byte[n];
        try {
          in.readFully(leaf);
        } catch (EOFException ex) {
          s.problem = problem(index, off, "record runs past the end of the file");
          break;
        }
        int stored = in.readInt();
        crc.reset();
        crc.update(ByteBuffer.allocate(4).putInt(n).array());
        crc.update(leaf);
        if ((int) crc.getValue() != stored) {
          s.problem = problem(index, off, "CRC mismatch");
          break;
        }
        sink.accept(leaf);
        s.count++;
        off += 8 + n;
        s.goodLength = off;
      }
    }
  }

  private static String problem(long index, long off, String why) {
    return String.format(Locale.ROOT, "log record %d at offset %d: %s", index, off, why);
  }

  /** Appends records and fsyncs once. */
  void append(List<byte[]> leaves) throws IOException {
    int total = 0;
    for (byte[] l : leaves) {
      if (l.length < 1 || l.length > MAX_LEAF) {
        throw new IllegalArgumentException("leaf length out of range: " + l.length);
      }
      total += 8 + l.length;
    }
    ByteBuffer b = ByteBuffer.allocate(total);
    CRC32C crc = new CRC32C();
    for (byte[] l : leaves) {
      b.putInt(l.length);
      b.put(l);
      crc.reset();
      crc.update(ByteBuffer.allocate(4).putInt(l.length).array());
      crc.update(l);
      b.putInt((int) crc.getValue());
    }
    b.flip();
    long pos = length;
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
    ch.force(false);
    length = pos;
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
