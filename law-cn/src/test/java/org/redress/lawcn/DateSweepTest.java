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
 * Every provision lineage has exactly one version on every day of its range, 2013-01-01 through
 * 2030-12-31, and asking outside its range is an error, never a silent default.
 */
class DateSweepTest {
  private static final LawBook BOOK = ChineseLaw.book();
  private static final LocalDate FIRST = LocalDate.of(2013, 1, 1);
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
              .as("%s on %s", lineage, day).isInstanceOf(NoVersionException.class)
              .hasMessageContaining(lineage).hasMessageContaining(day.toString());
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
}
