package org.redress.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_FRAME_THREADS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_SLICE_THREADS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.AV_STREAM_GROUP_PARAMS_TILE_GRID;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.AVStreamGroup;
import org.bytedeco.ffmpeg.avformat.AVStreamGroupTileGrid;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.redress.phash.PdqHasher;
import org.redress.phash.PdqResult;
import org.redress.phash.Vpdq;
import org.redress.phash.VpdqFrame;

/**
 * Everything Redress decodes through FFmpeg (JavaCV): video frames for vPDQ, and still formats
 * ImageIO cannot read (HEIC/HEIF/AVIF). Package-private: {@link MediaHasher} is the front door.
 *
 * <p>Implementation notes (vPDQ). The decode loop follows the vPDQ reference ({@code
 * vpdq/cpp/hashing/filehasher.cpp}, {@code ffmpegwrapper.cpp} in facebook/ThreatExchange): the
 * first video stream; frame rate {@code avg_frame_rate}, else {@code r_frame_rate}; frames numbered
 * in the order the decoder returns them (the decoder is flushed at the end); frame {@code n} kept
 * when {@code n % max(1, (int) (secondsPerFrame * fps)) == 0}; conversion to RGB24 at the stream's
 * size with {@code sws_getContext(..., SWS_AREA)} and swscale's default colour matrix (as the
 * reference: BT.601, range from the pixel format); PDQ over the packed rows; timestamp {@code
 * (float) n / (float) fps}. See {@code docs/vpdq.md}.
 */
final class FfmpegMedia {
  /**
   * Bytes allocated past the end of every swscale destination. swscale's SIMD output code writes
   * whole vectors, so a packed RGB24 row whose length is not a multiple of the vector width is
   * overrun by up to a few dozen bytes; within the image the next row overwrites that, but after
   * the last row it lands outside the buffer. Without this padding native heap corruption
   * ("malloc_consolidate(): invalid chunk size") aborted the JVM about once in six test runs.
   */
  static final long SWS_TAIL_PADDING = 4096;

  /** Largest video frame accepted (8192 × 8192); the RGB buffer is allocated at this size. */
  static final long MAX_VIDEO_PIXELS = 8192L * 8192L;

  /** {@code FF_THREAD_SLICE} from libavcodec/avcodec.h (the presets do not map it). */
  private static final int FF_THREAD_SLICE = 2;

  /** {@code FF_THREAD_FRAME} from libavcodec/avcodec.h. */
  private static final int FF_THREAD_FRAME = 1;

  private FfmpegMedia() {}

  /** A video's display size and its sampled frame hashes. */
  record VideoHashes(int width, int height, List<VpdqFrame> frames) {}

  /** A decoded still image as packed RGB ({@code 0xRRGGBB}), row-major. */
  record StillImage(int width, int height, int[] rgb) {}

  /**
   * Hashes one frame every {@code secondsPerFrame} seconds ({@code 0}: every frame), decoding on
   * one thread.
   *
   * @throws MediaException when the file is not a video or has no decodable frame
   */
  static VideoHashes hashVideo(Path file, double secondsPerFrame) throws MediaException {
    return hashVideo(file, secondsPerFrame, 1);
  }

  /**
   * Like {@link #hashVideo(Path, double)} with {@code decoderThreads} slice threads in the decoder
   * ({@code 0}: FFmpeg picks, as the reference does). Threading never changes decoded pixels.
   *
   * @throws MediaException when the file is not a video or has no decodable frame
   */
  static VideoHashes hashVideo(Path file, double secondsPerFrame, int decoderThreads)
      throws MediaException {
    if (!(secondsPerFrame >= 0) || Double.isInfinite(secondsPerFrame)) {
      throw new IllegalArgumentException(
          "seconds per frame must be finite and >= 0, was " + secondsPerFrame);
    }
    try {
      return decodeVideo(file, secondsPerFrame, decoderThreads, true);
    } catch (SkipPlan.Failed e) {
      return decodeVideoEveryPacket(file, secondsPerFrame, decoderThreads);
    }
  }

  /** Decodes every packet (no {@link SkipPlan}): the reference's own loop. */
  static VideoHashes decodeVideoEveryPacket(Path file, double secondsPerFrame, int decoderThreads)
      throws MediaException {
    try {
      return decodeVideo(file, secondsPerFrame, decoderThreads, false);
    } catch (SkipPlan.Failed e) {
      throw new AssertionError("no plan, nothing to fail", e);
    }
  }

