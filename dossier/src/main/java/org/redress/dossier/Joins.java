package org.redress.dossier;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the exports with ids (Telegram JSON) of the consenting cases tell about posts of exports
 * without them (Telegram HTML, docs/dossiers.md "Exports without ids"): the one chat id a chat name
 * stands for, and within that chat the one user id a sender name stands for. A name two ids bear
 * says nothing, and a post it would need is reported as unattributed, never guessed.
 */
public final class Joins {
  private final Map<String, Set<Long>> chatsByName = new HashMap<>();
  private final Map<Long, Map<String, Set<String>>> idsByChatAndName = new HashMap<>();
  private final Map<String, Set<String>> namesById = new HashMap<>();
  private final Set<String> chatNames;
  private final Set<String> sellers = new HashSet<>();
  private final Set<String> sellerNames = new HashSet<>();

  private Joins(Target target, List<CaseInput> cases) {
    // Only a sender's or seller's dossier needs to know who bears which name.
    boolean senders = !(target instanceof Target.Chat);
    for (CaseInput c : cases) {
      if (!c.counted()) {
        continue;
      }
      long lastChat = Dossiers.UNKNOWN_CHAT;
      String lastName = "";
      for (Sighting s : c.sightings()) {
        if (senders) {
          learnSender(s.chatId(), s.senderId(), s.senderName());
        }
        // Posts of one chat come in runs: learn its name once a run.
        if (s.chatId() != lastChat || !s.chatName().equals(lastName)) {
          learnChat(s.chatId(), s.chatName());
          lastChat = s.chatId();
          lastName = s.chatName();
        }
      }
      for (TradeSighting a : c.trade()) {
        learnChat(a.chatId(), a.chatName());
        if (senders) {
          learnSender(a.chatId(), a.senderId(), a.senderName());
        }
      }
    }
    chatNames = new TreeSet<>();
    if (target instanceof Target.Chat chat && chat.id() != Dossiers.UNKNOWN_CHAT) {
      chatsByName.forEach(
          (name, ids) -> {
            if (ids.size() == 1 && ids.contains(chat.id())) {
              chatNames.add(name);
            }
          });
    }
    if (target instanceof Target.Contact contact) {
      for (CaseInput c : cases) {
        if (!c.counted()) {
          continue;
        }
        for (TradeSighting a : c.trade()) {
          if (!a.contacts().contains(contact.contact())) {
            continue;
          }
          String id = sender(a.chatId(), a.chatName(), a.senderId(), a.senderName());
          if (!id.isEmpty()) {
            sellers.add(id);
          } else if (!a.senderName().isEmpty()) {
            sellerNames.add(a.senderName());
          }
        }
      }
      for (String id : sellers) {
        sellerNames.addAll(namesById.getOrDefault(id, Set.of()));
      }
    }
  }

  /** What the consenting cases among {@code cases} tell for a dossier of {@code target}. */
  public static Joins of(Target target, List<CaseInput> cases) {
    return new Joins(target, cases);
  }

  private void learnChat(long chatId, String chatName) {
    if (chatId != Dossiers.UNKNOWN_CHAT && !chatName.isEmpty()) {
      chatsByName.computeIfAbsent(chatName, k -> new HashSet<>()).add(chatId);
    }
  }

  private void learnSender(long chatId, String senderId, String senderName) {
    if (chatId != Dossiers.UNKNOWN_CHAT && !senderId.isEmpty() && !senderName.isEmpty()) {
      idsByChatAndName
          .computeIfAbsent(chatId, k -> new HashMap<>())
          .computeIfAbsent(senderName, k -> new HashSet<>())
          .add(senderId);
      namesById.computeIfAbsent(senderId, k -> new HashSet<>()).add(senderName);
    }
  }

  /**
   * The names exports with ids give chat {@code ID} of a chat target, that no other chat bears: an
   * HTML post in a chat of one of these names counts as a post of that chat. Empty for other
   * targets.
   */
  public Set<String> chatNames() {
    return java.util.Collections.unmodifiableSet(chatNames);
  }

  /** The chat id an HTML export's chat name stands for, or {@link Dossiers#UNKNOWN_CHAT}. */
  long chat(long chatId, String chatName) {
    if (chatId != Dossiers.UNKNOWN_CHAT) {
      return chatId;
    }
    Set<Long> ids = chatsByName.get(chatName);
    return ids != null && ids.size() == 1 ? ids.iterator().next() : Dossiers.UNKNOWN_CHAT;
  }

  /** The post's sender id: as exported, or the one id its name stands for in its chat; or "". */
  String sender(long chatId, String chatName, String senderId, String senderName) {
    if (!senderId.isEmpty() || chatId != Dossiers.UNKNOWN_CHAT || senderName.isEmpty()) {
      return senderId;
    }
    long chat = chat(chatId, chatName);
    if (chat == Dossiers.UNKNOWN_CHAT) {
      return "";
    }
    Set<String> ids = idsByChatAndName.getOrDefault(chat, Map.of()).get(senderName);
    return ids != null && ids.size() == 1 ? ids.iterator().next() : "";
  }

  /** The names account {@code id} bears in exports with ids. */
  Set<String> names(String id) {
    return namesById.getOrDefault(id, Set.of());
  }

  /** For a contact: the accounts that posted an ad naming it. */
  Set<String> sellers() {
    return sellers;
  }

  /** For a contact: the names those accounts bear, and of HTML ads' posters not tied to an id. */
  Set<String> sellerNames() {
    return sellerNames;
  }
}
