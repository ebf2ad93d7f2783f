package org.redress.law;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a legal instrument (a statute revision, a judicial interpretation), as read from
 * one data file.
 *
 * @param id the data file's instrument ID, e.g. {@code CN-PSAPL-2025}
 * @param title official title and English name
 * @param version which version this is (adoption, amendment, document number)
 * @param inForce the days this version is in force
 * @param source where the text was read (the reference's source keys)
 * @param status confirmation status as the reference gives it
 * @param unconfirmed what about the instrument the reference marks UNCONFIRMED
 * @param timeRule the rule that chooses between this version and a later one ({@code apl-37},
 *     {@code cl-12}), or null when the date of conduct alone decides
 * @param file the data file it came from
 * @param kind {@code statute}, {@code interpretation} (a judicial interpretation), {@code opinion}
 *     (a normative document such as a guiding opinion) or {@code other}
 * @param earlierOnPoint for an interpretation: earlier interpretations on the same point; while one
 *     of them governed the conduct, it stays applicable unless this one is more favourable
 *     (高检发释字〔2001〕5号 Art 3)
 * @param citeSuffix what a citation adds after the title (e.g. the revision year), may be empty
 */
public record Instrument(
    String id,
    Text title,
    Text version,
    DateRange inForce,
    String source,
    String status,
    List<String> unconfirmed,
    @Nullable String timeRule,
    String file,
    String kind,
    List<String> earlierOnPoint,
    Text citeSuffix) {}
