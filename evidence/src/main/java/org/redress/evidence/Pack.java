package org.redress.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A pack file (docs/evidence-format.md §1.1): the encrypted blobs written by one batch, back to
 * back, followed by an index naming each blob and a trailer that checksums the index. Packs are
 * write-once: a batch writes its pack under a temp name, fsyncs it once, links it into place and
 * fsyncs the directory once, so a durable batch of N items costs O(1) fsyncs instead of O(N).
 */
final class Pack {
  static final byte[] MAGIC = {'R', 'D', 'X', 'P', 'A', 'C', 'K', '1'};
  static final byte[] END = {'R', 'D', 'X', 'P', 'E', 'N', 'D', '1'};

  /** kind of a blob holding item content (§6.3 context {@code redress/item/...}). */
  static final int CONTENT = 1;

  /** kind of a blob holding metadata JSON (§6.3 context {@code redress/meta/...}). */
  static final int META = 2;

  /** u8 kind, SHA-256[32], u64 offset, u64 length. */
  static final int ENTRY = 49;

  /** u64 index offset, u32 count, SHA-256 of the index [32], "RDXPEND1". */
  static final int TRAILER = 52;

  /** The smallest encrypted blob: §6.3 header (16) and one empty chunk's tag (16). */
  static final int MIN_BLOB = 32;

  private Pack() {}

  /** One blob of a pack. */
  record Entry(int kind, String sha256, long offset, long length) {}

