package org.redress.dossier;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.redress.phash.Pdq;

/**
 * One matched media file in one post of one case's scan: the compact row a dossier counts. Loose
 * files (outside any post) are not sightings: nothing says who spread them.
 *
 * <p>A dossier holds a million of these, so each is one object of primitives and shared texts: the
 * SHA-256 and PDQ values are kept as four 64-bit words each (their hex text is made only when asked
 * for, for what is printed), the date as seconds and nanos, and a locator of the usual form {@code
 * telegram:chat/CHAT/message/ID} is not kept at all but made from the ids when asked for. Values
 * that are not 64 lower-case hex digits (another digest, upper case) are kept as given, so every
 * accessor returns what the constructor was given.
 *
 * <p>Components (as the accessors name them): {@code caseId} the case whose scan found it; {@code
 * chatId} the chat's id as exported; {@code messageId} the post's id in the chat; {@code locator}
 * the platform-neutral place of the post; {@code date} the post's instant, null when the export
 * gives none; {@code senderId} the sender's id as exported ("" when none); {@code forwardedFromId}
 * the forwarding source's id ("" when not forwarded); {@code sha256} the file's SHA-256; {@code
 * pdq} the file's PDQ hash (hex) for an image, null otherwise; {@code item} the bank item it
 * matched ({@code bank/label}): within a case, copies of one of her pictures.
 */
public final class Sighting {
  private static final byte[] DIGITS =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int NO_DATE = -1;

  /** PDQ forms: none, four words, or kept as given. */
  static final byte PDQ_NONE = 0;

  static final byte PDQ_WORDS = 1;
  static final byte PDQ_TEXT = 2;

  private final String caseId;
  private final long chatId;
  private final String chatName;
  private final String chatType;
  private final long messageId;
  // Null: the usual telegram:chat/CHAT/message/ID of this chat and message.
  private final @Nullable String locator;
  private final long dateSeconds;
  // NO_DATE: the export gave none.
  private final int dateNanos;
  private final String senderId;
  private final String senderName;
  private final String forwardedFromId;
  private final String forwardedFrom;
  // SHA-256 as four big-endian words, unless shaText holds another form.
  private final long sha0;
  private final long sha1;
  private final long sha2;
  private final long sha3;
  private final @Nullable String shaText;
  // PDQ words in Pdq#toLongs order (word 3 is the hex text's first 16 digits).
  private final long pdq0;
  private final long pdq1;
  private final long pdq2;
  private final long pdq3;
  private final byte pdqForm;
  private final @Nullable String pdqText;
  private final String item;
  private final MediaKind kind;

  /** Images and videos are counted apart, as the thresholds are. */
  public enum MediaKind {
    IMAGE,
    VIDEO
  }

