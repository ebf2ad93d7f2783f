package org.redress.cases;

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
   * @throws IllegalArgumentException when the hash is null or the label blank or too long
   */
  public NewItem {
    if (hash == null) {
      throw new IllegalArgumentException("hash must not be null");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
    if (label.length() > 500) {
      throw new IllegalArgumentException("label must be at most 500 characters, was "
          + label.length());
    }
    if (caseRef != null && caseRef.length() > 200) {
      throw new IllegalArgumentException("case reference must be at most 200 characters, was "
          + caseRef.length());
    }
  }
}
