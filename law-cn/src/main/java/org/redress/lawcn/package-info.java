/**
 * Chinese law as data: one YAML resource per instrument version (statutes, judicial
 * interpretations, reporting channels), loaded by {@link org.redress.lawcn.ChineseLaw} into a
 * {@link org.redress.law.LawBook}. Every provision carries the ID, text and confirmation status of
 * the project's legal reference.
 */
package org.redress.lawcn;
