/**
 * Readers that turn what a victim or a case worker collected — Telegram Desktop JSON exports
 * (single chat or full account), plain folders and ZIP archives — into {@link
 * org.redress.sources.Post posts} and {@link org.redress.sources.MediaRef media references} with
 * full provenance: chat, message id, date as exported and in UTC when known, sender, forward origin
 * and text. Media the export does not contain, or that cannot be opened safely, is listed as
 * <em>unchecked</em> with its reason, never dropped. {@link org.redress.sources.Source} is the
 * front door; exports are streamed, so memory stays bounded whatever their size. See {@code
 * docs/sources.md}.
 */
package org.redress.sources;
