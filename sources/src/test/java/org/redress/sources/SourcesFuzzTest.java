package org.redress.sources;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets for the readers of untrusted exports (issue 17, point 9). In a normal build Jazzer
 * replays the seed corpus in {@code src/test/resources/org/redress/sources/SourcesFuzzTestInputs}
 * (regression mode); {@code JAZZER_FUZZ=1} fuzzes one target for real (see docs/security.md,
 * "Fuzzing"). The property: whatever the bytes, a reader never throws and never hangs; damage
 * becomes problems in the summary.
 */
class SourcesFuzzTest {
  /** An export held in memory: the fuzzed page plus nothing else. */
  static final class MemoryExport extends ExportFiles {
    private final Map<String, byte[]> files = new HashMap<>();

    MemoryExport put(String name, byte[] bytes) {
      files.put(name, bytes);
      return this;
    }

    @Override
    String display(String relative) {
      return "mem:/" + relative;
    }

    @Override
    MediaRef resolveSafe(String field, String raw, String relative, MediaRef.Meta meta) {
      return MediaRef.unchecked(field, raw, display(relative), meta, UncheckedReason.MISSING_FILE);
    }

    @Override
    boolean isFile(String relative) {
      return files.containsKey(relative);
    }

    @Override
    InputStream open(String relative) throws IOException {
      byte[] b = files.get(relative);
      if (b == null) {
        throw new IOException(relative + ": missing");
      }
      return new ByteArrayInputStream(b);
    }

    @Override
    List<String> folders(String relative) {
      return List.of();
    }
  }

  private static Tally tally() {
    return new Tally(item -> {}, 100);
  }

  @FuzzTest(maxDuration = "60s")
  void telegramJson(byte[] data) {
    new TelegramJsonReader("mem:/result.json", new MemoryExport(), tally())
        .read(new ByteArrayInputStream(data));
  }

  @FuzzTest(maxDuration = "60s")
  void telegramHtml(byte[] data) {
    new TelegramHtmlReader(new MemoryExport().put("messages.html", data), tally()).read();
  }

  @FuzzTest(maxDuration = "60s")
  void telegramHtmlChatList(byte[] data) {
    MemoryExport export =
        new MemoryExport()
            .put("export_results.html", new byte[0])
            .put("lists/chats.html", data)
            .put("chats/chat_001/messages.html", data);
    new TelegramHtmlReader(export, tally()).read();
  }

  @FuzzTest(maxDuration = "60s")
  void zipArchive(byte[] data) throws IOException {
    Path dir = Files.createTempDirectory("redress-fuzz-zip");
    Path z = dir.resolve("fuzz.zip");
    try {
      Files.write(z, data);
      try (ZipArchive zip =
          ZipArchive.open(
              z,
              Limits.builder()
                  .zipMaxBytes(1L << 24)
                  .zipMaxEntries(1000)
                  .zipMaxEntryBytes(1L << 22)
                  .build())) {
        for (String name : zip.names()) {
          if (zip.entry(name).isDirectory() || zip.refusal(name) != null) {
            continue;
          }
          try (InputStream in = zip.open(name)) {
            in.transferTo(OutputStream.nullOutputStream());
          } catch (IOException expected) {
            // damage is reported per entry
          }
        }
      } catch (SourceException expected) {
        // an unreadable archive is refused with one line
      }
    } finally {
      Files.deleteIfExists(z);
      Files.deleteIfExists(dir);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void htmlDate(byte[] data) {
    PostDate.ofHtml(new String(data, java.nio.charset.StandardCharsets.UTF_8));
    PostDate.of(new String(data, java.nio.charset.StandardCharsets.UTF_8), null);
    PostDate.epoch(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
  }
}
