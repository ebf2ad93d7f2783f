package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review found extracted pictures left in temp after a crash: stale work folders are removed
 * when the next scan starts, live ones (locked by a running scan) are left alone.
 */
class WorkFolderTest {
  @TempDir Path tmp;

  private long folders() throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith(WorkFolder.PREFIX)).count();
    }
  }

  @Test
  void finding_extractedPicturesLeftAfterACrash_areRemovedWhenTheNextScanStarts() throws Exception {
    Path stale = Files.createDirectories(tmp.resolve(WorkFolder.PREFIX + "12345"));
    Files.writeString(stale.resolve("entry-1.jpg"), "extracted picture");
    Files.writeString(stale.resolve(".lock"), "");

    Path old = Files.createDirectories(tmp.resolve(WorkFolder.PREFIX + "777"));
    Files.writeString(old.resolve("entry-3.jpg"), "left by an older version, two days ago");
    Files.setLastModifiedTime(
        old,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
    Path young = Files.createDirectories(tmp.resolve(WorkFolder.PREFIX + "888"));

    try (WorkFolder live = WorkFolder.create(tmp)) {
      assertThat(stale).doesNotExist();
      assertThat(old).doesNotExist();
      assertThat(young).as("maybe a running older scan").exists();
      Files.delete(young);
      assertThat(live.dir()).isDirectory();
      assertThat(folders()).isEqualTo(1);
    }
    assertThat(folders()).as("removed at the end too").isZero();
  }

  @Test
  void create_whileAnotherScanRuns_leavesItsFolderAlone() throws Exception {
    try (WorkFolder first = WorkFolder.create(tmp)) {
      Files.writeString(first.dir().resolve("entry-2.jpg"), "in use");
      try (WorkFolder second = WorkFolder.create(tmp)) {
        assertThat(second.dir()).isNotEqualTo(first.dir());
        assertThat(first.dir().resolve("entry-2.jpg")).exists();
        assertThat(folders()).isEqualTo(2);
      }
    }
    assertThat(folders()).isZero();
  }
}
