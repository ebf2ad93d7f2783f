package org.redress.match;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.redress.phash.PdqResult;
import org.redress.phash.VpdqFrame;

/**
 * The hashes of one input to match. Any component may be null; digests are lowercase hex.
 *
 * @param pdq the image's PDQ hash and quality
 * @param vpdq the video's frames
 * @param md5 the file's MD5
 * @param sha256 the file's SHA-256
 */
public record Query(
    @Nullable PdqResult pdq,
    @Nullable List<VpdqFrame> vpdq,
    @Nullable String md5,
    @Nullable String sha256) {
  public Query {
    vpdq = vpdq == null ? null : List.copyOf(vpdq);
  }

  /** A query with only a PDQ hash. */
  public static Query ofPdq(PdqResult pdq) {
    return new Query(pdq, null, null, null);
  }

  /** A query with only vPDQ frames. */
  public static Query ofVpdq(List<VpdqFrame> frames) {
    return new Query(null, frames, null, null);
  }
}
