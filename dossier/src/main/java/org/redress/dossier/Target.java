package org.redress.dossier;

/** What a dossier is about: one chat, one sender, or one seller contact. */
public sealed interface Target {
  /** A stable text form ({@code chat:-1001}, {@code sender:user9}, {@code contact:tg:shop}). */
  String key();

  /** One chat (a channel or group) by its exported id. */
  record Chat(long id) implements Target {
    @Override
    public String key() {
      return "chat:" + id;
    }
  }

  /** One sender account by its exported id, normalised. */
  record Sender(String id) implements Target {
    /** Normalises the id. */
    public Sender {
      id = Identifiers.account(id);
      if (id.isEmpty()) {
        throw new IllegalArgumentException("a sender id must not be empty");
      }
    }

    @Override
    public String key() {
      return "sender:" + id;
    }
  }

  /**
   * One seller contact, normalised ({@link Identifiers#contact}): the trade ads that name it, and
   * what the accounts that posted those ads spread.
   */
  record Contact(String contact) implements Target {
    /** Normalises the contact. */
    public Contact {
      contact = Identifiers.contact(contact);
    }

    @Override
    public String key() {
      return "contact:" + contact;
    }
  }
}
