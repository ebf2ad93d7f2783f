package org.redress.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The outcome of a verification: every check made, in order, and the verdict. */
public final class Verification {
  /**
   * One check.
   *
   * @param subject what was checked, e.g. {@code checkpoint} or {@code entry 5}
   * @param ok whether it held
   * @param detail what was found (for a failure, why it failed)
   * @param step for a failure, what the person can do next, or null (a front end words it)
   */
  public record Check(String subject, boolean ok, String detail, @Nullable NextStep step) {
    /** A check with no next step. */
    public Check(String subject, boolean ok, String detail) {
      this(subject, ok, detail, null);
    }

    /** The next step, if any. */
    public Optional<NextStep> next() {
      return Optional.ofNullable(step);
    }

    @Override
    public String toString() {
      return (ok ? "ok    " : "FAIL  ") + subject + ": " + detail;
    }
  }

  private final List<Check> checks = new ArrayList<>();
  private @Nullable VerifiedManifest manifest;

  Verification() {}

  void ok(String subject, String detail) {
    checks.add(new Check(subject, true, detail));
  }

  void fail(String subject, String detail) {
    checks.add(new Check(subject, false, detail));
  }

  void fail(String subject, String detail, NextStep step) {
    checks.add(new Check(subject, false, detail, step));
  }

  void manifest(VerifiedManifest m) {
    this.manifest = m;
  }

  /**
   * The verified manifest of a package whose checks all held; empty for a log verification or a
   * package that did not verify.
   */
  public Optional<VerifiedManifest> manifest() {
    return ok() ? Optional.ofNullable(manifest) : Optional.empty();
  }

  /** Every check in the order it was made. */
  public List<Check> checks() {
    return Collections.unmodifiableList(checks);
  }

  /** True when at least one check was made and all held. */
  public boolean ok() {
    return !checks.isEmpty() && checks.stream().allMatch(Check::ok);
  }

  /** The first failure as {@code subject: detail}, if any. */
  public Optional<String> firstFailure() {
    return checks.stream()
        .filter(c -> !c.ok())
        .findFirst()
        .map(c -> c.subject() + ": " + c.detail());
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Check c : checks) {
      b.append(c).append('\n');
    }
    return b.append(ok() ? "VERIFIED" : "NOT VERIFIED").toString();
  }
}
