/**
 * The legal assessment engine. A {@link org.redress.law.LawBook} holds provisions as dated data
 * (text, gloss, source, confirmation status, effective range), the rules on which version governs
 * (lighter later law, interpretation timing, conduct continuing into a new code), the plan's words
 * and the citation table; a {@link org.redress.law.Jurisdiction} bundles a book with its facts
 * vocabulary ({@link org.redress.law.FactsSchema}). {@link org.redress.law.CaseFacts#parse} is the
 * one strict reader of case facts; {@link org.redress.law.Engine} evaluates each provision under
 * the version in force on the date of the act it is about, on an assessment date that is always
 * passed in, and returns {@link org.redress.law.Findings}; {@link org.redress.law.ActionPlan} turns
 * them into a few ordered actions with deadlines, questions and notes; {@link
 * org.redress.law.Assessment} is the one reader and writer of their JSON and {@link
 * org.redress.law.PlanText} prints the plan in Chinese or English. Conditions are written in a
 * small, side-effect-free expression language with three-valued logic (true, false, unknown).
 */
package org.redress.law;
