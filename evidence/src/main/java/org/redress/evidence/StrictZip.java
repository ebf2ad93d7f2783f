package org.redress.evidence;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * A ZIP file read the way every other reader reads it, through its central directory, and refused
 * unless every other way of reading it gives the same files (docs §8.1).
 *
 * <p>Checked before any entry is read: the end-of-central-directory record ends the file (no
 * comment, no trailing data); the central directory ends exactly where that record (or the ZIP64
 * end record) starts; the first entry starts at byte 0 and each local header is followed, without a
 * gap or an overlap, by the next, the last by the central directory; every local header agrees with
 * its central entry (name bytes, flags, method, CRC and sizes, or a data descriptor that agrees);
 * names are UTF-8 and unique; no entry is encrypted; methods are stored or deflate. Reading an
 * entry inflates at most its declared size, then checks its CRC-32 and that the compressed data
 * ended exactly where declared.
 *
 * <p>References: PKWARE APPNOTE.TXT 6.3.10 §4.3 (general format), §4.4.4 (data descriptor),
 * §4.3.14–4.3.16 (ZIP64 end records), §4.5.3 (ZIP64 extra field).
 */
final class StrictZip implements Closeable {
  private static final int LOCAL = 0x04034b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int DESCRIPTOR = 0x08074b50;

  /** Most entries a package may have. */
  static final int MAX_ENTRIES = 1_000_000;

  /** One entry as the central directory describes it, with where its data starts. */
  record Entry(
      String name,
      int flags,
      int method,
      long crc,
      long compressedSize,
      long size,
      long localOffset,
      long dataOffset,
      long end,
      boolean zip64) {}

  private final FileChannel ch;
  private final Map<String, Entry> entries;

  private StrictZip(FileChannel ch, Map<String, Entry> entries) {
    this.ch = ch;
    this.entries = entries;
  }

