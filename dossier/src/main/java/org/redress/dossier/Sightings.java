package org.redress.dossier;

import java.util.ArrayList;
import java.util.List;
import org.redress.report.SpreadReport;

/** A case's spread reports as dossier rows. */
public final class Sightings {
  private Sightings() {}

  /** Every occurrence in a post (loose files skipped) as a sighting of {@code caseId}. */
  public static List<Sighting> of(String caseId, SpreadReport report) {
    List<Sighting> out = new ArrayList<>();
    for (SpreadReport.Item item : report.items()) {
      String key = item.bank() + "/" + item.label();
      for (SpreadReport.Occurrence o : item.occurrences()) {
        if (o.loose()) {
          continue;
        }
        out.add(
            new Sighting(
                caseId,
                o.chatId(),
                nz(o.chatName()),
                nz(o.chatType()),
                o.messageId(),
                o.locator() == null ? nz(o.reference()) : o.locator(),
                o.dateUtc(),
                Identifiers.account(o.senderId()),
                o.senderName(),
                Identifiers.account(o.forwardedFromId()),
                o.forwardedFrom(),
                o.sha256(),
                o.pdq(),
                key,
                "video".equals(o.mediaKind())
                    ? Sighting.MediaKind.VIDEO
                    : Sighting.MediaKind.IMAGE));
      }
    }
    return out;
  }

  /** The trade ads a report lists (the first ones of each chat, as the report keeps them). */
  public static List<TradeSighting> trade(String caseId, SpreadReport report) {
    List<TradeSighting> out = new ArrayList<>();
    for (SpreadReport.TradePost p : report.trade().posts()) {
      out.add(
          new TradeSighting(
              caseId,
              p.chatId(),
              p.chatName(),
              p.messageId(),
              p.locator() == null ? p.reference() : p.locator(),
              p.dateUtc(),
              Identifiers.account(p.senderId()),
              p.senderName(),
              p.categories(),
              Identifiers.contacts(p.text())));
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
