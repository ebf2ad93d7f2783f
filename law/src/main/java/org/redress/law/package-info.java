/**
 * The legal assessment engine. A {@link org.redress.law.LawBook} holds provisions as dated data
 * (text, gloss, source, confirmation status, effective range); {@link org.redress.law.CaseFacts} is
 * a validated {@code redress/case-facts@1} document; {@link org.redress.law.Engine} evaluates the
 * provisions in force on the date of the conduct against the facts, on an assessment date that is
 * always passed in, and returns {@link org.redress.law.Findings}. Conditions are written in a
 * small, side-effect-free expression language with three-valued logic (true, false, unknown).
 */
package org.redress.law;
