package org.redress.evidence;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A file to preserve with what the caller knows about it. The store adds the case, captured-at,
 * tool, file name and size itself. Immutable; build with {@link #of(Path)} and the withers.
 */
public final class NewItem {
  private final Path file;
  private final String sourceKind;
  private final String sourceValue;
  private final String captureMethod;
  private final @Nullable String capturedBy;
  private final String mediaType;
  private final Map<String, String> perceptual;
  private final @Nullable String note;

  private NewItem(
      Path file,
      String sourceKind,
      String sourceValue,
      String captureMethod,
      @Nullable String capturedBy,
      String mediaType,
      Map<String, String> perceptual,
      @Nullable String note) {
    this.file = file;
    this.sourceKind = sourceKind;
    this.sourceValue = sourceValue;
    this.captureMethod = captureMethod;
    this.capturedBy = capturedBy;
    this.mediaType = mediaType;
    this.perceptual = Collections.unmodifiableMap(new TreeMap<>(perceptual));
    this.note = note;
  }

  /**
   * A file; its source defaults to kind {@code file} with the file's path.
   *
   * @throws IllegalArgumentException if {@code file} is null
   */
  public static NewItem of(Path file) {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    return new NewItem(
        file,
        "file",
        file.toString(),
        "file-import",
        null,
        "application/octet-stream",
        Map.of(),
        null);
  }

  /**
   * Where the file came from.
   *
   * @param kind {@code file}, {@code telegram}, {@code url} or {@code other}
   * @param value e.g. a path, {@code chat/1234/message/56}, a URL
   * @throws IllegalArgumentException for an unknown kind or an empty value
   */
  public NewItem source(@Nullable String kind, @Nullable String value) {
    if (kind == null || !Metadata.SOURCE_KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "source kind must be one of " + Metadata.SOURCE_KINDS + ", was \"" + kind + "\"");
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("source value must not be empty");
    }
    return new NewItem(file, kind, value, captureMethod, capturedBy, mediaType, perceptual, note);
  }

  /** How it was captured, e.g. {@code file-import}, {@code telegram-export}. */
  public NewItem captureMethod(@Nullable String method) {
    return new NewItem(
        file,
        sourceKind,
        sourceValue,
        nonEmpty(method, "capture method"),
        capturedBy,
        mediaType,
        perceptual,
        note);
  }

  /** Who preserved it. */
  public NewItem capturedBy(@Nullable String who) {
    return new NewItem(
        file,
        sourceKind,
        sourceValue,
        captureMethod,
        nonEmpty(who, "captured by"),
        mediaType,
        perceptual,
        note);
  }

  /** MIME type, e.g. {@code image/jpeg}. */
  public NewItem mediaType(@Nullable String type) {
    if (type == null || !type.matches("[a-z0-9.+-]+/[A-Za-z0-9.+-]+")) {
      throw new IllegalArgumentException(
          "media type must look like type/subtype, was \"" + type + "\"");
    }
    return new NewItem(
        file, sourceKind, sourceValue, captureMethod, capturedBy, type, perceptual, note);
  }

  /** Perceptual hashes computed by the caller, e.g. {@code pdq -> 64 hex digits}. */
  public NewItem perceptual(Map<String, String> hashes) {
    return new NewItem(
        file, sourceKind, sourceValue, captureMethod, capturedBy, mediaType, hashes, note);
  }

  /** Free text. */
  public NewItem note(String text) {
    return new NewItem(
        file, sourceKind, sourceValue, captureMethod, capturedBy, mediaType, perceptual, text);
  }

  private static String nonEmpty(@Nullable String v, String what) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return v;
  }

  public Path file() {
    return file;
  }

  String sourceKind() {
    return sourceKind;
  }

  String sourceValue() {
    return sourceValue;
  }

  String captureMethod() {
    return captureMethod;
  }

  @Nullable String capturedBy() {
    return capturedBy;
  }

  String mediaType() {
    return mediaType;
  }

  Map<String, String> perceptualHashes() {
    return perceptual;
  }

  @Nullable String note() {
    return note;
  }
}
