package org.redress.sources;

import java.util.Locale;

/** Why a media reference could not be checked. Each has a stable snake_case {@link #code()}. */
public enum UncheckedReason {
  /** Telegram: "(File not included. Change data exporting settings to download.)". */
  NOT_INCLUDED("the export settings left this type of file out"),
  /** Telegram: "(File exceeds maximum size. Change data exporting settings to download.)". */
  EXCEEDS_MAX_SIZE("larger than the export's size limit, so not downloaded"),
  /** Telegram: "(File unavailable, please try again later)". */
  UNAVAILABLE("Telegram could not provide the file when exporting"),
  /** The export names a file that is not there. */
  MISSING_FILE("the file named by the export is missing"),
  /** The path contains a {@code ..} segment. */
  PATH_ESCAPE("the path climbs out of the export with '..'"),
  /** The path is absolute (or has a drive letter). */
  ABSOLUTE_PATH("the path is absolute, not inside the export"),
  /** A symbolic link leads outside the export or folder. */
  LINK_ESCAPE("a symbolic link leads outside the export"),
  /** The path names a directory or a special file. */
  NOT_A_FILE("the path is not a regular file"),
  /** A ZIP entry's name is absolute or climbs out ("zip slip"). */
  ZIP_SLIP("the ZIP entry name is absolute or climbs out with '..'"),
  /** A ZIP entry is encrypted. */
  ZIP_ENCRYPTED("the ZIP entry is encrypted"),
  /** A ZIP entry uses a compression method other than stored or deflate. */
  ZIP_UNSUPPORTED("the ZIP entry uses a compression method Redress does not read"),
  /** A ZIP entry declares more than the per-entry cap. */
  ZIP_ENTRY_TOO_LARGE("the ZIP entry is larger than the per-entry cap"),
  /** A ZIP entry would inflate far beyond its compressed size, or shares another's data. */
  ZIP_BOMB("the ZIP entry looks like a ZIP bomb (ratio or overlapping data)"),
  /** Two ZIP entries have the same name. */
  ZIP_DUPLICATE_ENTRY("two ZIP entries have this name; which one is meant cannot be told"),
  /** A ZIP entry's headers disagree or its data lies outside the archive. */
  ZIP_DAMAGED("the ZIP entry's headers are damaged or disagree"),
  /** Telegram wrote a placeholder we do not know. */
  UNKNOWN_PLACEHOLDER("the export gives a placeholder instead of a file");

  private final String description;

  UncheckedReason(String description) {
    this.description = description;
  }

  /** The snake_case code used in reports, e.g. {@code not_included}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A short English explanation. */
  public String description() {
    return description;
  }
}
