package org.redress.scan;

import java.util.List;
import org.redress.match.Match;
import org.redress.media.MediaKind;
import org.redress.phash.Dihedral;
import org.redress.sources.Chat;
import org.redress.sources.Locator;
import org.redress.sources.Platform;
import org.redress.sources.PostDate;

/**
 * One media file, in one post (or loose), that matched one report item (a bank and a label).
 *
 * @param seq the media reference's position in the read order (for stable sorting)
 * @param bank the bank's name
 * @param label the item label (the report's item is bank + label)
 * @param matches every match of this file against items with that label, best first
 * @param post where the file was posted (chat null for a loose file)
 * @param field the export field ({@code photo}, {@code file}, {@code thumbnail}, {@code loose})
 * @param file the path as exported
 * @param location where the bytes were read
 * @param kind image or video, as hashed
 * @param sha256 the file's SHA-256
 * @param md5 the file's MD5
 * @param pdq the image's PDQ hex (null for a video)
 * @param thumbnail a heavily pixelated PNG when asked for, else null
 */
record Occurrence(
    long seq,
    String bank,
    String label,
    List<Hit> matches,
    PostInfo post,
    String field,
    String file,
    String location,
    MediaKind kind,
    String sha256,
    String md5,
    String pdq,
    byte[] thumbnail) {

  /**
   * A match of the file, as it is or as one of its dihedral variants, or of a picture region inside
   * it (a screenshot).
   *
   * @param region the matched region {@code x,y,w,h} of a screenshot, or null for the whole file
   */
  record Hit(Match match, String region) {
    Hit(Match match) {
      this(match, null);
    }

    /**
     * The dihedral variant of the file's PDQ hash that made the match (null: the file as it is;
     * e.g. {@code flipx}: the file mirrored left to right).
     */
    String variant() {
      Dihedral t = match.transform();
      return t == null || t == Dihedral.ORIGINAL ? null : t.referenceName();
    }
  }

  /** The best match: exact digests first, then the smallest distance. */
  Hit primary() {
    return matches.get(0);
  }

  /** A stable key for the post: {@code export|chat|message}, or the location for a loose file. */
  String postKey() {
    return post.chat() == null
        ? "loose|" + location
        : post.chat().export() + "|" + post.chat().id() + "|" + post.messageId();
  }

  /**
   * The provenance of a post, without its text or media (kept while its media are hashed).
   *
   * @param chat the chat, or null for a loose file
   */
  record PostInfo(
      Platform platform,
      Chat chat,
      long messageId,
      PostDate date,
      String senderName,
      String senderId,
      boolean forwarded,
      String forwardedFrom,
      String forwardedFromId) {
    static final PostInfo LOOSE =
        new PostInfo(null, null, 0, PostDate.unknown(), "", "", false, "", "");

    /** A key for distinct senders: the id, else the name; null when neither is known. */
    String senderKey() {
      if (!senderId.isEmpty()) {
        return senderId;
      }
      return senderName.isEmpty() ? null : "name:" + senderName;
    }

    /** {@code telegram:chat/123/message/45}, or null for a loose file. */
    Locator locator() {
      return chat == null ? null : Locator.post(platform, chat.id(), messageId);
    }

    /** {@code chat 123 message 45}, or null for a loose file. */
    String reference() {
      return chat == null ? null : "chat " + chat.id() + " message " + messageId;
    }
  }
}
