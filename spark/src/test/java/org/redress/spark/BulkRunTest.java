package org.redress.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkRunTest {
  @Test
  void slices_twentyThousandFilesOnTwoCores_thirtyTwoTasksPerCore() {
    // 312 or 313 files a task: the core that finishes first waits for at most one short task.
    assertThat(BulkRun.slices(20_000, 2)).isEqualTo(64);
  }

  @Test
  void slices_fewThousandFiles_atLeastOneHundredFilesATask() {
    assertThat(BulkRun.slices(4_000, 2)).isEqualTo(40);
    assertThat(BulkRun.slices(1_000, 2)).isEqualTo(16);
  }

  @Test
  void slices_aFewVideos_spreadOverTheCores() {
    assertThat(BulkRun.slices(10, 2)).isEqualTo(10);
    assertThat(BulkRun.slices(1, 4)).isEqualTo(1);
  }

  @Test
  void slices_largeBatches_thirtyTwoPerCoreOrEightOnALargeCluster() {
    assertThat(BulkRun.slices(50_000, 400)).isEqualTo(3_200);
    assertThat(BulkRun.slices(50_000, 4)).isEqualTo(128);
    assertThat(BulkRun.slices(1_000_000, 4)).isEqualTo(2_000);
  }
}
