package org.redress.media;

import java.nio.file.Path;
import java.util.List;
import org.redress.phash.VpdqFrame;

/**
 * Everything Redress decodes through FFmpeg (JavaCV): video frames for vPDQ, and still formats
 * ImageIO cannot read (HEIC/HEIF). Package-private: {@link MediaHasher} is the front door.
 */
final class FfmpegMedia {
  private FfmpegMedia() {}

  /** A video's display size and its sampled frame hashes. */
  record VideoHashes(int width, int height, List<VpdqFrame> frames) {}

  /** A decoded still image as packed RGB ({@code 0xRRGGBB}), row-major. */
  record StillImage(int width, int height, int[] rgb) {}

  /**
   * Hashes one frame every {@code secondsPerFrame} seconds.
   *
   * @throws MediaException when the file is not a video or has no decodable frame
   */
  static VideoHashes hashVideo(Path file, double secondsPerFrame) throws MediaException {
    throw new MediaException(file, "video hashing is not available in this build yet");
  }

  /**
   * Decodes the first image of a still file that ImageIO cannot read (HEIC/HEIF).
   *
   * @throws MediaException when FFmpeg cannot decode it or it exceeds {@code maxPixels}
   */
  static StillImage decodeStill(Path file, long maxPixels) throws MediaException {
    throw new MediaException(file, "HEIC/HEIF decoding is not available in this build yet");
  }
}