  /**
   * Opens and checks the structure of a ZIP file.
   *
   * @throws Failure naming the first disagreement found
   */
  static StrictZip open(Path file) throws IOException, Failure {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new StrictZip(ch, parse(ch));
    } catch (IOException | Failure | RuntimeException ex) {
      ch.close();
      throw ex;
    }
  }

  /** The entries in central-directory order. */
  Map<String, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  private static Map<String, Entry> parse(FileChannel ch) throws IOException, Failure {
    long size = ch.size();
    if (size < 22) {
      throw new Failure("not a zip file, or an empty one: only " + size + " bytes");
    }
    long eocd = size - 22;
    ByteBuffer end = read(ch, eocd, 22);
    if (end.getInt(0) != EOCD) {
      long found = findBack(ch, size);
      if (found < 0) {
        throw new Failure("not a zip file, or an empty one: no end of central directory");
      }
      int commentLen = read(ch, found, 22).getShort(20) & 0xffff;
      if (commentLen > 0 && found + 22 + commentLen == size) {
        throw new Failure(
            "the zip file has a comment (" + commentLen + " bytes); packages " + "have none");
      }
      throw new Failure(
          String.format(
              Locale.ROOT,
              "%d bytes of trailing data after the end " + "of the central directory",
              size - found - 22));
    }
    int disk = end.getShort(4) & 0xffff;
    int cdDisk = end.getShort(6) & 0xffff;
    long onDisk = end.getShort(8) & 0xffff;
    long total = end.getShort(10) & 0xffff;
    long cdSize = Integer.toUnsignedLong(end.getInt(12));
    long cdOffset = Integer.toUnsignedLong(end.getInt(16));
    if ((end.getShort(20) & 0xffff) != 0) {
      throw new Failure("the end of central directory claims a comment but the file ends");
    }
    long cdEnd = eocd;
    if (total == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
      if (eocd < 20) {
        throw new Failure("ZIP64 end of central directory locator missing");
      }
      ByteBuffer loc = read(ch, eocd - 20, 20);
      if (loc.getInt(0) != ZIP64_LOCATOR) {
        throw new Failure("ZIP64 end of central directory locator missing");
      }
      long rec = loc.getLong(8);
      if (rec < 0 || rec + 56 != eocd - 20) {
        throw new Failure(
            "ZIP64 end of central directory record is not right before its "
                + "locator (gap or trailing data)");
      }
      ByteBuffer z = read(ch, rec, 56);
      if (z.getInt(0) != ZIP64_EOCD || z.getLong(4) != 44) {
        throw new Failure("ZIP64 end of central directory record is damaged");
      }
      disk = z.getInt(16);
      cdDisk = z.getInt(20);
      onDisk = z.getLong(24);
      total = z.getLong(32);
      cdSize = z.getLong(40);
      cdOffset = z.getLong(48);
      cdEnd = rec;
    }
    if (disk != 0 || cdDisk != 0 || onDisk != total) {
      throw new Failure("multi-disk zip files are not packages");
    }
    if (total == 0) {
      throw new Failure("not a zip file, or an empty one: no entries");
    }
    if (total > MAX_ENTRIES) {
      throw new Failure("the zip file claims " + total + " entries, more than " + MAX_ENTRIES);
    }
    if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize != cdEnd) {
      throw new Failure(
          String.format(
              Locale.ROOT,
              "the central directory (at %d, %d bytes) "
                  + "does not end where the end record starts (%d): gap or overlap",
              cdOffset,
              cdSize,
              cdEnd));
    }
    if (cdSize > Integer.MAX_VALUE - 8 || cdSize < 46 * total) {
      throw new Failure(
          "the central directory size " + cdSize + " does not fit " + total + " entries");
    }
    ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
    Map<String, Entry> out = new LinkedHashMap<>();
    int pos = 0;
    List<byte[]> rawNames = new ArrayList<>();
    for (long i = 0; i < total; i++) {
      if (pos + 46 > cdSize || cd.getInt(pos) != CENTRAL) {
        throw new Failure("central directory entry " + i + " is damaged");
      }
      int flags = cd.getShort(pos + 8) & 0xffff;
      int method = cd.getShort(pos + 10) & 0xffff;
      long crc = Integer.toUnsignedLong(cd.getInt(pos + 16));
      long csize = Integer.toUnsignedLong(cd.getInt(pos + 20));
      long usize = Integer.toUnsignedLong(cd.getInt(pos + 24));
      int nameLen = cd.getShort(pos + 28) & 0xffff;
      int extraLen = cd.getShort(pos + 30) & 0xffff;
      int commentLen = cd.getShort(pos + 32) & 0xffff;
      int diskStart = cd.getShort(pos + 34) & 0xffff;
      long local = Integer.toUnsignedLong(cd.getInt(pos + 42));
      int next = pos + 46 + nameLen + extraLen + commentLen;
      if (next > cdSize) {
        throw new Failure("central directory entry " + i + " runs past the directory");
      }
      byte[] nameBytes = new byte[nameLen];
      cd.get(pos + 46, nameBytes);
      String name = utf8(nameBytes);
      boolean zip64 = false;
      if (csize == 0xffffffffL || usize == 0xffffffffL || local == 0xffffffffL) {
        long[] z = zip64Extra(cd, pos + 46 + nameLen, extraLen, usize, csize, local, name);
        usize = z[0];
        csize = z[1];
        local = z[2];
        zip64 = true;
      }
      if (commentLen != 0) {
        throw new Failure("entry " + name + " has a comment; package entries have none");
      }
      if (diskStart != 0) {
        throw new Failure("entry " + name + " starts on another disk");
      }
      if ((flags & 1) != 0 || (flags & 0x40) != 0) {
        throw new Failure("entry " + name + " is encrypted");
      }
      if (method != 0 && method != 8) {
        throw new Failure(
            "entry "
                + name
                + " uses compression method "
                + method
                + " (only stored and deflate are read)");
      }
      if (method == 0 && csize != usize) {
        throw new Failure("stored entry " + name + " has different compressed and real sizes");
      }
      if (out.containsKey(name)) {
        throw new Failure("duplicate entry name: " + name);
      }
      out.put(name, new Entry(name, flags, method, crc, csize, usize, local, -1, -1, zip64));
      rawNames.add(nameBytes);
      pos = next;
    }
    if (pos != cdSize) {
      throw new Failure(
          String.format(
              Locale.ROOT,
              "the central directory has %d bytes after " + "its %d entries",
              cdSize - pos,
              total));
    }
    return checkLocals(ch, out, rawNames, cdOffset);
  }

  /** Checks every local header against its central entry, and that they tile the file. */
  private static Map<String, Entry> checkLocals(
      FileChannel ch, Map<String, Entry> central, List<byte[]> rawNames, long cdOffset)
      throws IOException, Failure {
    List<Entry> list = new ArrayList<>(central.values());
    Map<String, byte[]> raw = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      raw.put(list.get(i).name(), rawNames.get(i));
    }
    List<Entry> byOffset = new ArrayList<>(list);
    byOffset.sort(Comparator.comparingLong(Entry::localOffset));
    Map<String, Entry> out = new LinkedHashMap<>();
    long expect = 0;
    for (Entry e : byOffset) {
      if (e.localOffset() != expect) {
        throw new Failure(
            e.localOffset() > expect
                ? String.format(
                    Locale.ROOT,
                    "%d bytes of hidden data before entry %s (a gap " + "between entries)",
                    e.localOffset() - expect,
                    e.name())
                : "entry " + e.name() + " overlaps the entry before it");
      }
      if (e.localOffset() + 30 > cdOffset) {
        throw new Failure("entry " + e.name() + " has no room for its local header");
      }
      ByteBuffer h = read(ch, e.localOffset(), 30);
      if (h.getInt(0) != LOCAL) {
        throw new Failure(
            "entry " + e.name() + ": no local header where the central directory " + "points");
      }
      int flags = h.getShort(6) & 0xffff;
      int method = h.getShort(8) & 0xffff;
      long crc = Integer.toUnsignedLong(h.getInt(14));
      long csize = Integer.toUnsignedLong(h.getInt(18));
      long usize = Integer.toUnsignedLong(h.getInt(22));
      int nameLen = h.getShort(26) & 0xffff;
      int extraLen = h.getShort(28) & 0xffff;
      String mismatch = null;
      if (flags != e.flags()) {
        mismatch = "flags";
      } else if (method != e.method()) {
        mismatch = "compression method";
      }
      byte[] name = read(ch, e.localOffset() + 30, nameLen).array();
      if (mismatch == null && !Arrays.equals(name, raw.get(e.name()))) {
        mismatch = "name (local header says \"" + new String(name, StandardCharsets.UTF_8) + "\")";
      }
      boolean descriptor = (flags & 8) != 0;
      if (mismatch == null && !descriptor && !sizesAgree(crc, csize, usize, e)) {
        mismatch = "CRC or sizes";
      }
      if (mismatch == null
          && descriptor
          && !(crc == 0 && csize == 0 && usize == 0)
          && !sizesAgree(crc, csize, usize, e)) {
        mismatch = "CRC or sizes";
      }
      if (mismatch != null) {
        throw new Failure(
            "entry "
                + e.name()
                + ": local header and central directory disagree "
                + "on its "
                + mismatch);
      }
      long data = e.localOffset() + 30 + nameLen + extraLen;
      long end = data + e.compressedSize();
      if (end > cdOffset || end < data) {
        throw new Failure("entry " + e.name() + " runs into the central directory");
      }
      long next = end;
      if (descriptor) {
        int sizeLen = e.zip64() ? 8 : 4;
        int len = 4 + 2 * sizeLen;
        ByteBuffer d = read(ch, end, (int) Math.min(4 + len, cdOffset - end));
        int at = d.limit() >= 4 && d.getInt(0) == DESCRIPTOR ? 4 : 0;
        if (d.limit() < at + len) {
          throw new Failure("entry " + e.name() + ": data descriptor missing");
        }
        long dcrc = Integer.toUnsignedLong(d.getInt(at));
        long dc = sizeLen == 8 ? d.getLong(at + 4) : Integer.toUnsignedLong(d.getInt(at + 4));
        long du =
            sizeLen == 8
                ? d.getLong(at + 4 + sizeLen)
                : Integer.toUnsignedLong(d.getInt(at + 4 + sizeLen));
        if (dcrc != e.crc() || dc != e.compressedSize() || du != e.size()) {
          throw new Failure(
              "entry "
                  + e.name()
                  + ": data descriptor and central directory "
                  + "disagree on its CRC or sizes");
        }
        next = end + at + len;
      }
      out.put(
          e.name(),
          new Entry(
              e.name(),
              e.flags(),
              e.method(),
              e.crc(),
              e.compressedSize(),
              e.size(),
              e.localOffset(),
              data,
              end,
              e.zip64()));
      expect = next;
    }
    if (expect != cdOffset) {
      throw new Failure(
          String.format(
              Locale.ROOT,
              "%d bytes of hidden data between the last " + "entry and the central directory",
              cdOffset - expect));
    }
    Map<String, Entry> ordered = new LinkedHashMap<>();
    for (Entry e : list) {
      ordered.put(e.name(), out.get(e.name()));
    }
    return ordered;
  }

  private static boolean sizesAgree(long crc, long csize, long usize, Entry e) {
    return crc == e.crc()
        && (csize == e.compressedSize() || (csize == 0xffffffffL && e.zip64()))
        && (usize == e.size() || (usize == 0xffffffffL && e.zip64()));
  }

  /** The real sizes and offset from the ZIP64 extra field (APPNOTE §4.5.3). */
  private static long[] zip64Extra(
      ByteBuffer cd, int from, int len, long usize, long csize, long local, String name)
      throws Failure {
    int p = from;
    while (p + 4 <= from + len) {
      int id = cd.getShort(p) & 0xffff;
      int size = cd.getShort(p + 2) & 0xffff;
      if (id == 1) {
        boolean u = usize == 0xffffffffL;
        boolean c = csize == 0xffffffffL;
        boolean l = local == 0xffffffffL;
        if (size < (u ? 8 : 0) + (c ? 8 : 0) + (l ? 8 : 0) || p + 4 + size > from + len) {
          break;
        }
        int q = p + 4;
        long[] out = {usize, csize, local};
        if (u) {
          out[0] = cd.getLong(q);
          q += 8;
        }
        if (c) {
          out[1] = cd.getLong(q);
          q += 8;
        }
        if (l) {
          out[2] = cd.getLong(q);
        }
        if (out[0] < 0 || out[1] < 0 || out[2] < 0) {
          break;
        }
        return out;
      }
      p += 4 + size;
    }
    throw new Failure("entry " + name + ": ZIP64 extra field missing or damaged");
  }

  /**
   * Reads an entry whole, refusing one larger than {@code cap} before inflating anything.
   *
   * @throws Failure if it is too large or its data does not match its CRC and sizes
   */
  byte[] read(Entry e, int cap) throws IOException, Failure {
    if (e.size() > cap) {
      throw new Failure(
          String.format(
              Locale.ROOT,
              "entry %s is %d bytes, more than the %d " + "allowed for it",
              e.name(),
              e.size(),
              cap));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) e.size());
    try (InputStream in = open(e)) {
      in.transferTo(out);
    }
    return out.toByteArray();
  }

  /**
   * Streams an entry's data; the stream throws an {@link IOException} at its end if the data is
   * longer or shorter than declared or its CRC-32 differs.
   */
  InputStream open(Entry e) {
    return new EntryStream(e);
  }

  private final class EntryStream extends InputStream {
    private final Entry e;
    private final @Nullable Inflater inflater;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer in = ByteBuffer.allocate(16384);
    private long pos;
    private long produced;
    private boolean done;

    EntryStream(Entry e) {
      this.e = e;
      this.pos = e.dataOffset();
      this.inflater = e.method() == 8 ? new Inflater(true) : null;
      in.limit(0);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      long left = e.size() - produced;
      if (left == 0) {
        finish();
        return -1;
      }
      int want = (int) Math.min(len, left);
      int n;
      if (inflater == null) {
        n = fill(want);
        System.arraycopy(in.array(), in.position(), b, off, n);
        in.position(in.position() + n);
      } else {
        try {
          n = 0;
          while (n == 0) {
            if (inflater.needsInput()) {
              int got = fill(in.capacity());
              inflater.setInput(in.array(), in.position(), got);
              in.position(in.position() + got);
            }
            n = inflater.inflate(b, off, want);
            if (n == 0 && (inflater.finished() || inflater.needsDictionary())) {
              throw new IOException("entry " + e.name() + " holds fewer bytes than declared");
            }
          }
        } catch (DataFormatException ex) {
          throw new IOException("entry " + e.name() + " is not valid deflate data", ex);
        }
      }
      crc.update(b, off, n);
      produced += n;
      return n;
    }

    /** Reads up to {@code max} bytes of the entry's compressed data into {@code in}. */
    private int fill(int max) throws IOException {
      if (in.hasRemaining() && inflater == null) {
        return Math.min(max, in.remaining());
      }
      long avail = e.end() - pos;
      if (avail <= 0) {
        throw new IOException("entry " + e.name() + ": compressed data ends early");
      }
      in.clear();
      in.limit((int) Math.min(Math.min(in.capacity(), max), avail));
      while (in.hasRemaining()) {
        int r = ch.read(in, pos + in.position());
        if (r < 0) {
          throw new IOException("unexpected end of file in entry " + e.name());
        }
      }
      pos += in.limit();
      in.flip();
      return in.remaining();
    }

    private void finish() throws IOException {
      done = true;
      if (inflater != null) {
        byte[] probe = new byte[1];
        try {
          while (!inflater.finished()) {
            if (inflater.needsInput()) {
              if (pos >= e.end()) {
                break;
              }
              int got = fill(in.capacity());
              inflater.setInput(in.array(), in.position(), got);
              in.position(in.position() + got);
            }
            if (inflater.inflate(probe) > 0) {
              throw new IOException("entry " + e.name() + " holds more bytes than declared");
            }
            if (!inflater.finished() && !inflater.needsInput()) {
              break;
            }
          }
        } catch (DataFormatException ex) {
          throw new IOException("entry " + e.name() + " is not valid deflate data", ex);
        }
        if (!inflater.finished() || pos - inflater.getRemaining() != e.end()) {
          throw new IOException(
              "entry " + e.name() + ": compressed data does not end where " + "declared");
        }
      } else if (pos - in.remaining() != e.end()) {
        throw new IOException("entry " + e.name() + ": data does not end where declared");
      }
      if (crc.getValue() != e.crc()) {
        throw new IOException("entry " + e.name() + ": CRC-32 mismatch (data altered)");
      }
    }

    @Override
    public void close() {
      if (inflater != null) {
        inflater.end();
      }
    }
  }

  private static String utf8(byte[] b) throws Failure {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException ex) {
      throw new Failure("entry names are not UTF-8");
    }
  }

  private static long findBack(FileChannel ch, long size) throws IOException {
    int window = (int) Math.min(size, 22 + 65535 + (1 << 16));
    ByteBuffer b = read(ch, size - window, window);
    for (int i = window - 22; i >= 0; i--) {
      if (b.getInt(i) == EOCD) {
        return size - window + i;
      }
    }
    return -1;
  }

  private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new java.io.EOFException("unexpected end of file");
      }
    }
    b.flip();
    return b.order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
