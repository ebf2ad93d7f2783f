package org.redress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonFileTest {
  @TempDir Path tmp;

  @Test
  void read_folder_notARegularFile() {
    assertThatThrownBy(() -> ReportJson.read(tmp))
        .isInstanceOf(ReportException.NotARegularFile.class)
        .hasMessage(tmp + ": not a regular file (a spread report is a .json file)");
  }

  @Test
  void read_devZero_notARegularFileAtOnce() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
    assertThatThrownBy(() -> ReportJson.read(zero))
        .isInstanceOf(ReportException.NotARegularFile.class);
  }

  @Test
  void read_fileOverTheCap_tooLargeBeforeReading() throws Exception {
    Path big = tmp.resolve("big.json");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(ReportJson.MAX_BYTES + 1); // sparse: no gigabyte is written
    }
    assertThatThrownBy(() -> ReportJson.read(big))
        .isInstanceOfSatisfying(
            ReportException.TooLarge.class,
            e -> {
              assertThat(e.size()).isEqualTo(ReportJson.MAX_BYTES + 1);
              assertThat(e.max()).isEqualTo(ReportJson.MAX_BYTES);
            })
        .hasMessageContaining("more than the 1073741824 a spread report may have");
  }

  @Test
  void read_missingFile_noSuchFile() {
    Path none = tmp.resolve("none.json");
    assertThatThrownBy(() -> ReportJson.read(none))
        .isInstanceOf(ReportException.class)
        .hasMessage(none + ": no such file");
  }
}
