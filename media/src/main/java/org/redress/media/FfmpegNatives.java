package org.redress.media;

import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the FFmpeg natives once, silences FFmpeg's log, and opens files safely: only the {@code
 * file} protocol and an allow-list of demuxers, so that a playlist or concat file cannot make
 * FFmpeg read other files or fetch URLs.
 */
final class FfmpegNatives {
  /** Container demuxers a video may use (names as FFmpeg's {@code AVInputFormat.name} lists). */
  static final String VIDEO_DEMUXERS =
      "mov,matroska,webm,avi,flv,mpegts,mpeg,mpegvideo,asf,ogg,gif,h264,hevc,m4v,h263,"
          + "mjpeg,mxf,rm,nut,ivf,obu,dv,yuv4mpegpipe,3gp";

  /** HEIF, HEIC and AVIF are ISO-BMFF files: FFmpeg reads their items with the mov demuxer. */
  static final String STILL_DEMUXERS = "mov";

  private static final Throwable LOAD_FAILURE = load();

  private FfmpegNatives() {}

  private static Throwable load() {
    try {
      Loader.load(avutil.class);
      Loader.load(avcodec.class);
      Loader.load(avformat.class);
      Loader.load(swscale.class);
      av_log_set_level(AV_LOG_QUIET);
      return null;
    } catch (LinkageError | RuntimeException e) {
      return e;
    }
  }

  /**
   * Makes sure the natives are loaded (once per JVM).
   *
   * @throws MediaException when they cannot be loaded on this platform
   */
  static void ensureLoaded(Path file) throws MediaException {
    if (LOAD_FAILURE != null) {
      throw new MediaException(
          file,
          "FFmpeg is not available on this platform ("
              + Loader.getPlatform()
              + "): "
              + LOAD_FAILURE.getMessage(),
          LOAD_FAILURE);
    }
  }

  /**
   * Checks the file is a readable, non-empty regular file.
   *
   * @throws MediaException naming what is wrong
   */
  static void checkReadable(Path file) throws MediaException {
    try {
      if (!Files.isRegularFile(file)) {
        throw new MediaException(file, Files.exists(file) ? "not a regular file" : "no such file");
      }
      if (Files.size(file) == 0) {
        throw new MediaException(file, "empty file");
      }
      if (!Files.isReadable(file)) {
        throw new MediaException(file, "not readable");
      }
    } catch (IOException e) {
      throw new MediaException(file, "failed to read file size: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a file with the given demuxer allow-list; the caller closes the context with {@link
   * #close}.
   *
   * @throws MediaException when FFmpeg cannot open it, naming its reason
   */
  static AVFormatContext open(Path file, String demuxers, String what) throws MediaException {
    ensureLoaded(file);
    checkReadable(file);
    AVFormatContext fmt = new AVFormatContext(null);
    AVDictionary opts = new AVDictionary(null);
    av_dict_set(opts, "protocol_whitelist", "file", 0);
    av_dict_set(opts, "format_whitelist", demuxers, 0);
    String url = "file:" + file.toAbsolutePath();
    int r;
    try (BytePointer u = new BytePointer(url, StandardCharsets.UTF_8)) {
      r = avformat_open_input(fmt, u, null, opts);
    } finally {
      av_dict_free(opts);
    }
    if (r < 0) {
      throw new MediaException(file, "not " + what + " FFmpeg can read (" + error(r) + ")");
    }
    return fmt;
  }

  static void close(AVFormatContext fmt) {
    if (fmt != null && !fmt.isNull()) {
      avformat_close_input(fmt);
    }
  }

  /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
  static String error(int code) {
    byte[] buf = new byte[256];
    if (av_strerror(code, buf, buf.length) < 0) {
      return "error " + code;
    }
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    return new String(buf, 0, n, StandardCharsets.UTF_8);
  }
}
