package org.redress.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: fixture exports copied into a temporary folder, and a collecting reader. */
final class Fixtures {
  private Fixtures() {}

  static byte[] resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/telegram/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the fixture as {@code dir/result.json} and returns {@code dir}. */
  static Path export(Path dir, String fixture) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("result.json"), resource(fixture));
    return dir;
  }

  static Path file(Path dir, String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  /** Everything a read yielded, and its summary. */
  record Read(List<Post> posts, List<MediaRef> loose, ReadSummary summary) {
    Post post(long messageId) {
      return posts.stream()
          .filter(p -> p.messageId() == messageId)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no message " + messageId));
    }

    MediaRef media(long messageId, String field) {
      return post(messageId).media().stream()
          .filter(m -> m.field().equals(field))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + field + " in message " + messageId));
    }
  }

  static Read read(Path path) throws SourceException {
    return read(path, Limits.defaults());
  }

  static Read read(Path path, Limits limits) throws SourceException {
    List<Post> posts = new ArrayList<>();
    List<MediaRef> loose = new ArrayList<>();
    try (Source s = Source.open(path, limits)) {
      ReadSummary summary =
          s.read(
              item -> {
                if (item instanceof Post p) {
                  posts.add(p);
                } else if (item instanceof MediaRef m) {
                  loose.add(m);
                }
              });
      return new Read(posts, loose, summary);
    }
  }
}
