package org.redress.lawcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.law.LawBook;
import org.redress.law.NoVersionException;
import org.redress.law.Version;

/**
 * Every provision lineage has exactly one version on every day of its range, 1997-10-01 through
 * 2030-12-31, and asking outside its range is an error, never a silent default.
 */
class DateSweepTest {
  private static final LawBook BOOK = ChineseLaw.book();
  private static final LocalDate FIRST = LocalDate.of(1997, 10, 1);
  private static final LocalDate LAST = LocalDate.of(2030, 12, 31);

  @Test
  void everyLineage_hasExactlyOneVersionPerDayInItsRange_andAnErrorOutside() {
    for (String lineage : BOOK.lineages()) {
      List<Version> versions = BOOK.versions(lineage);
      LocalDate start = versions.get(0).inForce().from();
      for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
        final LocalDate day = d;
        long covering = versions.stream().filter(v -> v.inForce().contains(day)).count();
        if (day.isBefore(start)) {
          assertThat(covering).as("%s on %s", lineage, day).isZero();
          assertThatThrownBy(() -> BOOK.versionAt(lineage, day))
              .as("%s on %s", lineage, day)
              .isInstanceOf(NoVersionException.class)
              .hasMessageContaining(lineage)
              .hasMessageContaining(day.toString());
        } else {
          assertThat(covering).as("%s on %s", lineage, day).isEqualTo(1);
          assertThat(BOOK.versionAt(lineage, day).inForce().contains(day)).isTrue();
        }
      }
    }
  }

  @Test
  void psaplPrivacy_switchesFromArt42ToArt50On20260101() {
    assertThat(BOOK.versionAt("psapl.privacy", LocalDate.of(2013, 1, 1)).label())
        .isEqualTo("CN-PSAPL-2012-42");
    assertThat(BOOK.versionAt("psapl.privacy", LocalDate.of(2025, 12, 31)).label())
        .isEqualTo("CN-PSAPL-2012-42");
    assertThat(BOOK.versionAt("psapl.privacy", LocalDate.of(2026, 1, 1)).label())
        .isEqualTo("CN-PSAPL-2025-50");
    assertThatThrownBy(() -> BOOK.versionAt("psapl.privacy", LocalDate.of(2012, 12, 31)))
        .isInstanceOf(NoVersionException.class);
  }

  @Test
  void covertEquipmentOffence_isRecordedAbsentBefore2026() {
    assertThat(BOOK.versionAt("psapl.covert_equipment", LocalDate.of(2025, 12, 31)).absent())
        .isTrue();
    assertThat(BOOK.versionAt("psapl.covert_equipment", LocalDate.of(2026, 1, 1)).label())
        .isEqualTo("CN-PSAPL-2025-70");
  }

  @Test
  void criminalLawArticles_haveAVersionEveryDayFrom1997_orARecordedAbsence() {
    for (String lineage :
        List.of(
            "CN-CL-236",
            "CN-CL-237",
            "CN-CL-246",
            "CN-CL-283",
            "CN-CL-286-1",
            "CN-CL-287-1",
            "CN-CL-287-2",
            "CN-CL-363",
            "CN-CL-364",
            "CN-CL-87")) {
      assertThat(BOOK.versions(lineage).get(0).inForce().from())
          .as(lineage)
          .isEqualTo(LocalDate.of(1997, 10, 1));
    }
    assertThat(BOOK.versionAt("CN-CL-246", LocalDate.of(2015, 10, 31)).label())
        .isEqualTo("CN-CL-1997-246");
    assertThat(BOOK.versionAt("CN-CL-246", LocalDate.of(2015, 11, 1)).label())
        .isEqualTo("CN-CL-246");
    assertThat(BOOK.versionAt("CN-CL-236", LocalDate.of(2021, 2, 28)).label())
        .isEqualTo("CN-CL-1997-236");
    assertThat(BOOK.versionAt("CN-CL-287-1", LocalDate.of(2015, 10, 31)).absent()).isTrue();
    assertThatThrownBy(() -> BOOK.versionAt("CN-CL-246", LocalDate.of(1997, 9, 30)))
        .isInstanceOf(NoVersionException.class);
  }
}
