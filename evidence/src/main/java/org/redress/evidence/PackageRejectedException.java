package org.redress.evidence;

/**
 * A package did not verify; {@link #verification()} holds every check made. The message is the
 * first failure, one line.
 */
public final class PackageRejectedException extends EvidenceException {
  private static final long serialVersionUID = 1L;
  private final transient Verification verification;

  PackageRejectedException(String message, Verification verification) {
    super(message);
    this.verification = verification;
  }

  /** Every check made, failures included. */
  public Verification verification() {
    return verification;
  }
}