  /** A sighting from its components (see the class notes). */
  public Sighting(
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
    this.caseId = Objects.requireNonNull(caseId, "caseId");
    this.chatId = chatId;
    this.chatName = Objects.requireNonNull(chatName, "chatName");
    this.chatType = Objects.requireNonNull(chatType, "chatType");
    this.messageId = messageId;
    Objects.requireNonNull(locator, "locator");
    this.locator = isUsualLocator(locator, chatId, messageId) ? null : locator;
    this.dateSeconds = date == null ? 0 : date.getEpochSecond();
    this.dateNanos = date == null ? NO_DATE : date.getNano();
    this.senderId = Objects.requireNonNull(senderId, "senderId");
    this.senderName = Objects.requireNonNull(senderName, "senderName");
    this.forwardedFromId = Objects.requireNonNull(forwardedFromId, "forwardedFromId");
    this.forwardedFrom = Objects.requireNonNull(forwardedFrom, "forwardedFrom");
    Objects.requireNonNull(sha256, "sha256");
    if (isLowerHex64(sha256)) {
      this.sha0 = hexWord(sha256, 0);
      this.sha1 = hexWord(sha256, 16);
      this.sha2 = hexWord(sha256, 32);
      this.sha3 = hexWord(sha256, 48);
      this.shaText = null;
    } else {
      this.sha0 = 0;
      this.sha1 = 0;
      this.sha2 = 0;
      this.sha3 = 0;
      this.shaText = sha256;
    }
    if (pdq == null) {
      this.pdq0 = 0;
      this.pdq1 = 0;
      this.pdq2 = 0;
      this.pdq3 = 0;
      this.pdqForm = PDQ_NONE;
      this.pdqText = null;
    } else if (isLowerHex64(pdq)) {
      this.pdq3 = hexWord(pdq, 0);
      this.pdq2 = hexWord(pdq, 16);
      this.pdq1 = hexWord(pdq, 32);
      this.pdq0 = hexWord(pdq, 48);
      this.pdqForm = PDQ_WORDS;
      this.pdqText = null;
    } else {
      this.pdq0 = 0;
      this.pdq1 = 0;
      this.pdq2 = 0;
      this.pdq3 = 0;
      this.pdqForm = PDQ_TEXT;
      this.pdqText = pdq;
    }
    this.item = Objects.requireNonNull(item, "item");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** From stored parts, as {@link SightingsFile} reads them (no text made, nothing parsed). */
  Sighting(
      String caseId,
      long chatId,
      String chatName,
      String chatType,
      long messageId,
      @Nullable String locator,
      long dateSeconds,
      int dateNanos,
      String senderId,
      String senderName,
      String forwardedFromId,
      String forwardedFrom,
      long[] sha,
      @Nullable String shaText,
      long[] pdq,
      byte pdqForm,
      @Nullable String pdqText,
      String item,
      MediaKind kind) {
    this.caseId = caseId;
    this.chatId = chatId;
    this.chatName = chatName;
    this.chatType = chatType;
    this.messageId = messageId;
    this.locator = locator;
    this.dateSeconds = dateSeconds;
    this.dateNanos = dateNanos;
    this.senderId = senderId;
    this.senderName = senderName;
    this.forwardedFromId = forwardedFromId;
    this.forwardedFrom = forwardedFrom;
    this.sha0 = sha[0];
    this.sha1 = sha[1];
    this.sha2 = sha[2];
    this.sha3 = sha[3];
    this.shaText = shaText;
    this.pdq0 = pdq[0];
    this.pdq1 = pdq[1];
    this.pdq2 = pdq[2];
    this.pdq3 = pdq[3];
    this.pdqForm = pdqForm;
    this.pdqText = pdqText;
    this.item = item;
    this.kind = kind;
  }

  /** A copy with other chat, sender and case; everything else kept as it is stored. */
  private Sighting(Sighting s, String caseId, long chatId, String senderId) {
    this.caseId = caseId;
    this.chatId = chatId;
    this.chatName = s.chatName;
    this.chatType = s.chatType;
    this.messageId = s.messageId;
    String loc = s.locator();
    this.locator = isUsualLocator(loc, chatId, s.messageId) ? null : loc;
    this.dateSeconds = s.dateSeconds;
    this.dateNanos = s.dateNanos;
    this.senderId = senderId;
    this.senderName = s.senderName;
    this.forwardedFromId = s.forwardedFromId;
    this.forwardedFrom = s.forwardedFrom;
    this.sha0 = s.sha0;
    this.sha1 = s.sha1;
    this.sha2 = s.sha2;
    this.sha3 = s.sha3;
    this.shaText = s.shaText;
    this.pdq0 = s.pdq0;
    this.pdq1 = s.pdq1;
    this.pdq2 = s.pdq2;
    this.pdq3 = s.pdq3;
    this.pdqForm = s.pdqForm;
    this.pdqText = s.pdqText;
    this.item = s.item;
    this.kind = s.kind;
  }

  public String caseId() {
    return caseId;
  }

  public long chatId() {
    return chatId;
  }

  public String chatName() {
    return chatName;
  }

  public String chatType() {
    return chatType;
  }

  public long messageId() {
    return messageId;
  }

  /** The platform-neutral place of the post ({@code telegram:chat/1/message/2}). */
  public String locator() {
    return locator != null ? locator : usualLocator(chatId, messageId);
  }

  /** The post's instant, null when the export gives none. */
  public @Nullable Instant date() {
    return dateNanos == NO_DATE ? null : Instant.ofEpochSecond(dateSeconds, dateNanos);
  }

  public String senderId() {
    return senderId;
  }

  public String senderName() {
    return senderName;
  }

  public String forwardedFromId() {
    return forwardedFromId;
  }

  public String forwardedFrom() {
    return forwardedFrom;
  }

  /** The file's SHA-256 as given (64 lower-case hex digits when it is one). */
  public String sha256() {
    return shaText != null ? shaText : hex(sha0, sha1, sha2, sha3);
  }

  /** The file's PDQ hash as given (hex) for an image, null otherwise. */
  public @Nullable String pdq() {
    return switch (pdqForm) {
      case PDQ_WORDS -> hex(pdq3, pdq2, pdq1, pdq0);
      case PDQ_TEXT -> pdqText;
      default -> null;
    };
  }

  public String item() {
    return item;
  }

  public MediaKind kind() {
    return kind;
  }

  /** The same sighting placed in chat {@code id} (its export gave no chat id). */
  public Sighting inChat(long id) {
    return new Sighting(this, caseId, id, senderId);
  }

  /**
   * The same sighting tied to sender {@code id} (its export gave no user id; see {@link Joins}).
   */
  public Sighting bySender(String id) {
    return new Sighting(this, caseId, chatId, id);
  }

  /** The post, across cases: the same post seen in two victims' exports is one post. */
  public PostKey post() {
    return new PostKey(chatId, messageId);
  }

  /** A post across cases. */
  public record PostKey(long chatId, long messageId) {}

  // Primitive views for counting (no text made).

  /** Whether the export gave a date. */
  boolean dated() {
    return dateNanos != NO_DATE;
  }

  long dateSeconds() {
    return dateSeconds;
  }

  int dateNanos() {
    return dateNanos;
  }

  /** True when the locator is the usual one of its chat and message (not stored). */
  boolean usualLocator() {
    return locator == null;
  }

  /** The SHA-256 text when it is not 64 lower-case hex digits, else null (see {@link #shaWord}). */
  @Nullable String shaText() {
    return shaText;
  }

  /** Word {@code i} (0..3, big-endian) of a SHA-256 of 64 lower-case hex digits. */
  long shaWord(int i) {
    return switch (i) {
      case 0 -> sha0;
      case 1 -> sha1;
      case 2 -> sha2;
      default -> sha3;
    };
  }

  /** {@link #PDQ_NONE}, {@link #PDQ_WORDS} or {@link #PDQ_TEXT}. */
  byte pdqForm() {
    return pdqForm;
  }

  /** Word {@code i} of the PDQ hash in {@link Pdq#toLongs} order ({@link #PDQ_WORDS} only). */
  long pdqWord(int i) {
    return switch (i) {
      case 0 -> pdq0;
      case 1 -> pdq1;
      case 2 -> pdq2;
      default -> pdq3;
    };
  }

  /** The PDQ text kept as given ({@link #PDQ_TEXT} only). */
  @Nullable String pdqText() {
    return pdqText;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Sighting s)) {
      return false;
    }
    return chatId == s.chatId
        && messageId == s.messageId
        && dateSeconds == s.dateSeconds
        && dateNanos == s.dateNanos
        && sha0 == s.sha0
        && sha1 == s.sha1
        && sha2 == s.sha2
        && sha3 == s.sha3
        && pdq0 == s.pdq0
        && pdq1 == s.pdq1
        && pdq2 == s.pdq2
        && pdq3 == s.pdq3
        && pdqForm == s.pdqForm
        && kind == s.kind
        && caseId.equals(s.caseId)
        && chatName.equals(s.chatName)
        && chatType.equals(s.chatType)
        && Objects.equals(locator, s.locator)
        && senderId.equals(s.senderId)
        && senderName.equals(s.senderName)
        && forwardedFromId.equals(s.forwardedFromId)
        && forwardedFrom.equals(s.forwardedFrom)
        && Objects.equals(shaText, s.shaText)
        && Objects.equals(pdqText, s.pdqText)
        && item.equals(s.item);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caseId, chatId, messageId, sha0, sha1, shaText, pdq0, pdqText, item);
  }

  @Override
  public String toString() {
    return "Sighting[caseId="
        + caseId
        + ", chatId="
        + chatId
        + ", messageId="
        + messageId
        + ", locator="
        + locator()
        + ", date="
        + date()
        + ", senderId="
        + senderId
        + ", sha256="
        + sha256()
        + ", pdq="
        + pdq()
        + ", item="
        + item
        + ", kind="
        + kind
        + "]";
  }

  /** The locator of a Telegram post, as the readers write it. */
  static String usualLocator(long chat, long message) {
    return "telegram:chat/" + chat + "/message/" + message;
  }

  private static boolean isUsualLocator(String locator, long chat, long message) {
    return locator.startsWith("telegram:chat/") && locator.equals(usualLocator(chat, message));
  }

  /** True for exactly 64 digits 0-9a-f. */
  static boolean isLowerHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static long hexWord(String s, int from) {
    long w = 0;
    for (int i = from; i < from + 16; i++) {
      char c = s.charAt(i);
      w = (w << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return w;
  }

  /** Four words as 64 lower-case hex digits, the first word first. */
  static String hex(long a, long b, long c, long d) {
    byte[] out = new byte[64];
    word(out, 0, a);
    word(out, 16, b);
    word(out, 32, c);
    word(out, 48, d);
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static void word(byte[] out, int at, long w) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = DIGITS[(int) (w & 0xf)];
      w >>>= 4;
    }
  }
}
