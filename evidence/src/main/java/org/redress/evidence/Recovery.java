package org.redress.evidence;

import java.util.List;

/**
 * What {@code evidence recover} did (docs §1.3).
 *
 * @param relogged items re-logged from packs the log did not cover, as they are now stored
 * @param notes what else was done (checkpoints set aside, packs moved to {@code recovered/})
 * @param unrecovered what could not be re-logged and why; every such file is kept
 */
public record Recovery(List<Item> relogged, List<String> notes, List<String> unrecovered) {
  /** Copies the lists. */
  public Recovery {
    relogged = List.copyOf(relogged);
    notes = List.copyOf(notes);
    unrecovered = List.copyOf(unrecovered);
  }
}