  /** The plan {@link #hashVideo} would decode {@code file} with, or {@code null} (for tests). */
  static SkipPlan skipPlan(Path file, double secondsPerFrame) throws MediaException {
    AVFormatContext fmt = FfmpegNatives.open(file, FfmpegNatives.VIDEO_DEMUXERS, "a video");
    try (VideoDecoder d = new VideoDecoder(file, fmt, 1)) {
      d.frameInterval = Vpdq.frameInterval(secondsPerFrame, d.fps);
      return d.frameInterval > 1 ? d.plan() : null;
    } finally {
      FfmpegNatives.close(fmt);
    }
  }

  /** Decodes with a plan when {@code mayLeaveOut}; throws {@link SkipPlan.Failed} if it failed. */
  static VideoHashes decodeVideo(
      Path file, double secondsPerFrame, int decoderThreads, boolean mayLeaveOut)
      throws MediaException, SkipPlan.Failed {
    AVFormatContext fmt = FfmpegNatives.open(file, FfmpegNatives.VIDEO_DEMUXERS, "a video");
    try (VideoDecoder d = new VideoDecoder(file, fmt, decoderThreads)) {
      return d.run(secondsPerFrame, mayLeaveOut);
    } finally {
      FfmpegNatives.close(fmt);
    }
  }

  /** One open video stream: decoder, converter, buffers. Not thread-safe. */
  private static final class VideoDecoder implements AutoCloseable {
    private final Path file;
    private final AVFormatContext fmt;
    private final int streamIndex;
    private final int width;
    private final int height;
    private final double fps;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    private SwsContext sws;
    private BytePointer rgb;
    private final PointerPointer<BytePointer> rgbPlanes = new PointerPointer<>(4);
    private final IntPointer rgbStrides = new IntPointer(4);
    private byte[] rgbBytes;
    private final PdqHasher hasher = new PdqHasher();
    private final List<VpdqFrame> out = new ArrayList<>();
    private int frameInterval;
    private SkipPlan plan;
    private int frameNumber;
    private long packets;
    private int badPackets;
    private String lastError;

    VideoDecoder(Path file, AVFormatContext fmt, int decoderThreads) throws MediaException {
      this.file = file;
      this.fmt = fmt;
      int r = avformat_find_stream_info(fmt, (AVDictionary) null);
      if (r < 0) {
        throw new MediaException(
            file, "not a video FFmpeg can read (" + FfmpegNatives.error(r) + ")");
      }
      int index = -1;
      for (int i = 0; i < fmt.nb_streams(); i++) {
        if (fmt.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
          index = i;
          break;
        }
      }
      if (index < 0) {
        throw new MediaException(file, "no video stream");
      }
      streamIndex = index;
      AVStream stream = fmt.streams(index);
      AVCodecParameters par = stream.codecpar();
      width = par.width();
      height = par.height();
      if (width <= 0 || height <= 0) {
        throw new MediaException(file, "video stream has no size");
      }
      if ((long) width * height > MAX_VIDEO_PIXELS) {
        throw new MediaLimitExceeded(
            file,
            MediaLimitExceeded.Limit.VIDEO_FRAME_PIXELS,
            (long) width * height,
            MAX_VIDEO_PIXELS,
            "video is "
                + width
                + "x"
                + height
                + ", larger than the "
                + MAX_VIDEO_PIXELS
                + "-pixel limit");
      }
      if (width < PdqHasher.MIN_HASHABLE_DIM || height < PdqHasher.MIN_HASHABLE_DIM) {
        throw new MediaException(
            file,
            "video is "
                + width
                + "x"
                + height
                + ", smaller than the "
                + PdqHasher.MIN_HASHABLE_DIM
                + "-pixel minimum PDQ can hash");
      }
      fps = frameRate(stream);
      if (!(fps > 0) || Double.isInfinite(fps)) {
        throw new MediaException(file, "video frame rate is unknown or zero");
      }
      codec = openDecoder(file, par, decoderThreads);
    }

    private static double frameRate(AVStream stream) {
      AVRational r = stream.avg_frame_rate();
      if (r.num() == 0 || r.den() == 0) {
        r = stream.r_frame_rate();
      }
      return r.den() == 0 ? 0 : (double) r.num() / (double) r.den();
    }

