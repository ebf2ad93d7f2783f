package org.redress.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fixes the commands' "now" ({@code redress.now}, read by {@link Today}) at {@link #AT} for every
 * test of a class ({@code @ExtendWith(FixedNow.class)}), before its {@code @BeforeAll} set-up, and
 * clears it after the class.
 */
final class FixedNow implements BeforeAllCallback, AfterAllCallback {
  /** 2026-03-20 10:00 Beijing time: the day the cli tests' cases are opened. */
  static final String AT = "2026-03-20T02:00:00Z";

  @Override
  public void beforeAll(ExtensionContext context) {
    System.setProperty("redress.now", AT);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    System.clearProperty("redress.now");
  }
}
