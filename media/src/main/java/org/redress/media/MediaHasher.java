package org.redress.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;

/**
 * Hashes media files: PDQ (images), vPDQ (videos), MD5 and SHA-256 (all). Thread-safe; reuse one
 * instance across threads.
 *
 * <p>One call, {@link #hash}, does everything for one file: it recognises the format from the
 * file's first bytes (never its name), reads the declared size and refuses images over the pixel
 * limit before decoding, decodes, applies EXIF orientation (unless told to ignore it), samples the
 * pixels as the reference does, hashes them, and digests the file's bytes. Images are read into
 * memory once; videos are digested with a streaming read. See {@code docs/hashing.md}.
 */
public final class MediaHasher {
  /** Default pixel limit: larger images are refused before their pixels are allocated. */
  public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

  /** Image files larger than this are refused: they are read into memory whole. */
  static final long MAX_IMAGE_FILE_BYTES = 1L << 30;

  private static final ThreadLocal<PdqHasher> HASHERS = ThreadLocal.withInitial(PdqHasher::new);

  private final Orientation orientation;
  private final boolean dihedral;
  private final long maxPixels;
  private final double secondsPerFrame;

  private MediaHasher(Builder b) {
    this.orientation = b.orientation;
    this.dihedral = b.dihedral;
    this.maxPixels = b.maxPixels;
    this.secondsPerFrame = b.secondsPerFrame;
  }

  /** A builder with the defaults: orientation applied, no dihedral, default pixel limit, 1 s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Hashes one file.
   *
   * @param file an image or video file
   * @return its hashes, digests, size and (display) dimensions
   * @throws MediaException naming the file and the reason when it cannot be hashed: unreadable,
   *     empty, not a supported image or video, corrupt or truncated, or over the pixel limit
   */
  public MediaHash hash(Path file) throws MediaException {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    try {
      return hashChecked(file);
    } catch (MediaException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw new MediaException(
          file,
          "not enough memory to hash this file; give Java more heap"
              + " (-Xmx) or lower the pixel limit");
    } catch (RuntimeException e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new MediaException(file, "cannot decode: " + ImageDecoder.oneLine(msg), e);
    }
  }

