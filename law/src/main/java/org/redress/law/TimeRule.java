package org.redress.law;

import org.jspecify.annotations.Nullable;

/**
 * A rule on which version of a law governs conduct that predates a change (e.g. Administrative
 * Penalty Law Art 37, Criminal Law Art 12: the old law, unless the new one is lighter).
 *
 * @param id short ID used by instruments ({@code apl-37}, {@code cl-12})
 * @param title the rule's name
 * @param textZh the text as the reference quotes it
 * @param gloss an English gloss
 * @param source where it was read
 * @param status confirmation status of the text
 * @param applicationNote how (and how surely) the rule is applied to the versions in the data
 * @param continuingWhen for a rule that brings facts continuing past a commencement under the new
 *     law: the condition over case facts that shows the conduct continues, else null
 */
public record TimeRule(
    String id,
    Text title,
    String textZh,
    String gloss,
    String source,
    String status,
    String applicationNote,
    @Nullable String continuingWhen) {}
