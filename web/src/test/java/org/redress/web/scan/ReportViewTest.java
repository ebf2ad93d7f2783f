package org.redress.web.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportViewTest {
  static List<ReportView.Occurrence> occurrences(int n) {
    List<ReportView.Occurrence> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(
          new ReportView.Occurrence(
              "t", true, "c", "s", "i", "pdq", "0", false, "r", "1", String.valueOf(i)));
    }
    return out;
  }

  @Test
  void rows_firstPage_hasNextOnly() {
    ReportView.Rows r = ReportView.Rows.of(occurrences(450), 1, "/x?page=");
    assertThat(r.shown()).hasSize(200);
    assertThat(r.from()).isEqualTo(1);
    assertThat(r.to()).isEqualTo(200);
    assertThat(r.prevHref()).isNull();
    assertThat(r.nextHref()).isEqualTo("/x?page=2");
  }

  @Test
  void rows_lastPage_holdsTheRest() {
    ReportView.Rows r = ReportView.Rows.of(occurrences(450), 3, "/x?page=");
    assertThat(r.shown()).hasSize(50);
    assertThat(r.shown().get(0).messageId()).isEqualTo("401");
    assertThat(r.from()).isEqualTo(401);
    assertThat(r.to()).isEqualTo(450);
    assertThat(r.prevHref()).isEqualTo("/x?page=2");
    assertThat(r.nextHref()).isNull();
  }

  @Test
  void rows_pastTheEnd_isTheLastPage() {
    assertThat(ReportView.Rows.of(occurrences(450), 99, "/x?page=").from()).isEqualTo(401);
  }

  @Test
  void rows_none_isEmptyWithoutLinks() {
    ReportView.Rows r = ReportView.Rows.of(List.of(), 1, "/x?page=");
    assertThat(r.shown()).isEmpty();
    assertThat(r.from()).isZero();
    assertThat(r.prevHref()).isNull();
    assertThat(r.nextHref()).isNull();
  }
}
