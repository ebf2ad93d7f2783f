package org.redress.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One hash as the feed serves it: its current state, whole. A record that changes (a case
 * withdrawn, a platform's feedback) gets a new sequence number and modification time, so a platform
 * that pulls the feed from a checkpoint sees it again and replaces what it had.
 *
 * @param seq position in the feed's order of changes
 * @param modified when it last changed
 * @param signalType {@code ImagePDQ} or {@code VideoMD5}
 * @param hashValue lowercase hex
 * @param hashStatus {@code Active} while any case shares it, else {@code Withdrawn}
 * @param caseNumbers case pseudonym to that case's status (never a name)
 * @param feedbacks the platforms' latest feedback, one per platform
 */
public record FeedRecord(
    long seq,
    Instant modified,
    String signalType,
    String hashValue,
    String hashStatus,
    Map<String, String> caseNumbers,
    List<Feedback> feedbacks) {
  /** The feed's signal type for PDQ image hashes. */
  public static final String IMAGE_PDQ = "ImagePDQ";

  /** The feed's signal type for MD5 file digests. */
  public static final String VIDEO_MD5 = "VideoMD5";

  /** A case's or the record's status while shared. */
  public static final String ACTIVE = "Active";

  /** A case's or the record's status once withdrawn. */
  public static final String WITHDRAWN = "Withdrawn";

  public FeedRecord {
    caseNumbers = Map.copyOf(caseNumbers);
    feedbacks = List.copyOf(feedbacks);
  }

  /**
   * A platform's feedback on a hash.
   *
   * @param source the platform's name
   * @param value {@code Blocked}, {@code NotBlocked}, {@code PendingReview}, {@code None} or {@code
   *     QualityUnknown}
   * @param tags free tags the platform gave
   * @param at when it was received
   */
  public record Feedback(String source, String value, List<String> tags, Instant at) {
    public Feedback {
      tags = List.copyOf(tags);
    }
  }
}
