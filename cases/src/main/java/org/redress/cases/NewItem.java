package org.redress.cases;

import java.util.Locale;

/**
 * An item to add.
 *
 * @param hash the hash
 * @param label the label; must not be blank
 * @param caseRef optional case reference, or null
 * @param addedBy who adds it, or null for the workspace's default user
 */
public record NewItem(HashValue hash, String label, String caseRef, String addedBy) {
  /**
   * @throws IllegalArgumentException when the hash is null, the label blank, or a text too long or
   *     with a NUL character (which PostgreSQL cannot store)
   */
  public NewItem {
    if (hash == null) {
      throw new IllegalArgumentException("hash must not be null");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    checkText("label", label, 500);
    checkText("case reference", caseRef, 200);
    checkText("added by", addedBy, 200);
  }

  /**
   * Checks a text against its column: at most {@code max} characters and no NUL, so that every
   * database stores it or none does (SQLite would store what PostgreSQL refuses).
   *
   * @throws CasesException.LimitExceeded naming the field and the length
   * @throws IllegalArgumentException naming the field and the NUL
   */
  static void checkText(String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      throw new CasesException.LimitExceeded(field, value.length(), max);
    }
    int nul = value.indexOf('\0');
    if (nul >= 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "%s must not contain a NUL character (at index %d)", field, nul));
    }
  }
}
