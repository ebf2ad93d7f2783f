package org.redress.sources;

import java.util.Locale;
import java.util.Set;

/** File-extension rules for loose files. */
final class MediaTypes {
  private static final Set<String> IMAGES =
      Set.of(
          "jpg", "jpeg", "jpe", "jfif", "png", "gif", "bmp", "webp", "heic", "heif", "avif", "tif",
          "tiff");
  private static final Set<String> VIDEOS =
      Set.of(
          "mp4", "m4v", "mov", "mkv", "webm", "avi", "flv", "3gp", "ts", "mts", "mpg", "mpeg",
          "wmv", "gifv");

  private MediaTypes() {}

  /** The lower-case extension of the last path segment, without the dot; empty if none. */
  static String extension(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    String name = path.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static MediaRef.MediaClass classOf(String path) {
    String ext = extension(path);
    if (IMAGES.contains(ext)) {
      return MediaRef.MediaClass.IMAGE;
    }
    if (VIDEOS.contains(ext)) {
      return MediaRef.MediaClass.VIDEO;
    }
    return MediaRef.MediaClass.OTHER;
  }

  /** True for files a scan hashes: images and videos by extension. */
  static boolean looksLikeMedia(String path) {
    return classOf(path) != MediaRef.MediaClass.OTHER;
  }
}
