/**
 * Cross-case dossiers (issue 19): what one chat, sender or seller spread across every case whose
 * victim consented, counted as the law counts it. Pure: JDK, the {@code report} records and the
 * {@code match} index; no storage, no framework. {@link org.redress.dossier.Sightings} turns a
 * case's spread reports into compact rows; {@link org.redress.dossier.PerpetratorIndex} lists every
 * chat, sender, forwarding source and seller contact seen; {@link
 * org.redress.dossier.Dossiers#build} aggregates one target. See {@code docs/dossiers.md}.
 */
@NullMarked
package org.redress.dossier;

import org.jspecify.annotations.NullMarked;
