package org.redress.dossier;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One matched media file in one post of one case's scan: the compact row a dossier counts. Loose
 * files (outside any post) are not sightings: nothing says who spread them.
 *
 * @param caseId the case whose scan found it
 * @param chatId the chat's id as exported
 * @param messageId the post's id in the chat
 * @param locator the platform-neutral place of the post ({@code telegram:chat/1/message/2})
 * @param date the post's instant, null when the export gives none
 * @param senderId the sender's id as exported ("" when none)
 * @param forwardedFromId the forwarding source's id ("" when not forwarded)
 * @param sha256 the file's SHA-256
 * @param pdq the file's PDQ hash (hex) for an image, null otherwise
 * @param item the bank item it matched ({@code bank/label}): within a case, copies of one of her
 *     pictures
 */
public record Sighting(
    String caseId,
    long chatId,
    String chatName,
    String chatType,
    long messageId,
    String locator,
    @Nullable Instant date,
    String senderId,
    String senderName,
    String forwardedFromId,
    String forwardedFrom,
    String sha256,
    @Nullable String pdq,
    String item,
    MediaKind kind) {

  /** Images and videos are counted apart, as the thresholds are. */
  public enum MediaKind {
    IMAGE,
    VIDEO
  }

  /** The same sighting placed in chat {@code id} (its export gave no chat id). */
  public Sighting inChat(long id) {
    return new Sighting(
        caseId,
        id,
        chatName,
        chatType,
        messageId,
        locator,
        date,
        senderId,
        senderName,
        forwardedFromId,
        forwardedFrom,
        sha256,
        pdq,
        item,
        kind);
  }

  /**
   * The same sighting tied to sender {@code id} (its export gave no user id; see {@link Joins}).
   */
  public Sighting bySender(String id) {
    return new Sighting(
        caseId,
        chatId,
        chatName,
        chatType,
        messageId,
        locator,
        date,
        id,
        senderName,
        forwardedFromId,
        forwardedFrom,
        sha256,
        pdq,
        item,
        kind);
  }

  /** The post, across cases: the same post seen in two victims' exports is one post. */
  public PostKey post() {
    return new PostKey(chatId, messageId);
  }

  /** A post across cases. */
  public record PostKey(long chatId, long messageId) {}
}
