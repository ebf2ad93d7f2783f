package org.redress.evidence;

import org.jspecify.annotations.Nullable;

/**
 * A store operation that could not be carried out: a wrong key or passphrase, a corrupt log, an
 * unknown item or case, a failed I/O. The message is one line a person can act on; it names the
 * file or value concerned and never contains secrets or item content.
 */
public class EvidenceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final @Nullable NextStep step;
  private final @Nullable Reason reason;
  private final java.util.List<String> values;

  /**
   * What went wrong, for a front end that words failures in its own language; the values (a path, a
   * case, an item number) are given with {@link #values()} in the order each reason names.
   */
  public enum Reason {
    /** The passphrase does not open the workspace; values: workspace. */
    WRONG_PASSPHRASE,
    /** The master key file does not open the workspace; values: key file, workspace. */
    WRONG_KEY_FILE,
    /** A passphrase was given to a key-file workspace; no values. */
    USES_KEY_FILE,
    /** The master key file does not exist; values: key file. */
    KEY_FILE_NOT_FOUND,
    /** The master key file is readable or writable by others; values: key file. */
    KEY_FILE_OPEN,
    /** The master key file does not hold a key; values: key file. */
    KEY_FILE_BAD,
    /** No such case in the store; values: case. */
    NO_SUCH_CASE,
    /** No such item in the log; values: item. */
    NO_SUCH_ITEM,
    /** An item of another case; values: item, its case, the case asked for. */
    ITEM_OF_OTHER_CASE,
    /** The case holds no items; values: case. */
    NO_ITEMS,
    /** The case was shredded; values: case. */
    CASE_SHREDDED,
    /** A path that is not a regular file; values: path. */
    NOT_A_REGULAR_FILE,
    /** A file that does not exist; values: path. */
    NO_SUCH_FILE,
    /** A file that changed while it was stored; values: path. */
    FILE_CHANGED,
    /** A write would overwrite a file; values: path. */
    WOULD_OVERWRITE,
    /** A folder to fill is not empty; values: folder. */
    FOLDER_NOT_EMPTY,
    /** Another process holds the workspace; values: workspace. */
    WORKSPACE_IN_USE,
    /** A package without originals; values: package. */
    PACKAGE_WITHOUT_CONTENT,
    /** An item's log proof fails; values: item. */
    ITEM_PROOF_FAILS,
    /** Reading or writing a file failed; values: path. */
    IO_FAILED
  }

  /** With a one-line message. */
  public EvidenceException(String message) {
    this(null, null, message, null);
  }

  /**
   * With its reason and values for a front end to word, and the one-line English message.
   *
   * @param reason what went wrong
   * @param step what helps, or null
   * @param message the English line, naming the values
   * @param cause the cause, or null
   * @param values the values the reason names, in its order
   */
  public EvidenceException(
      @Nullable Reason reason,
      @Nullable NextStep step,
      String message,
      @Nullable Throwable cause,
      Object... values) {
    super(message, cause);
    this.step = step;
    this.reason = reason;
    this.values = java.util.Arrays.stream(values).map(String::valueOf).toList();
  }

  /** With its reason, the values it names and the one-line English message. */
  public static EvidenceException of(Reason reason, String message, Object... values) {
    return new EvidenceException(reason, null, message, null, values);
  }

  /** With a one-line message and the step that helps, for a front end to word. */
  public EvidenceException(String message, NextStep step) {
    this(null, step, message, null);
  }

  /** With a one-line message and its cause. */
  public EvidenceException(String message, @Nullable Throwable cause) {
    this(null, null, message, cause);
  }

  /** What went wrong, if the store names it; the message says the same in English. */
  public java.util.Optional<Reason> reason() {
    return java.util.Optional.ofNullable(reason);
  }

  /** The values the reason names (a path, a case, an item), in its order; empty without one. */
  public java.util.List<String> values() {
    return values;
  }

  /** What the person can do next, if the store knows; the message never names a command. */
  public java.util.Optional<NextStep> nextStep() {
    return java.util.Optional.ofNullable(step);
  }

  /** The one-line message; every constructor takes one, so it is never null. */
  @Override
  public String getMessage() {
    String m = super.getMessage();
    return m == null ? getClass().getSimpleName() : m;
  }

  /** The workspace's master key is sealed with a passphrase and none was given. */
  public static final class PassphraseRequired extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** The message says so; a front end says how to give one. */
    public PassphraseRequired() {
      super("this workspace's evidence is protected by a passphrase; give it");
    }
  }

  /** The message of any throwable, or its class name when it has none. */
  static String messageOf(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
