package org.redress.sources;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A ZIP archive read in place from its central directory, never extracted by entry name. Its own
 * reader (not {@link java.util.zip.ZipFile}) so that one bad entry never refuses the whole archive:
 *
 * <ul>
 *   <li>opening checks the entry count and the total declared uncompressed size against the caps
 *       before a byte is inflated (over a cap: the archive is refused, naming the option that
 *       raises it);
 *   <li>each entry is checked by its headers before extraction: its declared size against the
 *       per-entry cap, its compression ratio, encryption and method, and its local header against
 *       the central directory (same name, method and flags; data inside the archive, not
 *       overlapping another entry's); a failing entry is unchecked with its reason, the rest read;
 *   <li>names without the UTF-8 flag that are not valid UTF-8 are read as GB18030 (a superset of
 *       GBK, what Chinese Windows writes), then byte for byte; two entries with the same name are
 *       both unchecked, since nobody can tell which one a reader would see;
 *   <li>reading an entry refuses to inflate past its declared size and checks its CRC-32 at the
 *       end.
 * </ul>
 *
 * Zip64 archives (over 4 GiB or 65,535 entries) are read; split archives are not.
 */
final class ZipArchive implements Closeable {
  private static final int LOC = 0x04034b50;
  private static final int CEN = 0x02014b50;
  private static final int END = 0x06054b50;
  private static final int END64 = 0x06064b50;
  private static final int END64_LOCATOR = 0x07064b50;

  /** An entry that inflates more than this many times its compressed size is a bomb. */
  static final long MAX_RATIO = 100;

  /** The ratio is checked only for entries declaring more than this (tiny files vary). */
  static final long RATIO_FROM_BYTES = 1L << 20;

  /** One central-directory entry. */
  record Entry(
      String name,
      byte[] rawName,
      int flags,
      int method,
      long crc,
      long compressedSize,
      long size,
      long localOffset) {
    boolean isDirectory() {
      return name.endsWith("/");
    }

    long getSize() {
      return size;
    }
  }

  private final Path path;
  private final FileChannel channel;
  private final List<String> names;
  private final Map<String, Entry> entries;
  private final Map<String, UncheckedReason> refused;
  private final Map<String, String> refusedDetail;
  private final List<String> notes;
  private final Limits limits;

  private ZipArchive(
      Path path,
      FileChannel channel,
      List<String> names,
      Map<String, Entry> entries,
      Map<String, UncheckedReason> refused,
      Map<String, String> refusedDetail,
      List<String> notes,
      Limits limits) {
    this.path = path;
    this.channel = channel;
    this.names = names;
    this.entries = entries;
    this.refused = refused;
    this.refusedDetail = refusedDetail;
    this.notes = notes;
    this.limits = limits;
  }

  static ZipArchive open(Path path, Limits limits) throws SourceException {
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new SourceException(
          path.toString(), "failed to open ZIP archive: " + e.getMessage(), e);
    }
    try {
      return read(path, ch, limits);
    } catch (SourceException | RuntimeException e) {
      closeQuietly(ch);
      throw e;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new SourceException(
          path.toString(), "not a readable ZIP archive: " + e.getMessage(), e);
    }
  }

  private static ZipArchive read(Path path, FileChannel ch, Limits limits)
      throws IOException, SourceException {
    long fileSize = ch.size();
    int tail = (int) Math.min(fileSize, 22 + 65535);
    ByteBuffer t = readAt(ch, fileSize - tail, tail);
    int end = -1;
    for (int i = tail - 22; i >= 0; i--) {
      if (t.getInt(i) == END) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw new IOException("no end of central directory record (damaged or not a ZIP archive)");
    }
    long endPos = fileSize - tail + end;
    int disk = Short.toUnsignedInt(t.getShort(end + 4));
    int cdDisk = Short.toUnsignedInt(t.getShort(end + 6));
    long count = Short.toUnsignedInt(t.getShort(end + 10));
    long cdSize = Integer.toUnsignedLong(t.getInt(end + 12));
    long cdOffset = Integer.toUnsignedLong(t.getInt(end + 16));
    if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
      if (endPos < 20) {
        throw new IOException("Zip64 archive without its end record locator");
      }
      ByteBuffer loc = readAt(ch, endPos - 20, 20);
      if (loc.getInt(0) != END64_LOCATOR) {
        throw new IOException("Zip64 archive without its end record locator");
      }
      long end64 = loc.getLong(8);
      if (end64 < 0 || end64 + 56 > endPos) {
        throw new IOException("Zip64 end record outside the archive");
      }
      ByteBuffer e64 = readAt(ch, end64, 56);
      if (e64.getInt(0) != END64) {
        throw new IOException("Zip64 end record missing");
      }
      disk = e64.getInt(16);
      cdDisk = e64.getInt(20);
      count = e64.getLong(32);
      cdSize = e64.getLong(40);
      cdOffset = e64.getLong(48);
    }
    if (disk != 0 || cdDisk != 0) {
      throw new SourceException(
          path.toString(), "a split (multi-part) ZIP archive; join the parts first");
    }
    if (count < 0 || count > limits.zipMaxEntries()) {
      throw tooManyEntries(path, count, limits);
    }
    if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > endPos || count * 46 > cdSize) {
      throw new IOException("central directory outside the archive or too small");
    }
    List<Entry> list = new ArrayList<>((int) Math.min(count, 100_000));
    try (InputStream in =
        new BufferedInputStream(
            new Bounded(Channels.newInputStream(ch.position(cdOffset)), cdSize), 1 << 16)) {
      for (long i = 0; i < count; i++) {
        list.add(readEntry(in));
      }
    }
    Map<String, Entry> byName = new HashMap<>();
    Map<String, UncheckedReason> refused = new HashMap<>();
    Map<String, String> detail = new HashMap<>();
    Set<String> notes = new LinkedHashSet<>();
    long total = 0;
    for (Entry e : list) {
      if (byName.putIfAbsent(e.name(), e) != null) {
        refused.put(e.name(), UncheckedReason.ZIP_DUPLICATE_ENTRY);
        detail.put(e.name(), "two entries have this name; which one is meant cannot be told");
      }
      long declared = e.size() < 0 ? limits.zipMaxBytes() : e.size();
      total += declared;
      if (total > limits.zipMaxBytes() || total < 0) {
        throw new SourceException(
            path.toString(),
            "declares at least "
                + Limits.bytes(total < 0 ? Long.MAX_VALUE : total)
                + " uncompressed, over the cap of "
                + Limits.bytes(limits.zipMaxBytes())
                + " (possible ZIP bomb; not extracted)",
            new LimitExceeded(
                LimitExceeded.Limit.ZIP_TOTAL_BYTES,
                total < 0 ? Long.MAX_VALUE : total,
                limits.zipMaxBytes()));
      }
      String why = check(e, limits, cdOffset);
      if (why != null && !refused.containsKey(e.name())) {
        refused.put(e.name(), reasonOf(e, limits));
        detail.put(e.name(), why);
      }
      if ((e.flags() & 0x800) == 0 && !isAscii(e.rawName())) {
        notes.add(
            "entry names are not marked UTF-8; read as "
                + (e.name().equals(decode(e.rawName(), StandardCharsets.UTF_8))
                    ? "UTF-8"
                    : "GBK/GB18030 where they are not UTF-8")
                + " (the names shown may differ from what the sender saw)");
      }
    }
    if (total > (64L << 20) && total / Math.max(1, fileSize) > MAX_RATIO) {
      throw new SourceException(
          path.toString(),
          "declares "
              + Limits.bytes(total)
              + " uncompressed, "
              + total / Math.max(1, fileSize)
              + " times its own size (a ZIP bomb: pictures and videos barely compress); not"
              + " extracted");
    }
    overlaps(list, refused, detail);
    List<String> names = new ArrayList<>(byName.keySet());
    names.sort(null);
    return new ZipArchive(
        path, ch, List.copyOf(names), byName, refused, detail, List.copyOf(notes), limits);
  }

  private static Entry readEntry(InputStream in) throws IOException {
    ByteBuffer h = ByteBuffer.wrap(in.readNBytes(46)).order(ByteOrder.LITTLE_ENDIAN);
    if (h.capacity() < 46 || h.getInt(0) != CEN) {
      throw new IOException("damaged central directory (entry header expected)");
    }
    int flags = Short.toUnsignedInt(h.getShort(8));
    int method = Short.toUnsignedInt(h.getShort(10));
    long crc = Integer.toUnsignedLong(h.getInt(16));
    long csize = Integer.toUnsignedLong(h.getInt(20));
    long size = Integer.toUnsignedLong(h.getInt(24));
    int nameLen = Short.toUnsignedInt(h.getShort(28));
    int extraLen = Short.toUnsignedInt(h.getShort(30));
    int commentLen = Short.toUnsignedInt(h.getShort(32));
    long offset = Integer.toUnsignedLong(h.getInt(42));
    byte[] raw = readFully(in, nameLen);
    ByteBuffer extra = ByteBuffer.wrap(readFully(in, extraLen)).order(ByteOrder.LITTLE_ENDIAN);
    readFully(in, commentLen);
    while (extra.remaining() >= 4) {
      int id = Short.toUnsignedInt(extra.getShort());
      int len = Short.toUnsignedInt(extra.getShort());
      if (len > extra.remaining()) {
        break;
      }
      int next = extra.position() + len;
      if (id == 0x0001) {
        if (size == 0xFFFFFFFFL && extra.position() + 8 <= next) {
          size = extra.getLong();
        }
        if (csize == 0xFFFFFFFFL && extra.position() + 8 <= next) {
          csize = extra.getLong();
        }
        if (offset == 0xFFFFFFFFL && extra.position() + 8 <= next) {
          offset = extra.getLong();
        }
      }
      extra.position(next);
    }
    String name = (flags & 0x800) != 0 ? new String(raw, StandardCharsets.UTF_8) : decodeName(raw);
    return new Entry(name, raw, flags, method, crc, csize, size, offset);
  }

  private static byte[] readFully(InputStream in, int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException("central directory ends early");
    }
    return b;
  }

  /** UTF-8 when the bytes are valid UTF-8, else GB18030, else one character per byte. */
  static String decodeName(byte[] raw) {
    String s = decode(raw, StandardCharsets.UTF_8);
    if (s == null) {
      s = decode(raw, Charset.forName("GB18030"));
    }
    return s != null ? s : new String(raw, StandardCharsets.ISO_8859_1);
  }

  private static String decode(byte[] raw, Charset cs) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAscii(byte[] raw) {
    for (byte b : raw) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Why an entry cannot be read, from its central-directory header; null when it can. */
  private static String check(Entry e, Limits limits, long cdOffset) {
    if (e.isDirectory()) {
      return null;
    }
    if ((e.flags() & 1) != 0) {
      return "encrypted; Redress does not decrypt archives (unpack it with its password and give"
          + " the folder)";
    }
    if (e.method() != 0 && e.method() != 8) {
      return "compressed with method "
          + e.method()
          + ", which Redress does not read (only"
          + " stored and deflate); unpack it with another tool and give the folder";
    }
    if (e.size() > limits.zipMaxEntryBytes()) {
      return "declares "
          + Limits.bytes(e.size())
          + ", over the per-entry cap of "
          + Limits.bytes(limits.zipMaxEntryBytes())
          + "; if the file is genuine, raise the per-entry cap";
    }
    if (e.size() > RATIO_FROM_BYTES && e.size() / Math.max(1, e.compressedSize()) > MAX_RATIO) {
      return "would inflate "
          + e.size() / Math.max(1, e.compressedSize())
          + " times its compressed size (a ZIP bomb; pictures and videos barely compress)";
    }
    if (e.method() == 0 && e.size() != e.compressedSize()) {
      return "stored without compression, yet its two sizes differ (damaged or forged)";
    }
    if (e.localOffset() < 0
        || e.compressedSize() < 0
        || e.localOffset() + 30 + e.compressedSize() > cdOffset) {
      return "its data lies outside the archive's file area (damaged or forged)";
    }
    return null;
  }

  private static UncheckedReason reasonOf(Entry e, Limits limits) {
    if ((e.flags() & 1) != 0) {
      return UncheckedReason.ZIP_ENCRYPTED;
    }
    if (e.method() != 0 && e.method() != 8) {
      return UncheckedReason.ZIP_UNSUPPORTED;
    }
    if (e.size() > limits.zipMaxEntryBytes()) {
      return UncheckedReason.ZIP_ENTRY_TOO_LARGE;
    }
    if (e.size() > RATIO_FROM_BYTES && e.size() / Math.max(1, e.compressedSize()) > MAX_RATIO) {
      return UncheckedReason.ZIP_BOMB;
    }
    return UncheckedReason.ZIP_DAMAGED;
  }

  /** Entries whose data ranges overlap (a quoted-overlap bomb) are refused. */
  private static void overlaps(
      List<Entry> list, Map<String, UncheckedReason> refused, Map<String, String> detail) {
    List<Entry> files = new ArrayList<>();
    for (Entry e : list) {
      if (!e.isDirectory() && e.compressedSize() > 0) {
        files.add(e);
      }
    }
    files.sort((a, b) -> Long.compare(a.localOffset(), b.localOffset()));
    for (int i = 1; i < files.size(); i++) {
      Entry prev = files.get(i - 1);
      Entry cur = files.get(i);
      if (cur.localOffset() < prev.localOffset() + 30 + prev.compressedSize()) {
        for (Entry e : List.of(prev, cur)) {
          refused.putIfAbsent(e.name(), UncheckedReason.ZIP_BOMB);
          detail.putIfAbsent(e.name(), "shares its data with another entry (a ZIP bomb)");
        }
      }
    }
  }

  private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw new EOFException("archive ends early");
      }
    }
    return b.flip();
  }

  private static SourceException tooManyEntries(Path path, long count, Limits limits) {
    return new SourceException(
        path.toString(),
        "has " + count + " entries, over the cap of " + limits.zipMaxEntries() + " (not extracted)",
        new LimitExceeded(LimitExceeded.Limit.ZIP_ENTRIES, count, limits.zipMaxEntries()));
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing read yet; nothing to lose
    }
  }

  /** Entry names in sorted order, each once. */
  List<String> names() {
    return names;
  }

  /** The entry, or null. */
  Entry entry(String name) {
    return entries.get(name);
  }

  /** Why an entry cannot be read (checked by its headers at open), or null. */
  UncheckedReason refusal(String name) {
    return refused.get(name);
  }

  /** The details of {@link #refusal}. */
  String refusalDetail(String name) {
    return refusedDetail.get(name);
  }

  /** Notes on the archive as a whole (names not in UTF-8…), for the read's problems. */
  List<String> notes() {
    return notes;
  }

  /** Every entry refused at open, by name, sorted. */
  List<String> refusedNames() {
    List<String> out = new ArrayList<>(refused.keySet());
    out.sort(null);
    return out;
  }

  /** {@code /path/archive.zip!/entry}. */
  String display(String entry) {
    return path + "!/" + entry;
  }

  /**
   * Opens an entry after checking its local header against the central directory, refusing to
   * inflate more bytes than it declares and checking its CRC-32 at the end.
   *
   * @throws IOException when the entry is gone, refused, cannot be read, disagrees with its local
   *     header, exceeds its declared size or fails its CRC
   */
  InputStream open(String name) throws IOException {
    Entry e = entries.get(name);
    if (e == null || e.isDirectory()) {
      throw new IOException(display(name) + ": no such entry");
    }
    UncheckedReason r = refused.get(name);
    if (r != null) {
      throw new IOException(display(name) + ": " + refusedDetail.get(name));
    }
    ByteBuffer loc = readAt(channel, e.localOffset(), 30);
    if (loc.getInt(0) != LOC) {
      throw new IOException(display(name) + ": no local header where the directory says");
    }
    int flags = Short.toUnsignedInt(loc.getShort(6));
    int method = Short.toUnsignedInt(loc.getShort(8));
    int nameLen = Short.toUnsignedInt(loc.getShort(26));
    int extraLen = Short.toUnsignedInt(loc.getShort(28));
    byte[] localName = readAt(channel, e.localOffset() + 30, nameLen).array();
    if (method != e.method()
        || (flags & 1) != (e.flags() & 1)
        || !Arrays.equals(localName, e.rawName())) {
      throw new IOException(
          display(name)
              + ": its local header disagrees with the central directory (name, method or"
              + " encryption); not read");
    }
    long data = e.localOffset() + 30 + nameLen + extraLen;
    InputStream raw = new ChannelRange(channel, data, e.compressedSize(), display(name));
    InputStream body =
        e.method() == 8 ? new InflaterInputStream(raw, new Inflater(true), 1 << 14) : raw;
    long limit = Math.min(e.size(), limits.zipMaxEntryBytes());
    return new SizeGuard(body, limit, display(name), e.crc());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Bytes {@code [pos, pos + left)} of the channel, read by position (thread-safe). */
  private static final class ChannelRange extends InputStream {
    private final FileChannel channel;
    private final String what;
    private long pos;
    private long left;

    ChannelRange(FileChannel channel, long pos, long left, String what) {
      this.channel = channel;
      this.pos = pos;
      this.left = left;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)), pos);
      if (n < 0) {
        throw new EOFException(what + ": the archive ends inside this entry");
      }
      pos += n;
      left -= n;
      return n;
    }
  }

  /** At most {@code left} bytes of {@code in}, never closing the channel beneath. */
  private static class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
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
    public void close() {
      // the channel belongs to the archive
    }
  }

  /**
   * Throws once more than {@code limit} bytes have been read; at the end, checks the CRC-32 when
   * every declared byte was read.
   */
  static final class SizeGuard extends FilterInputStream {
    private final long limit;
    private final String what;
    private final long expectedCrc;
    private final CRC32 crc = new CRC32();
    private long count;

    SizeGuard(InputStream in, long limit, String what, long expectedCrc) {
      super(in);
      this.limit = limit;
      this.what = what;
      this.expectedCrc = expectedCrc;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (java.util.zip.ZipException e) {
        throw new IOException(what + ": damaged compressed data: " + e.getMessage(), e);
      }
      if (n > 0) {
        add(n);
        crc.update(b, off, n);
      } else if (n < 0 && count == limit && crc.getValue() != expectedCrc) {
        throw new IOException(what + ": CRC-32 mismatch (damaged or altered entry)");
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[8192];
      long done = 0;
      while (done < n) {
        int r = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (r < 0) {
          break;
        }
        done += r;
      }
      return done;
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
