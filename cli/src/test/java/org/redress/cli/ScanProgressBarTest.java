package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanProgressBarTest {
  @Test
  void line_afterTenSeconds_showsCountAndRateWithoutTotal() {
    String line = ScanProgressBar.line(120, 10.0);

    assertThat(line).startsWith("\r").contains("checked 120 media files").contains("12.0 files/s");
    assertThat(line).doesNotContainPattern("\\d+/\\d+").doesNotContain("ETA");
  }

  @Test
  void line_atStart_showsZeroRate() {
    assertThat(ScanProgressBar.line(0, 0.0)).contains("checked 0 media files  0.0 files");
  }
}
