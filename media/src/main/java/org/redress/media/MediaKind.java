package org.redress.media;

/** What a file holds, as far as hashing is concerned. */
public enum MediaKind {
  IMAGE,
  VIDEO
}
