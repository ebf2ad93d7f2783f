package org.redress.casework;

import java.util.ArrayList;
import java.util.List;
import org.redress.cases.HashValue;
import org.redress.cases.NewItem;
import org.redress.match.Signal;
import org.redress.media.MediaHash;

/**
 * The hashes one of the victim's files gives a bank, all under one label (one report item): an
 * image gives its PDQ hash and SHA-256; a video its vPDQ hash, MD5 and SHA-256. {@code bank add} in
 * the CLI and the web's upload both use this.
 */
public final class BankItems {
  private BankItems() {}

  /** The items for one hashed file. */
  public static List<NewItem> of(MediaHash h, String label, String caseRef, String addedBy) {
    List<NewItem> items = new ArrayList<>(3);
    if (h.pdq() != null) {
      items.add(
          new NewItem(HashValue.pdq(h.pdq().pdq(), h.pdq().quality()), label, caseRef, addedBy));
    }
    if (h.vpdq() != null && !h.vpdq().isEmpty()) {
      items.add(new NewItem(HashValue.vpdq(h.vpdq()), label, caseRef, addedBy));
      items.add(new NewItem(HashValue.digest(Signal.MD5, h.md5()), label, caseRef, addedBy));
    }
    items.add(new NewItem(HashValue.digest(Signal.SHA256, h.sha256()), label, caseRef, addedBy));
    return items;
  }
}
