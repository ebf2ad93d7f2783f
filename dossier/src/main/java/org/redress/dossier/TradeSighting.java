package org.redress.dossier;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One trade ad (camera shop, tutorial, material for sale, sedatives) in one case's scan, with the
 * seller contacts its text names.
 *
 * @param categories the trade categories it was flagged in (report codes)
 * @param contacts the normalised contacts its text names ({@link Identifiers#contacts})
 */
public record TradeSighting(
    String caseId,
    long chatId,
    String chatName,
    long messageId,
    String locator,
    @Nullable Instant date,
    String senderId,
    String senderName,
    List<String> categories,
    List<String> contacts) {
  /** Copies the lists. */
  public TradeSighting {
    categories = List.copyOf(categories);
    contacts = List.copyOf(contacts);
  }

  /** The same ad placed in chat {@code id} (its export gave no chat id). */
  public TradeSighting inChat(long id) {
    return new TradeSighting(
        caseId, id, chatName, messageId, locator, date, senderId, senderName, categories, contacts);
  }

  /** The post, across cases. */
  public Sighting.PostKey post() {
    return new Sighting.PostKey(chatId, messageId);
  }
}
