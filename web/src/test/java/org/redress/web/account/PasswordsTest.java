package org.redress.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final Passwords p = new Passwords(64, 1);

  @Test
  void hash_isArgon2idPhc_andVerifiesOnlyTheSamePassword() {
    String h = p.hash("a long enough password".toCharArray());
    assertThat(h).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    assertThat(p.verify("a long enough password".toCharArray(), h)).isTrue();
    assertThat(p.verify("a long enough passworD".toCharArray(), h)).isFalse();
    assertThat(p.hash("a long enough password".toCharArray())).isNotEqualTo(h);
  }

  @Test
  void verify_noAccount_doesTheSameWorkAndIsFalse() {
    long before = p.derivations();
    assertThat(p.verify("a long enough password".toCharArray(), null)).isFalse();
    assertThat(p.derivations()).isEqualTo(before + 1);
    String h = p.hash("a long enough password".toCharArray());
    before = p.derivations();
    assertThat(p.verify("another password!".toCharArray(), h)).isFalse();
    assertThat(p.derivations()).isEqualTo(before + 1);
  }

  @Test
  void verify_malformedHash_isFalse() {
    assertThat(p.verify("a long enough password".toCharArray(), "$2a$10$bcrypt")).isFalse();
  }

  @Test
  void hash_shortPassword_isRefused() {
    assertThatThrownBy(() -> p.hash("short".toCharArray())).hasMessageContaining("10");
  }

  @Test
  void verify_readsTheCostFromTheStoredHash() {
    String older = new Passwords(128, 2).hash("a long enough password".toCharArray());
    assertThat(older).contains("m=128,t=2");
    assertThat(p.verify("a long enough password".toCharArray(), older)).isTrue();
  }
}
