package org.redress.sources;

import java.util.List;
import java.util.Objects;

/**
 * One exported message with its provenance.
 *
 * @param platform the service it was published on
 * @param chat the chat it was posted in
 * @param messageId the message id within the chat (0 when the export has none)
 * @param type the export's message type: {@code message}, {@code service} or {@code unsupported}
 * @param action for service messages, the export's {@code action} (e.g. {@code invite_members});
 *     empty otherwise
 * @param date when it was sent
 * @param senderName the sender's display name ({@code from}, or {@code actor} for service
 *     messages); empty when absent or null (deleted account)
 * @param senderId the sender's id as exported: {@code user123}, {@code channel456}, {@code chat7},
 *     or a bare number such as {@code 123} in exports from before 2021; empty when absent
 * @param forwarded true when the export marks the message as forwarded ({@code forwarded_from}
 *     present, even as {@code null} for a hidden original sender)
 * @param forwardedFrom the display name the message was forwarded from; empty when not forwarded or
 *     when the export gives {@code null}
 * @param forwardedFromId the id of the original sender ({@code forwarded_from_id}, newer exports
 *     only); empty when absent
 * @param text the text: the plain string, or the text entities' texts joined in order
 * @param links the link targets in the text, in order: the text of {@code link} entities and the
 *     {@code href} of {@code text_link} entities
 * @param media the media the message carries (photo, file, thumbnail), available or unchecked
 * @param replyTo the id of the message this one replies to in the same chat; 0 when it replies to
 *     nothing (or to a message in another chat)
 */
public record Post(
    Platform platform,
    Chat chat,
    long messageId,
    String type,
    String action,
    PostDate date,
    String senderName,
    String senderId,
    boolean forwarded,
    String forwardedFrom,
    String forwardedFromId,
    String text,
    List<String> links,
    List<MediaRef> media,
    long replyTo)
    implements SourceItem {
  /** Checks that no component is null and copies the lists. */
  public Post {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(senderName, "senderName");
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(forwardedFrom, "forwardedFrom");
    Objects.requireNonNull(forwardedFromId, "forwardedFromId");
    Objects.requireNonNull(text, "text");
    links = List.copyOf(links);
    media = List.copyOf(media);
  }

  /** A Telegram post (every reader today reads Telegram exports). */
  public Post(
      Chat chat,
      long messageId,
      String type,
      String action,
      PostDate date,
      String senderName,
      String senderId,
      boolean forwarded,
      String forwardedFrom,
      String forwardedFromId,
      String text,
      List<String> links,
      List<MediaRef> media,
      long replyTo) {
    this(
        Platform.TELEGRAM,
        chat,
        messageId,
        type,
        action,
        date,
        senderName,
        senderId,
        forwarded,
        forwardedFrom,
        forwardedFromId,
        text,
        links,
        media,
        replyTo);
  }

  /** Where the post is, on any platform: {@code telegram:chat/123/message/45}. */
  public Locator locator() {
    return Locator.post(platform, chat.id(), messageId);
  }

  /** True for service messages (joins, pins, title changes…), which nobody wrote as a post. */
  public boolean service() {
    return type.equals("service");
  }

  /** {@code chat 123 message 45}: how a report refers to this post. */
  public String reference() {
    return "chat " + chat.id() + " message " + messageId;
  }
}
