/**
 * Documents a victim can file, rendered from what Redress already knows: the case facts ({@code
 * redress/case-facts@1}), the legal findings ({@code redress/findings@1}), spread reports ({@code
 * redress/spread-report@1}), an evidence package manifest and a separate parties file with the
 * personal details. {@link org.redress.documents.Documents} is the front door; each {@link
 * org.redress.documents.DocumentKind} has a Chinese (authoritative) and an English template and
 * renders to DOCX and to PDF with an embedded CJK font. Unknown values render as visible
 * placeholders, never as invented text; the document date is injected.
 */
package org.redress.documents;
