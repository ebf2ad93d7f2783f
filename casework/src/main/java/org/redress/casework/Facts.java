package org.redress.casework;

import org.redress.law.CaseFacts;
import org.redress.law.InvalidFactsException;
import org.redress.lawcn.ChineseLaw;

/**
 * The one place casework reads facts text: the strict reader of {@code law}, with the file named in
 * the message, so every command refuses a bad facts file alike.
 */
final class Facts {
  private Facts() {}

  static CaseFacts parse(String text, String name) throws CaseworkException {
    try {
      return ChineseLaw.jurisdiction().parseFacts(text);
    } catch (InvalidFactsException e) {
      throw new CaseworkException(name + ": " + e.getMessage(), e);
    }
  }
}
