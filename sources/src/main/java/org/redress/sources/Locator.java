package org.redress.sources;

import java.util.Objects;

/**
 * Where a post is, independent of the service: a platform and a path within it, written {@code
 * platform:path} ({@code telegram:chat/1700000101/message/14}). Preservation records it as an
 * evidence item's source, the report lists it, documents and takedown notices cite it. Its text
 * form round-trips through {@link #parse}.
 *
 * @param platform the service
 * @param path the place within it: for Telegram {@code chat/<chat id>/message/<message id>}
 */
public record Locator(Platform platform, String path) {
  /** Checks the parts: a non-empty path without controls or whitespace. */
  public Locator {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a locator path must not be empty");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= ' ' || c == 0x7F) {
        throw new IllegalArgumentException(
            "a locator path must not contain spaces or controls, was \"" + path + "\"");
      }
    }
  }

  /** A post in a chat: {@code chat/<chat>/message/<message>}. */
  public static Locator post(Platform platform, long chatId, long messageId) {
    return new Locator(platform, "chat/" + chatId + "/message/" + messageId);
  }

  /**
   * Parses {@code platform:path}.
   *
   * @throws IllegalArgumentException naming the bad text
   */
  public static Locator parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "a locator is platform:path (e.g. telegram:chat/1/message/2), was \"" + text + "\"");
    }
    return new Locator(Platform.ofId(text.substring(0, colon)), text.substring(colon + 1));
  }

  @Override
  public String toString() {
    return platform.id() + ":" + path;
  }
}