    VideoHashes run(double secondsPerFrame, boolean mayLeaveOut)
        throws MediaException, SkipPlan.Failed {
      frameInterval = Vpdq.frameInterval(secondsPerFrame, fps);
      packet = av_packet_alloc();
      frame = av_frame_alloc();
      plan = mayLeaveOut && frameInterval > 1 ? plan() : null;
      int r;
      while ((r = av_read_frame(fmt, packet)) >= 0) {
        try {
          if (packet.stream_index() == streamIndex) {
            if (plan == null || !plan.skip((int) packets)) {
              decode(packet);
            }
            packets++;
          }
        } finally {
          av_packet_unref(packet);
        }
      }
      if (r != AVERROR_EOF()) {
        lastError = FfmpegNatives.error(r);
      }
      decode(null); // flush
      if (plan != null && (packets != plan.packets() || out.size() != plan.sampledFrames())) {
        throw new SkipPlan.Failed("sampled frames missing");
      }
      if (out.isEmpty()) {
        String why = lastError != null ? " (" + lastError + ")" : "";
        throw new MediaException(file, "no decodable video frames" + why);
      }
      long indexed = fmt.streams(streamIndex).nb_frames();
      if (indexed > 0 && packets < indexed) {
        throw new MediaException(
            file,
            "truncated video: the index lists " + indexed + " frames, the file holds " + packets);
      }
      return new VideoHashes(width, height, List.copyOf(out));
    }

    private void decode(AVPacket p) throws MediaException, SkipPlan.Failed {
      int r = avcodec_send_packet(codec, p);
      if (r < 0 && r != AVERROR_EOF() && plan != null) {
        throw new SkipPlan.Failed("decoding error");
      }
      if (r < 0 && r != AVERROR_EOF()) {
        // The reference gives up on the whole video here; a damaged packet in the middle of a
        // long video should not cost the frames around it.
        badPackets++;
        lastError = FfmpegNatives.error(r);
        return;
      }
      while (true) {
        r = avcodec_receive_frame(codec, frame);
        if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
          return;
        }
        if (r < 0 && plan != null) {
          throw new SkipPlan.Failed("decoding error");
        }
        if (r < 0) {
          badPackets++;
          lastError = FfmpegNatives.error(r);
          return;
        }
        if (plan != null) {
          // Numbered by presentation time; must come out in order, as in a full decode.
          int number = plan.frameNumber(frame.pts());
          if (number <= frameNumber - 1 || number < 0) {
            throw new SkipPlan.Failed("frame out of order");
          }
          frameNumber = number + 1;
          if (plan.sampled(number)) {
            hashFrame(number);
          }
          continue;
        }
        if (frameNumber % frameInterval == 0) {
          hashFrame(frameNumber);
        }
        frameNumber++;
      }
    }

    /**
     * Reads the stream's packets once, through a second demuxer, to plan which may be left out;
     * {@code null} when the stream is not length-prefixed H.264 or nothing can be left out.
     */
    private SkipPlan plan() throws MediaException {
      AVCodecParameters par = fmt.streams(streamIndex).codecpar();
      if (par.codec_id() != AV_CODEC_ID_H264
          || par.extradata_size() < 7
          || par.extradata().get(0) != 1) {
        return null;
      }
      int lengthSize = (par.extradata().get(4) & 3) + 1;
      AVFormatContext scan = FfmpegNatives.open(file, FfmpegNatives.VIDEO_DEMUXERS, "a video");
      AVPacket p = av_packet_alloc();
      try {
        long[] pts = new long[1024];
        boolean[] idr = new boolean[1024];
        boolean[] nonRef = new boolean[1024];
        int n = 0;
        while (av_read_frame(scan, p) >= 0) {
          try {
            if (p.stream_index() != streamIndex) {
              continue;
            }
            if (n == pts.length) {
              pts = Arrays.copyOf(pts, n * 2);
              idr = Arrays.copyOf(idr, n * 2);
              nonRef = Arrays.copyOf(nonRef, n * 2);
            }
            int kind = nalKind(p.data(), p.size(), lengthSize);
            if (kind < 0) {
              return null;
            }
            pts[n] = p.pts() == AV_NOPTS_VALUE ? Long.MIN_VALUE : p.pts();
            idr[n] = kind == 2;
            nonRef[n] = kind == 0;
            n++;
          } finally {
            av_packet_unref(p);
          }
        }
        return SkipPlan.of(
            Arrays.copyOf(pts, n), Arrays.copyOf(idr, n), Arrays.copyOf(nonRef, n), frameInterval);
      } finally {
        av_packet_free(p);
        FfmpegNatives.close(scan);
      }
    }

