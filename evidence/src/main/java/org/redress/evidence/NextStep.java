package org.redress.evidence;

/**
 * What a person can do about a condition of the store. The store names the step; each front end
 * words it for its own user (the CLI as the command to run, the web as a sentence), so no message
 * of this module names a command.
 */
public enum NextStep {
  /** Bring the log up to the stored packs: re-log what the quarantine holds, keeping it. */
  RECOVER,
  /** Sign a checkpoint once the cause is gone (space freed, the TSA reachable again). */
  CHECKPOINT,
  /** Copy out every item that still verifies, from a workspace with a damaged pack. */
  SALVAGE,
  /** Make the master key file readable and writable by its owner only. */
  OWNER_ONLY_KEY_FILE
}