  /**
   * Reads and checks a pack's index (not its blobs: each blob is authenticated by AES-GCM when it
   * is decrypted).
   *
   * @throws Failure naming what is wrong with the file
   */
  static List<Entry> readIndex(Path file) throws IOException, Failure {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < MAGIC.length + TRAILER) {
        throw new Failure("pack is truncated (" + size + " bytes)");
      }
      ByteBuffer head = read(ch, 0, MAGIC.length);
      if (!head.equals(ByteBuffer.wrap(MAGIC))) {
        throw new Failure("not a pack (bad magic)");
      }
      ByteBuffer t = read(ch, size - TRAILER, TRAILER);
      if (!t.slice(TRAILER - END.length, END.length).equals(ByteBuffer.wrap(END))) {
        throw new Failure("pack is truncated or damaged: no trailer at its end");
      }
      long indexOffset = t.getLong(0);
      long count = Integer.toUnsignedLong(t.getInt(8));
      if (indexOffset < MAGIC.length || indexOffset + count * ENTRY + TRAILER != size) {
        throw new Failure(
            String.format(
                Locale.ROOT,
                "pack trailer is damaged: index at %d with "
                    + "%d entries does not end at the trailer (file size %d)",
                indexOffset,
                count,
                size));
      }
      ByteBuffer index = read(ch, indexOffset, (int) (count * ENTRY));
      byte[] sum = new byte[32];
      t.get(12, sum);
      MessageDigest d = Hex.sha256();
      d.update(index.duplicate());
      if (!MessageDigest.isEqual(d.digest(), sum)) {
        throw new Failure("pack index checksum mismatch (index altered)");
      }
      return entries(index, count, indexOffset);
    }
  }

  private static List<Entry> entries(ByteBuffer index, long count, long indexOffset)
      throws Failure {
    List<Entry> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long expect = MAGIC.length;
    byte[] sha = new byte[32];
    for (int i = 0; i < count; i++) {
      int kind = index.get() & 0xff;
      index.get(sha);
      long offset = index.getLong();
      long length = index.getLong();
      if (kind != CONTENT && kind != META) {
        throw new Failure("pack index entry " + i + " has unknown kind " + kind);
      }
      if (offset != expect || length < MIN_BLOB || length > indexOffset - offset) {
        throw new Failure(
            String.format(
                Locale.ROOT,
                "pack index entry %d: blob at %d of %d "
                    + "bytes does not follow the previous blob (expected offset %d)",
                i,
                offset,
                length,
                expect));
      }
      String hex = Hex.of(sha);
      if (!seen.add(kind + hex)) {
        throw new Failure("pack index entry " + i + " repeats blob " + hex);
      }
      out.add(new Entry(kind, hex, offset, length));
      expect = offset + length;
    }
    if (expect != indexOffset) {
      throw new Failure(
          String.format(
              Locale.ROOT,
              "pack blobs end at %d but the index starts at " + "%d",
              expect,
              indexOffset));
    }
    return out;
  }

  private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new java.io.EOFException("unexpected end of file");
      }
    }
    return b.flip();
  }

  /** The bytes of one blob as a stream (the caller decrypts and authenticates them). */
  static InputStream open(Path file, long offset, long length) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      if (ch.size() < offset + length) {
        throw new IOException(file + " is shorter than its index says");
      }
      ch.position(offset);
    } catch (IOException ex) {
      ch.close();
      throw ex;
    }
    return new Bounded(Channels.newInputStream(ch), length);
  }

  /** A stream that ends after {@code left} bytes. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long left) {
      this.in = in;
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Writes one pack: blobs go to a temp file beside the target as they are added; {@link #commit()}
   * appends the index and trailer, fsyncs, links the file into place and fsyncs the directory.
   * Until then nothing is visible under the pack's name.
   */
  static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final FileChannel ch;
    private final Out out;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private boolean committed;

    Writer(Path target) throws IOException {
      this.target = target;
      Path dir = Durable.parent(target);
      Durable.createDirs(dir);
      this.tmp =
          dir.resolve(
              "."
                  + target.getFileName()
                  + ".tmp-"
                  + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      this.ch = Durable.openOwnerOnly(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      this.out = new Out(ch);
      out.write(MAGIC);
    }

    Path target() {
      return target;
    }

    boolean contains(int kind, String sha256) {
      return names.contains(kind + sha256);
    }

    boolean isEmpty() {
      return entries.isEmpty();
    }

    List<Entry> entries() {
      return List.copyOf(entries);
    }

    /** Appends one blob named by the plaintext SHA-256 {@code sha256}. */
    void add(int kind, String sha256, Durable.Body body) throws IOException {
      if (committed || !names.add(kind + sha256)) {
        throw new IllegalStateException("blob " + sha256 + " already in pack " + target);
      }
      long start = out.position();
      body.write(out);
      entries.add(new Entry(kind, sha256, start, out.position() - start));
    }

    /** Index, trailer, one fsync, link into place, one directory fsync. */
    void commit() throws IOException {
      long indexOffset = out.position();
      ByteBuffer index = ByteBuffer.allocate(entries.size() * ENTRY);
      for (Entry e : entries) {
        index
            .put((byte) e.kind())
            .put(Hex.parse(e.sha256()))
            .putLong(e.offset())
            .putLong(e.length());
      }
      index.flip();
      MessageDigest d = Hex.sha256();
      d.update(index.duplicate());
      ByteBuffer t =
          ByteBuffer.allocate(TRAILER)
              .putLong(indexOffset)
              .putInt(entries.size())
              .put(d.digest())
              .put(END);
      out.write(index.array());
      out.write(t.array());
      out.flush();
      ch.force(true);
      ch.close();
      try {
        Files.createLink(target, tmp);
      } catch (UnsupportedOperationException ex) {
        if (Files.exists(target)) {
          throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.deleteIfExists(tmp);
      Durable.syncDir(Durable.parent(target));
      committed = true;
    }

    @Override
    public void close() throws IOException {
      ch.close();
      Files.deleteIfExists(tmp);
    }
  }

  /** A buffered stream over a channel that counts what was written. */
  private static final class Out extends OutputStream {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 18);
    private long written;

    Out(FileChannel ch) {
      this.ch = ch;
    }

    long position() {
      return written + buf.position();
    }

    @Override
    public void write(int b) throws IOException {
      if (!buf.hasRemaining()) {
        flush();
      }
      buf.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > buf.remaining()) {
        flush();
      }
      if (len >= buf.capacity()) {
        drain(ByteBuffer.wrap(b, off, len));
      } else {
        buf.put(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      buf.flip();
      drain(buf);
      buf.clear();
    }

    private void drain(ByteBuffer b) throws IOException {
      while (b.hasRemaining()) {
        written += ch.write(b);
      }
    }
  }
}
