/**
 * How documents are made: tolerant readers for the input files (extra keys are ignored, the fields
 * a document uses are checked with messages naming the file and the field), the citation table for
 * provision IDs, the template model, the line-oriented markup the Mustache templates produce, and
 * the DOCX and PDF writers. Nothing here is API; use {@link org.redress.documents.Documents}.
 */
package org.redress.documents.internal;
