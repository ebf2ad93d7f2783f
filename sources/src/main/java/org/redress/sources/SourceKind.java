package org.redress.sources;

/** What kind of source a path is; see {@link Source#detect(java.nio.file.Path)}. */
public enum SourceKind {
  /** A Telegram Desktop JSON export: its folder or its {@code result.json}. */
  TELEGRAM_EXPORT,
  /** A folder of files, read recursively; Telegram exports found inside are read as such. */
  FOLDER,
  /** A ZIP archive; when it holds a Telegram export, that export is read. */
  ZIP,
  /** A single media file. */
  FILE
}
