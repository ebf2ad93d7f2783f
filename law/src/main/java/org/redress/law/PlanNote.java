package org.redress.law;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rule or a practical point the action plan states when its condition holds: the rules that
 * connect routes (an administrative penalty does not replace a criminal case; how to challenge a
 * refusal to file; a police report interrupts the civil limitation) and the items of a lawyer's
 * memo (where to sue, closed hearings, legal aid, minors' procedures). Kept as data beside the
 * provisions, each with the articles it rests on and their confirmation status.
 *
 * @param id short ID
 * @param section {@code connection} (a rule connecting routes), {@code memo} (a practical point) or
 *     {@code step} (a step of one action)
 * @param action the action it belongs to ({@link ActionPlan.Kind#key()}), or null for the plan
 * @param when the condition over case facts in the data's expression language (null: always); the
 *     note is shown only when it holds
 * @param text the point in both languages
 * @param cites the articles it rests on, as citations
 * @param status confirmation status of what it states
 */
public record PlanNote(
    String id,
    String section,
    @Nullable String action,
    @Nullable String when,
    Text text,
    List<String> cites,
    String status) {}
