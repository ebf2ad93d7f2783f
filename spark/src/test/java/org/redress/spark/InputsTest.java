package org.redress.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the inputs on the driver. */
class InputsTest {
  @TempDir Path dir;

  @Test
  void list_nestedLocalFolder_takesMediaAndZipsWithSizeAndTimeSorted() throws IOException {
    Path in = dir.resolve("in");
    write(in.resolve("b/2.JPG"), 3, 2_000_000L);
    write(in.resolve("a/deep/1.png"), 5, 1_000_000L);
    write(in.resolve("a/more.zip"), 7, 3_000_000L);
    write(in.resolve("a/notes.txt"), 11, 4_000_000L);
    write(in.resolve("a/noext"), 13, 5_000_000L);

    Inputs.Listing l = Inputs.list(List.of(in.toString()), new Configuration());

    assertThat(l.problems()).isEmpty();
    assertThat(l.files())
        .extracting(
            f -> Inputs.display(f.getSource()), FileRow::getSourceSize, FileRow::getSourceMtime)
        .containsExactly(
            tuple(in + "/a/deep/1.png", 5L, 1_000_000L),
            tuple(in + "/a/more.zip", 7L, 3_000_000L),
            tuple(in + "/b/2.JPG", 3L, 2_000_000L));
  }

  /**
   * Hadoop's recursive {@code listFiles} forks {@code ls -ld} for every local file (its located
   * status asks for permissions): serial work on the driver that outweighed the hashing.
   */
  @Test
  void list_localFolderOf50Files_startsNoProcess() throws IOException {
    Path in = dir.resolve("many");
    for (int i = 0; i < 50; i++) {
      write(in.resolve(String.format(java.util.Locale.ROOT, "d%d/f%02d.jpg", i % 5, i)), 1, 0L);
    }
    Path jfr = dir.resolve("list.jfr");
    Inputs.Listing l;
    try (Recording r = new Recording()) {
      r.enable("jdk.ProcessStart");
      r.start();
      l = Inputs.list(List.of(in.toString()), new Configuration());
      r.stop();
      r.dump(jfr);
    }
    List<String> commands = new ArrayList<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (e.getEventType().getName().equals("jdk.ProcessStart")) {
        commands.add(e.getString("command"));
      }
    }
    assertThat(l.files()).hasSize(50);
    assertThat(commands).filteredOn(c -> c.contains(in.toString())).isEmpty();
  }

  private static void write(Path p, int bytes, long mtime) throws IOException {
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
    Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
  }
}
