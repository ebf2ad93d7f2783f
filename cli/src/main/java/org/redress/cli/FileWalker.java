package org.redress.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands command-line paths into files: a file named on the command line is always taken; a
 * directory is walked recursively (following links, detecting loops) in name order, taking the
 * files whose extension says media. Problems are collected as one-line messages, never thrown.
 */
final class FileWalker {
  static final Set<String> MEDIA_EXTENSIONS =
      Set.of(
          "jpg", "jpeg", "jpe", "jfif", "png", "gif", "bmp", "webp", "heic", "heif", "avif", "tif",
          "tiff", "mp4", "m4v", "mov", "mkv", "webm", "avi", "flv", "3gp", "ts", "mts", "mpg",
          "mpeg", "wmv", "gifv");

  record Result(List<Path> files, List<String> problems, int skipped) {}

  private FileWalker() {}

  static Result collect(List<Path> inputs) {
    return collect(inputs, true);
  }

  /**
   * As {@link #collect(List)}; with {@code mediaOnly} false, a directory gives every regular file
   * in it, whatever its name (evidence can be a page, a chat log or a PDF).
   */
  static Result collect(List<Path> inputs, boolean mediaOnly) {
    List<Path> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int[] skipped = {0};
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        walk(p, files, problems, skipped, mediaOnly);
      } else if (Files.exists(p) || Files.isSymbolicLink(p)) {
        files.add(p);
      } else {
        problems.add(p + Msg.get("files", "sep") + Msg.get("files", "missing"));
      }
    }
    return new Result(files, problems, skipped[0]);
  }

  static boolean looksLikeMedia(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && MEDIA_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static void walk(
      Path root, List<Path> files, List<String> problems, int[] skipped, boolean mediaOnly) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                if (!mediaOnly || looksLikeMedia(file)) {
                  found.add(file);
                } else {
                  skipped[0]++;
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(describe(file, e));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              if (e != null) {
                problems.add(describe(dir, e));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(describe(root, e));
    }
    found.sort(null);
    files.addAll(found);
  }

  static String describe(Path p, IOException e) {
    String at = p + Msg.get("files", "sep");
    if (e instanceof FileSystemLoopException) {
      return at + Msg.get("files", "loop");
    }
    if (e instanceof AccessDeniedException) {
      return at + Msg.get("files", "denied");
    }
    if (e instanceof NoSuchFileException) {
      return at + Msg.get("files", "missing");
    }
    return at
        + Msg.get(
            "files", "unreadable", Reasons.say(String.valueOf(e.getMessage()), "files", "why"));
  }
}
