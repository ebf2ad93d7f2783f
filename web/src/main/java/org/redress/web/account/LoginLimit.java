package org.redress.web.account;

import java.time.Duration;
import java.time.Instant;
import org.redress.cases.AccountStore;

/**
 * Slows password guessing: at most {@code max} failed sign-ins per account name and per client
 * address within a sliding {@code window}; past that every attempt is refused (HTTP 429) until the
 * oldest failure counted leaves the window (a failure at {@code t} counts while {@code now - window
 * < t}), whatever the password. A refused (throttled) attempt is not counted as a failure. A
 * success clears the account's count, not the address's.
 *
 * <p>The failures are kept in the workspace database ({@link AccountStore}, table {@code
 * login_failure}), so the count survives a restart and every server over one database shares it;
 * failures older than the window are deleted by the next failure or success. Any database failure
 * leaves as a {@link org.redress.cases.CasesException}: the caller refuses the sign-in then.
 */
public final class LoginLimit {
  private final AccountStore store;
  private final int max;
  private final Duration window;

  /**
   * At most {@code max} failures in {@code window}, counted in {@code store}.
   *
   * @throws IllegalArgumentException when {@code max} is below 1 or the window is not positive
   */
  public LoginLimit(AccountStore store, int max, Duration window) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be 1 or more, was " + max);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    this.store = store;
    this.max = max;
    this.window = window;
  }

  /**
   * Whether an attempt for {@code account} from {@code address} at {@code now} is refused.
   *
   * @throws org.redress.cases.CasesException when the database cannot be read
   */
  public boolean blocked(String account, String address, Instant now) {
    AccountStore.LoginFailures f = store.loginFailures(account, address, now.minus(window));
    return f.account() >= max || f.address() >= max;
  }

  /**
   * Counts a failed attempt.
   *
   * @throws org.redress.cases.CasesException when the database cannot be written
   */
  public void failed(String account, String address, Instant now) {
    store.loginFailed(account, address, now, now.minus(window));
  }

  /**
   * A successful sign-in clears the account's failures.
   *
   * @throws org.redress.cases.CasesException when the database cannot be written
   */
  public void succeeded(String account, Instant now) {
    store.loginSucceeded(account, now.minus(window));
  }
}
