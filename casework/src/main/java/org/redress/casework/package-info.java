/**
 * Casework: the application layer the command line and the web share. {@link
 * org.redress.casework.Casework} runs a case worker's steps on typed values (scan, preserve, merge
 * facts, assess, draft) with one clock and one zone; {@link org.redress.casework.WorkspaceLayout}
 * computes every path in a workspace; {@link org.redress.casework.FactsMerge} holds the rule for
 * merging a victim's intake with what reports prove; {@link org.redress.casework.BankItems} says
 * which hashes a file gives a bank. Nothing here prints or parses flags.
 */
package org.redress.casework;
