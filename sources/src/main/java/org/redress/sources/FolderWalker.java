package org.redress.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks a folder recursively in name order (so two runs yield the same sequence). A folder holding
 * a {@code result.json} (or the HTML export's {@code messages.html} or {@code export_results.html})
 * is read as a Telegram export and not walked further. Symbolic links are followed only while they
 * stay inside the root; a directory reached twice (a link loop) is reported and skipped.
 */
final class FolderWalker {
  static final String RESULT_JSON = "result.json";

  private final Path root;
  private final Tally tally;
  private final Set<Path> visited = new HashSet<>();

  /** {@code root} must be a real path (see {@link Path#toRealPath}). */
  FolderWalker(Path root, Tally tally) {
    this.root = root;
    this.tally = tally;
  }

  void walk() {
    visit(root);
  }

  /** Reads the export file {@code json} whose media are in {@code dir} (a real path). */
  static void readExport(Path dir, Path json, Tally tally) {
    Path real;
    try {
      real = json.toRealPath();
    } catch (IOException e) {
      tally.problem(Problem.at(json.toString(), "failed to read: " + e.getMessage()));
      tally.partial = true;
      return;
    }
    if (!real.startsWith(dir)) {
      tally.problem(
          Problem.at(
              json.toString(),
              "is a link leading out of the export (to "
                  + real
                  + "); not read. Give the export's real folder instead"));
      tally.partial = true;
      return;
    }
    TelegramJsonReader reader =
        new TelegramJsonReader(json.toString(), new ExportFiles.Disk(dir), tally);
    try (InputStream in = Files.newInputStream(real)) {
      reader.read(in);
    } catch (IOException e) {
      tally.problem(Problem.at(json.toString(), "failed to read: " + e.getMessage()));
      tally.partial = true;
    }
  }

  /** True when {@code dir} holds a Telegram export: {@code result.json} or the HTML pages. */
  static boolean isExport(Path dir) {
    return Files.exists(dir.resolve(RESULT_JSON), LinkOption.NOFOLLOW_LINKS)
        || Files.isRegularFile(dir.resolve(TelegramHtmlReader.EXPORT_RESULTS))
        || Files.isRegularFile(dir.resolve(TelegramHtmlReader.MESSAGES));
  }

  /** Reads the export in {@code dir} (a real path): JSON when there is any, else HTML. */
  static void readExportDir(Path dir, Tally tally) {
    if (Files.exists(dir.resolve(RESULT_JSON), LinkOption.NOFOLLOW_LINKS)) {
      readExport(dir, dir.resolve(RESULT_JSON), tally);
    } else {
      new TelegramHtmlReader(new ExportFiles.Disk(dir), tally).read();
    }
  }

  private void visit(Path dir) {
    if (!visited.add(dir)) {
      tally.problem(Problem.at(dir.toString(), "directory loop (a link leads back here); skipped"));
      return;
    }
    if (isExport(dir)) {
      readExportDir(dir, tally);
      return;
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path c : ds) {
        children.add(c);
      }
    } catch (IOException e) {
      tally.problem(Problem.at(dir.toString(), "cannot list folder: " + e.getMessage()));
      tally.partial = true;
      return;
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path c : children) {
      visitChild(c);
    }
  }

  private void visitChild(Path c) {
    String rel = relative(c);
    Path real;
    try {
      real = c.toRealPath();
    } catch (IOException e) {
      if (MediaTypes.looksLikeMedia(rel)) {
        tally.loose(
            MediaRef.unchecked(
                "loose", rel, c.toString(), MediaRef.Meta.NONE, UncheckedReason.MISSING_FILE));
      } else {
        tally.problem(Problem.at(c.toString(), "cannot read: " + e.getMessage()));
      }
      return;
    }
    if (!real.startsWith(root)) {
      if (MediaTypes.looksLikeMedia(rel) || !Files.isDirectory(real)) {
        tally.loose(
            MediaRef.unchecked(
                "loose", rel, c.toString(), MediaRef.Meta.NONE, UncheckedReason.LINK_ESCAPE));
      } else {
        tally.problem(
            Problem.at(c.toString(), "link leads outside the folder, to " + real + "; skipped"));
      }
      return;
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      tally.problem(Problem.at(c.toString(), "cannot read: " + e.getMessage()));
      return;
    }
    if (attrs.isDirectory()) {
      visit(real);
    } else if (attrs.isRegularFile() && MediaTypes.looksLikeMedia(rel)) {
      MediaRef.Meta meta = new MediaRef.Meta(null, null, null, null, null, attrs.size(), null);
      tally.loose(MediaRef.onDisk("loose", rel, meta, real));
    } else {
      tally.skipped++;
    }
  }

  private String relative(Path c) {
    Path parentReal = c.getParent();
    String r;
    try {
      r = root.relativize(parentReal.toRealPath().resolve(c.getFileName())).toString();
    } catch (IOException | IllegalArgumentException e) {
      r = c.getFileName().toString();
    }
    return r.replace('\\', '/');
  }
}
