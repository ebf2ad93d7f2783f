package org.redress.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The feed's {@code nextPageToken}: where the last page ended (a sequence number) and the {@code
 * startTimestamp} it was asked from, as opaque base64url text.
 *
 * @param afterSeq the last sequence number served
 * @param startSeconds the start timestamp of the paging, epoch seconds
 */
record FeedToken(long afterSeq, long startSeconds) {
  private static final String VERSION = "r1";

  String encode() {
    String plain = VERSION + ":" + afterSeq + ":" + startSeconds;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * @throws ApiException 400 for a token this server did not make
   */
  static FeedToken decode(String token) {
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
      String[] p = plain.split(":", -1);
      if (p.length != 3 || !p[0].equals(VERSION)) {
        throw new IllegalArgumentException("unknown form");
      }
      long seq = Long.parseLong(p[1]);
      long start = Long.parseLong(p[2]);
      if (seq < 0 || start < 0) {
        throw new IllegalArgumentException("negative");
      }
      return new FeedToken(seq, start);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "nextPageToken is not one this feed gave out: \""
              + (token.length() > 60 ? token.substring(0, 60) + "…" : token)
              + "\"");
    }
  }
}
