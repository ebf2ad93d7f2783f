package org.redress.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.cases.Workspace;

class LoginLimitTest {
  private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);

  @TempDir Path dir;

  private LoginLimit limit() {
    return new LoginLimit(Workspace.open(dir, Clock.systemUTC(), "test").accounts(), 5, WINDOW);
  }

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void blocked_afterFiveFailures_untilTheOldestLeavesTheSlidingWindow() {
    LoginLimit l = limit();
    for (int m = 0; m < 5; m++) {
      assertThat(l.blocked("amy", "10.0.0.1", at(m))).isFalse();
      l.failed("amy", "10.0.0.1", at(m));
    }
    assertThat(l.blocked("amy", "10.0.0.1", at(5))).isTrue();
    assertThat(l.blocked("amy", "10.0.0.1", at(15).minusMillis(1))).isTrue();
    // At minute 15 the failure of minute 0 is 15 minutes old and no longer counts: 4 are left.
    assertThat(l.blocked("amy", "10.0.0.1", at(15))).isFalse();
    l.failed("amy", "10.0.0.1", at(15));
    assertThat(l.blocked("amy", "10.0.0.1", at(15))).isTrue();
  }

  @Test
  void blocked_perAccountFromAnyAddress_andPerAddressForAnyAccount() {
    LoginLimit l = limit();
    for (int m = 0; m < 5; m++) {
      l.failed("amy", "10.0.0." + m, at(m));
    }
    assertThat(l.blocked("amy", "10.0.0.99", at(5))).isTrue();
    assertThat(l.blocked("bo", "10.0.0.99", at(5))).isFalse();
    for (int m = 0; m < 5; m++) {
      l.failed("user" + m, "10.0.0.50", at(m));
    }
    assertThat(l.blocked("cy", "10.0.0.50", at(5))).isTrue();
  }

  @Test
  void succeeded_clearsTheAccountsCount_notTheAddresses() {
    LoginLimit l = limit();
    for (int m = 0; m < 5; m++) {
      l.failed("amy", "10.0.0.1", at(m));
    }
    l.succeeded("amy", at(5));
    assertThat(l.blocked("amy", "10.0.0.2", at(5))).isFalse();
    assertThat(l.blocked("bo", "10.0.0.1", at(5))).isTrue();
  }

  @Test
  void blocked_countSurvivesReopeningTheWorkspace_andIsSharedByTwoLimits() {
    LoginLimit first = limit();
    LoginLimit second = limit();
    for (int m = 0; m < 3; m++) {
      first.failed("amy", "10.0.0.1", at(m));
    }
    second.failed("amy", "10.0.0.2", at(3));
    assertThat(first.blocked("amy", "10.0.0.3", at(4))).isFalse();
    second.failed("amy", "10.0.0.2", at(4));
    assertThat(limit().blocked("amy", "10.0.0.3", at(5))).isTrue();
    assertThat(first.blocked("amy", "10.0.0.3", at(5))).isTrue();
  }

  @Test
  void new_badMaxOrWindow_isRefusedNamingIt() {
    var store = Workspace.open(dir, Clock.systemUTC(), "test").accounts();
    assertThatThrownBy(() -> new LoginLimit(store, 0, WINDOW)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> new LoginLimit(store, 5, Duration.ZERO)).hasMessageContaining("PT0S");
  }
}
