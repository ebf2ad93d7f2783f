package org.redress.evidence;

import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where the workspace master key comes from (docs §6.1): a key file created with mode 0600, or a
 * passphrase stretched with Argon2id. Holds the passphrase until {@link #destroy()}.
 */
public final class KeySource {
  private final @Nullable Path keyFile;
  private final char @Nullable [] passphrase;

  private KeySource(@Nullable Path keyFile, char @Nullable [] passphrase) {
    this.keyFile = keyFile;
    this.passphrase = passphrase;
  }

  /** The key file inside the workspace ({@code evidence/keys/master.key}). */
  public static KeySource keyFile() {
    return new KeySource(null, null);
  }

  /**
   * A key file at a chosen place (e.g. removable media); created there if the workspace is new.
   *
   * @throws IllegalArgumentException if {@code file} is null
   */
  public static KeySource keyFile(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("key file must not be null");
    }
    return new KeySource(file.toAbsolutePath(), null);
  }

  /**
   * A passphrase (copied; wipe your array after this call).
   *
   * @throws IllegalArgumentException if the passphrase is null or shorter than 8 characters
   */
  public static KeySource passphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length < 8) {
      throw new IllegalArgumentException(
          "passphrase must have at least 8 characters, had "
              + (passphrase == null ? 0 : passphrase.length));
    }
    return new KeySource(null, passphrase.clone());
  }

  boolean isPassphrase() {
    return passphrase != null;
  }

  /** The key file, or null for the default inside the workspace. */
  @Nullable Path file() {
    return keyFile;
  }

  /** The passphrase; only for a source that {@link #isPassphrase()}. */
  char[] secret() {
    if (passphrase == null) {
      throw new IllegalStateException("this key source is a key file, not a passphrase");
    }
    return passphrase;
  }

  /** Overwrites the held passphrase. */
  public void destroy() {
    if (passphrase != null) {
      Arrays.fill(passphrase, '\0');
    }
  }

  @Override
  public String toString() {
    return passphrase != null
        ? "passphrase"
        : "key file " + (keyFile == null ? "(default)" : keyFile);
  }
}
