/**
 * The dossiers pages (issue 19): the perpetrator index across the consenting cases, one dossier's
 * totals, victims by pseudonym and the findings reached only together, and its joint papers and
 * package to download. With accounts, for advocates, lawyers and administrators only.
 */
package org.redress.web.dossier;