    private void hashFrame(int number) throws MediaException {
      int fw = frame.width();
      int fh = frame.height();
      sws =
          sws_getCachedContext(
              sws,
              fw,
              fh,
              frame.format(),
              width,
              height,
              AV_PIX_FMT_RGB24,
              SWS_AREA,
              null,
              null,
              (DoublePointer) null);
      if (sws == null || sws.isNull()) {
        throw new MediaException(
            file, "cannot convert video frames of pixel format " + frame.format() + " to RGB");
      }
      int stride = width * 3;
      if (rgb == null) {
        long size = (long) stride * height;
        rgb = new BytePointer(av_malloc(size + SWS_TAIL_PADDING)).capacity(size);
        rgbPlanes.put(0, rgb);
        rgbStrides.put(0, stride);
        rgbBytes = new byte[(int) size];
      }
      sws_scale(sws, frame.data(), frame.linesize(), 0, fh, rgbPlanes, rgbStrides);
      rgb.position(0).get(rgbBytes);
      PdqResult h = hasher.hashInterleaved(rgbBytes, width, height, 3, stride);
      out.add(new VpdqFrame(number, h.pdq(), h.quality(), Vpdq.timestamp(number, fps)));
    }

    @Override
    public void close() {
      if (codec != null) {
        avcodec_free_context(codec);
        codec = null;
      }
      if (packet != null) {
        av_packet_free(packet);
      }
      if (frame != null) {
        av_frame_free(frame);
      }
      if (sws != null) {
        sws_freeContext(sws);
      }
      if (rgb != null) {
        av_free(rgb);
      }
      rgbPlanes.close();
      rgbStrides.close();
    }
  }

  /**
   * Classifies one length-prefixed H.264 access unit: 2 an IDR picture, 0 a non-reference picture,
   * 1 any other picture, -1 malformed or no picture.
   */
  static int nalKind(BytePointer data, int size, int lengthSize) {
    boolean vcl = false;
    boolean ref = false;
    boolean idr = false;
    long pos = 0;
    while (pos + lengthSize <= size) {
      long len = 0;
      for (int i = 0; i < lengthSize; i++) {
        len = (len << 8) | (data.get(pos + i) & 0xff);
      }
      pos += lengthSize;
      if (len <= 0 || pos + len > size) {
        return -1;
      }
      int header = data.get(pos) & 0xff;
      int type = header & 0x1f;
      if (type >= 1 && type <= 5) {
        vcl = true;
        ref |= (header & 0x60) != 0;
        idr |= type == 5;
      }
      pos += len;
    }
    if (!vcl || pos != size) {
      return -1;
    }
    return idr ? 2 : ref ? 1 : 0;
  }

  private static AVCodecContext openDecoder(Path file, AVCodecParameters par, int threads)
      throws MediaException {
    AVCodec decoder = avcodec_find_decoder(par.codec_id());
    if (decoder == null || decoder.isNull()) {
      throw new MediaException(file, "unsupported codec " + codecName(par.codec_id()));
    }
    AVCodecContext ctx = avcodec_alloc_context3(decoder);
    if (ctx == null || ctx.isNull()) {
      throw new MediaException(file, "failed to allocate a decoder");
    }
    int r = avcodec_parameters_to_context(ctx, par);
    if (r >= 0) {
      int caps = decoder.capabilities();
      int types =
          ((caps & AV_CODEC_CAP_FRAME_THREADS) != 0 ? FF_THREAD_FRAME : 0)
              | ((caps & AV_CODEC_CAP_SLICE_THREADS) != 0 ? FF_THREAD_SLICE : 0);
      if (threads != 1 && types != 0) {
        // Frame and slice threads (FFmpeg's default, the reference's setting): neither changes
        // the decoded pixels or the output order, frame threads only delay the output.
        ctx.thread_count(threads);
        ctx.thread_type(types);
      } else {
        ctx.thread_count(1);
      }
      r = avcodec_open2(ctx, decoder, (AVDictionary) null);
    }
    if (r < 0) {
      avcodec_free_context(ctx);
      throw new MediaException(
          file,
          "cannot open the "
              + codecName(par.codec_id())
              + " decoder ("
              + FfmpegNatives.error(r)
              + ")");
    }
    return ctx;
  }

  private static String codecName(int id) {
    BytePointer name = avcodec_get_name(id);
    return name == null || name.isNull() ? "#" + id : name.getString();
  }

  // ------------------------------------------------------------------ stills (HEIC/HEIF/AVIF)

  /**
   * Decodes the primary image of a still file that ImageIO cannot read (HEIC/HEIF/AVIF), tiled or
   * not. The size is checked against {@code maxPixels} from the container header, before any pixel
   * is decoded.
   *
   * @throws MediaException when FFmpeg cannot decode it or it exceeds {@code maxPixels}
   */
  static StillImage decodeStill(Path file, long maxPixels) throws MediaException {
    AVFormatContext fmt = FfmpegNatives.open(file, FfmpegNatives.STILL_DEMUXERS, "an image");
    try {
      AVStreamGroup group = tileGridGroup(fmt);
      if (group != null) {
        AVStreamGroupTileGrid grid = group.params_tile_grid();
        checkPixels(file, grid.width(), grid.height(), maxPixels);
        return decodeGrid(file, fmt, group);
      }
      int index = primaryStream(fmt);
      if (index < 0) {
        throw new MediaException(file, "no image in the file");
      }
      AVCodecParameters par = fmt.streams(index).codecpar();
      checkPixels(file, par.width(), par.height(), maxPixels);
      int[] rgb = new int[par.width() * par.height()];
      decodeInto(
          file, fmt, new int[] {index}, new int[][] {{0, 0}}, rgb, par.width(), par.height());
      return new StillImage(par.width(), par.height(), rgb);
    } finally {
      FfmpegNatives.close(fmt);
    }
  }

  private static void checkPixels(Path file, int w, int h, long maxPixels) throws MediaException {
    if (w <= 0 || h <= 0) {
      throw new MediaException(file, "image has no size");
    }
    long pixels = (long) w * h;
    if (pixels > maxPixels) {
      throw new MediaLimitExceeded(
          file,
          MediaLimitExceeded.Limit.IMAGE_PIXELS,
          pixels,
          maxPixels,
          "image is "
              + w
              + "x"
              + h
              + " ("
              + pixels
              + " pixels), over the limit of "
              + maxPixels
              + " pixels");
    }
  }

  private static AVStreamGroup tileGridGroup(AVFormatContext fmt) {
    for (int i = 0; i < fmt.nb_stream_groups(); i++) {
      AVStreamGroup g = fmt.stream_groups(i);
      if (g.type() == AV_STREAM_GROUP_PARAMS_TILE_GRID) {
        return g;
      }
    }
    return null;
  }

  /** The stream FFmpeg marks as the primary item, else the first video stream. */
  private static int primaryStream(AVFormatContext fmt) {
    int first = -1;
    for (int i = 0; i < fmt.nb_streams(); i++) {
      AVStream s = fmt.streams(i);
      if (s.codecpar().codec_type() != AVMEDIA_TYPE_VIDEO
          || (s.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
        continue;
      }
      if ((s.disposition() & AV_DISPOSITION_DEFAULT) != 0) {
        return i;
      }
      if (first < 0) {
        first = i;
      }
    }
    return first;
  }

  private static StillImage decodeGrid(Path file, AVFormatContext fmt, AVStreamGroup group)
      throws MediaException {
    AVStreamGroupTileGrid grid = group.params_tile_grid();
    int n = grid.nb_tiles();
    int[] streams = new int[n];
    int[][] offsets = new int[n][];
    for (int t = 0; t < n; t++) {
      streams[t] = group.streams(grid.offsets_idx(t)).index();
      offsets[t] =
          new int[] {
            grid.offsets_horizontal(t) - grid.horizontal_offset(),
            grid.offsets_vertical(t) - grid.vertical_offset()
          };
    }
    int w = grid.width();
    int h = grid.height();
    int[] rgb = new int[w * h];
    decodeInto(file, fmt, streams, offsets, rgb, w, h);
    return new StillImage(w, h, rgb);
  }

  /**
   * Decodes the first frame of each listed stream and paints it at its offset (clipped) into the
   * canvas.
   */
  private static void decodeInto(
      Path file, AVFormatContext fmt, int[] streams, int[][] offsets, int[] canvas, int w, int h)
      throws MediaException {
    int n = streams.length;
    AVCodecContext[] codecs = new AVCodecContext[fmt.nb_streams()];
    boolean[] done = new boolean[n];
    int remaining = n;
    AVPacket packet = av_packet_alloc();
    AVFrame frame = av_frame_alloc();
    String lastError = null;
    try {
      for (int t = 0; t < n; t++) {
        int s = streams[t];
        if (codecs[s] == null) {
          codecs[s] = openDecoder(file, fmt.streams(s).codecpar(), 1);
        }
      }
      int r;
      while (remaining > 0 && (r = av_read_frame(fmt, packet)) >= 0) {
        try {
          int s = packet.stream_index();
          if (s < codecs.length && codecs[s] != null) {
            remaining -= feed(codecs[s], packet, frame, s, streams, offsets, done, canvas, w, h);
          }
        } finally {
          av_packet_unref(packet);
        }
      }
      for (int s = 0; s < codecs.length && remaining > 0; s++) {
        if (codecs[s] != null) {
          remaining -= feed(codecs[s], null, frame, s, streams, offsets, done, canvas, w, h);
        }
      }
    } catch (RuntimeException e) {
      lastError = e.getMessage();
    } finally {
      for (AVCodecContext c : codecs) {
        if (c != null) {
          avcodec_free_context(c);
        }
      }
      av_packet_free(packet);
      av_frame_free(frame);
    }
    if (remaining > 0) {
      throw new MediaException(
          file,
          (remaining == n ? "no decodable image" : remaining + " of " + n + " image tiles missing")
              + (lastError != null ? " (" + lastError + ")" : ""));
    }
  }

  /** Sends one packet (or the flush) and paints every tile that comes out; returns tiles done. */
  private static int feed(
      AVCodecContext codec,
      AVPacket packet,
      AVFrame frame,
      int stream,
      int[] streams,
      int[][] offsets,
      boolean[] done,
      int[] canvas,
      int w,
      int h) {
    int painted = 0;
    int r = avcodec_send_packet(codec, packet);
    if (r < 0 && r != AVERROR_EOF()) {
      return 0;
    }
    while (avcodec_receive_frame(codec, frame) >= 0) {
      for (int t = 0; t < streams.length; t++) {
        if (!done[t] && streams[t] == stream) {
          paint(frame, offsets[t][0], offsets[t][1], canvas, w, h);
          done[t] = true;
          painted++;
          break;
        }
      }
    }
    return painted;
  }

  /** Converts a frame to RGB with its own colour matrix and range, and paints it (clipped). */
  private static void paint(AVFrame frame, int x0, int y0, int[] canvas, int w, int h) {
    int fw = frame.width();
    int fh = frame.height();
    SwsContext sws =
        sws_getCachedContext(
            null,
            fw,
            fh,
            frame.format(),
            fw,
            fh,
            AV_PIX_FMT_RGB24,
            SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT,
            null,
            null,
            (DoublePointer) null);
    if (sws == null || sws.isNull()) {
      throw new IllegalStateException("cannot convert pixel format " + frame.format() + " to RGB");
    }
    int stride = fw * 3;
    BytePointer buf =
        new BytePointer(av_malloc((long) stride * fh + SWS_TAIL_PADDING))
            .capacity((long) stride * fh);
    try (PointerPointer<BytePointer> planes = new PointerPointer<>(4);
        IntPointer strides = new IntPointer(4)) {
      IntPointer coeffs = sws_getCoefficients(frame.colorspace());
      sws_setColorspaceDetails(
          sws,
          coeffs,
          frame.color_range() == AVCOL_RANGE_JPEG ? 1 : 0,
          sws_getCoefficients(SWS_CS_DEFAULT),
          1,
          0,
          1 << 16,
          1 << 16);
      planes.put(0, buf);
      strides.put(0, stride);
      sws_scale(sws, frame.data(), frame.linesize(), 0, fh, planes, strides);
      byte[] row = new byte[stride];
      for (int y = 0; y < fh; y++) {
        int cy = y0 + y;
        if (cy < 0 || cy >= h) {
          continue;
        }
        buf.position((long) y * stride).get(row);
        for (int x = 0; x < fw; x++) {
          int cx = x0 + x;
          if (cx >= 0 && cx < w) {
            int p = x * 3;
            canvas[cy * w + cx] =
                (row[p] & 0xFF) << 16 | (row[p + 1] & 0xFF) << 8 | (row[p + 2] & 0xFF);
          }
        }
      }
    } finally {
      av_free(buf.position(0));
      sws_freeContext(sws);
    }
  }
}
