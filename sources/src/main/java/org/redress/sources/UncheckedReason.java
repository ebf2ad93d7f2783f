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