  private MediaHash hashChecked(Path file) throws MediaException {
    if (Files.isDirectory(file)) {
      throw new MediaException(file, "cannot read: is a directory");
    }
    byte[] head = new byte[Format.HEAD];
    int n;
    long size;
    try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
      size = ch.size();
      n = readFully(ch, ByteBuffer.wrap(head));
    } catch (IOException e) {
      throw readFailure(file, e);
    }
    if (n == 0) {
      throw new MediaException(file, "empty file");
    }
    Format format = Format.detect(head, n);
    switch (format.family()) {
      case IMAGE:
        return hashImage(file, format, size);
      case STILL_FFMPEG:
        return hashStill(file);
      case VIDEO:
        return hashVideo(file);
      default:
        throw new MediaException(file, format.refusal());
    }
  }

  private MediaHash hashImage(Path file, Format format, long size) throws MediaException {
    if (size > MAX_IMAGE_FILE_BYTES) {
      throw new MediaLimitExceeded(
          file,
          MediaLimitExceeded.Limit.IMAGE_FILE_BYTES,
          size,
          MAX_IMAGE_FILE_BYTES,
          String.format(
              Locale.ROOT,
              "image file of %d bytes is over the limit of %d bytes",
              size,
              MAX_IMAGE_FILE_BYTES));
    }
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw readFailure(file, e);
    }
    Digests digests = Digests.of(data);
    ImageHeader header = ImageHeader.read(file, format, data);
    checkPixels(file, header.width, header.height);
    Pixels pixels = ImageDecoder.decode(file, data, header);
    int o = orientation == Orientation.APPLY ? header.orientation : Exif.UPRIGHT;
    return imageResult(file, Sampled.of(pixels, o), digests);
  }

  private MediaHash hashStill(Path file) throws MediaException {
    Digests digests = digestStream(file);
    FfmpegMedia.StillImage still = FfmpegMedia.decodeStill(file, maxPixels);
    checkPixels(file, still.width(), still.height());
    Pixels pixels = Pixels.ofPacked(still.rgb(), still.width(), still.height());
    return imageResult(file, Sampled.of(pixels, Exif.UPRIGHT), digests);
  }

  private MediaHash hashVideo(Path file) throws MediaException {
    DigestAside aside = DigestAside.start(file);
    FfmpegMedia.VideoHashes v;
    try {
      v = FfmpegMedia.hashVideo(file, secondsPerFrame);
    } catch (MediaException | RuntimeException | Error e) {
      aside.get(); // a file that cannot be read is reported as such, as when it was read first
      throw e;
    }
    Digests digests = aside.get();
    return new MediaHash(
        file,
        MediaKind.VIDEO,
        v.width(),
        v.height(),
        null,
        null,
        v.frames(),
        digests.md5(),
        digests.sha256(),
        digests.size());
  }

  private MediaHash imageResult(Path file, Sampled s, Digests digests) {
    PdqHasher hasher = HASHERS.get();
    PdqResult pdq;
    DihedralHashes dih = null;
    if (dihedral) {
      dih = s.hashDihedral(hasher);
      pdq = new PdqResult(dih.get(Dihedral.ORIGINAL), dih.quality());
    } else {
      pdq = s.hash(hasher);
    }
    return new MediaHash(
        file,
        MediaKind.IMAGE,
        s.width,
        s.height,
        pdq,
        dih,
        null,
        digests.md5(),
        digests.sha256(),
        digests.size());
  }

  private void checkPixels(Path file, int width, int height) throws MediaException {
    long pixels = (long) width * height;
    if (pixels > maxPixels) {
      throw new MediaLimitExceeded(
          file,
          MediaLimitExceeded.Limit.IMAGE_PIXELS,
          pixels,
          maxPixels,
          String.format(
              Locale.ROOT,
              "image declares %dx%d pixels, over the limit of %d",
              width,
              height,
              maxPixels));
    }
  }

  /**
   * MD5 and SHA-256 of a video, worked out on a thread of their own while FFmpeg decodes it. The
   * file is read twice, and that is the cheaper way (issue 21): the second read comes from the page
   * cache (about 10 ms of CPU for 30 MB), while FFmpeg reads an MP4 out of order (the index often
   * sits at the end), so digesting what it reads would need a Java read callback per block and a
   * reordering. The digests cost 0.08 CPU-s for 30 MB under C2 and 0.3 under C1 (a one-file run: no
   * SHA intrinsic), time that now overlaps the decoding when a core is free.
   */
  private static final class DigestAside {
    private final Path file;
    private final FutureTask<Digests> task;

    private DigestAside(Path file, FutureTask<Digests> task) {
      this.file = file;
      this.task = task;
    }

    static DigestAside start(Path file) {
      FutureTask<Digests> task = new FutureTask<>(() -> digestStream(file));
      Thread t = new Thread(task, "redress-digest");
      t.setDaemon(true);
      t.start();
      return new DigestAside(file, task);
    }

    Digests get() throws MediaException {
      try {
        return task.get();
      } catch (InterruptedException e) {
        task.cancel(true);
        Thread.currentThread().interrupt();
        throw new MediaException(file, "interrupted while reading");
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof MediaException m) {
          throw m;
        }
        if (c instanceof RuntimeException r) {
          throw r;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      }
    }
  }

  private static Digests digestStream(Path file) throws MediaException {
    try (InputStream in = Files.newInputStream(file)) {
      return Digests.of(in);
    } catch (IOException e) {
      throw readFailure(file, e);
    }
  }

  private static int readFully(SeekableByteChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        break;
      }
    }
    return buf.position();
  }

  static MediaException readFailure(Path file, IOException e) {
    if (e instanceof AccessDeniedException) {
      return new MediaException(file, "cannot read: permission denied", e);
    }
    if (e instanceof NoSuchFileException) {
      return new MediaException(file, "cannot read: no such file", e);
    }
    if (Files.isDirectory(file)) {
      return new MediaException(file, "cannot read: is a directory", e);
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new MediaException(file, "cannot read: " + ImageDecoder.oneLine(msg), e);
  }

  /** Whether EXIF orientation is applied. */
  public Orientation orientation() {
    return orientation;
  }

  /** Whether the eight dihedral variants are computed for images. */
  public boolean dihedral() {
    return dihedral;
  }

  /** The largest image, in pixels, that is decoded. */
  public long maxPixels() {
    return maxPixels;
  }

  /** Seconds between sampled video frames; 0 samples every frame. */
  public double secondsPerFrame() {
    return secondsPerFrame;
  }

  /** Options, each validated when set. */
  public static final class Builder {
    private Orientation orientation = Orientation.APPLY;
    private boolean dihedral;
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private double secondsPerFrame = 1.0;

    private Builder() {}

    /**
     * Whether to apply EXIF orientation (default {@link Orientation#APPLY}).
     *
     * @throws IllegalArgumentException when {@code o} is null
     */
    public Builder orientation(Orientation o) {
      if (o == null) {
        throw new IllegalArgumentException("orientation must not be null");
      }
      this.orientation = o;
      return this;
    }

    /** Whether to compute the eight dihedral variants of image hashes (default false). */
    public Builder dihedral(boolean d) {
      this.dihedral = d;
      return this;
    }

    /**
     * The largest image to decode, in pixels (width × height).
     *
     * @throws IllegalArgumentException when {@code p} is below 25 (5×5, PDQ's minimum)
     */
    public Builder maxPixels(long p) {
      if (p < 25) {
        throw new IllegalArgumentException("max pixels must be >= 25, was " + p);
      }
      this.maxPixels = p;
      return this;
    }

    /**
     * Seconds between sampled video frames; 0 hashes every frame.
     *
     * @throws IllegalArgumentException when {@code s} is negative, NaN or infinite
     */
    public Builder secondsPerFrame(double s) {
      if (!(s >= 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("seconds per frame must be >= 0 and finite, was " + s);
      }
      this.secondsPerFrame = s;
      return this;
    }

    /** A hasher with these options. */
    public MediaHasher build() {
      return new MediaHasher(this);
    }
  }
}
