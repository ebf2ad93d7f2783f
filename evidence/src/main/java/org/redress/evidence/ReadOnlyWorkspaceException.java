package org.redress.evidence;

/**
 * A write (add, correct, shred, checkpoint) refused because the store is read-only: its log is
 * older than its packs (its next step is {@link NextStep#RECOVER}) or the workspace is not
 * writable.
 */
public final class ReadOnlyWorkspaceException extends EvidenceException {
  private static final long serialVersionUID = 1L;

  ReadOnlyWorkspaceException(String message) {
    super(message);
  }

  ReadOnlyWorkspaceException(String message, NextStep step) {
    super(message, step);
  }
}
