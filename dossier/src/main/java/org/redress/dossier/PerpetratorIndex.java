package org.redress.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Every chat, sender, forwarding source and seller contact seen in the consenting cases' scans,
 * with the cases, posts and dates behind each: where an advocate looks for the perpetrator that
 * several cases share. A case without consent contributes nothing.
 */
public final class PerpetratorIndex {
  /** What an entry is. */
  public enum Kind {
    CHAT,
    SENDER,
    FORWARD_SOURCE,
    CONTACT
  }

  /**
   * One identifier.
   *
   * @param id the normalised id (a chat id as text, an account id, a contact {@code tg:…})
   * @param names the names it was shown under
   * @param cases the cases whose scans saw it
   * @param posts distinct posts it appears in (a post seen by two cases counts once)
   */
  public record Entry(
      Kind kind,
      String id,
      List<String> names,
      List<String> cases,
      long posts,
      @Nullable Instant firstSeen,
      @Nullable Instant lastSeen) {
    /** Copies. */
    public Entry {
      names = List.copyOf(names);
      cases = List.copyOf(cases);
    }

    /** The dossier target this entry names. */
    public Target target() {
      return switch (kind) {
        case CHAT -> new Target.Chat(Long.parseLong(id));
        case SENDER, FORWARD_SOURCE -> new Target.Sender(id);
        case CONTACT -> new Target.Contact(id);
      };
    }
  }

  private final List<Entry> entries;

  private PerpetratorIndex(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Every entry, most posts first, then by kind and id. */
  public List<Entry> entries() {
    return entries;
  }

  /** The entries of one kind, most posts first. */
  public List<Entry> entries(Kind kind) {
    return entries.stream().filter(e -> e.kind() == kind).toList();
  }

  /** Entries seen in at least {@code n} cases: what several victims share. */
  public List<Entry> sharedBy(int n) {
    return entries.stream().filter(e -> e.cases().size() >= n).toList();
  }

  /** Indexes the consenting cases. */
  public static PerpetratorIndex of(List<CaseInput> cases) {
    Map<String, Acc> acc = new HashMap<>();
    Map<String, Long> idByName = idsByName(cases);
    for (CaseInput c : cases) {
      if (!c.counted()) {
        continue;
      }
      for (Sighting s : c.sightings()) {
        Sighting.PostKey post = s.post();
        Long chat = chatOf(s.chatId(), s.chatName(), idByName);
        if (chat != null) {
          Sighting.PostKey at = new Sighting.PostKey(chat, s.messageId());
          add(acc, Kind.CHAT, Long.toString(chat), s.chatName(), c, at, s.date());
        }
        if (!s.senderId().isEmpty()) {
          add(acc, Kind.SENDER, s.senderId(), s.senderName(), c, post, s.date());
        }
        if (!s.forwardedFromId().isEmpty()) {
          add(acc, Kind.FORWARD_SOURCE, s.forwardedFromId(), s.forwardedFrom(), c, post, s.date());
        }
      }
      for (TradeSighting a : c.trade()) {
        Sighting.PostKey post = a.post();
        Long chat = chatOf(a.chatId(), a.chatName(), idByName);
        if (chat != null) {
          Sighting.PostKey at = new Sighting.PostKey(chat, a.messageId());
          add(acc, Kind.CHAT, Long.toString(chat), a.chatName(), c, at, a.date());
        }
        if (!a.senderId().isEmpty()) {
          add(acc, Kind.SENDER, a.senderId(), a.senderName(), c, post, a.date());
        }
        for (String contact : a.contacts()) {
          add(acc, Kind.CONTACT, contact, contact, c, post, a.date());
        }
      }
    }
    List<Entry> out = new ArrayList<>();
    for (Acc a : acc.values()) {
      out.add(
          new Entry(
              a.kind,
              a.id,
              new ArrayList<>(a.names),
              new ArrayList<>(a.cases),
              a.posts.size(),
              a.first,
              a.last));
    }
    out.sort(
        Comparator.comparingLong(Entry::posts)
            .reversed()
            .thenComparing(Entry::kind)
            .thenComparing(Entry::id));
    return new PerpetratorIndex(out);
  }

  /**
   * A chat's id; for an export without chat ids (HTML), the one id that exports with ids give a
   * chat of that name (as a dossier counts it, docs/dossiers.md), else none: such a chat is not an
   * entry.
   */
  private static @Nullable Long chatOf(long id, String name, Map<String, Long> idByName) {
    return id != Dossiers.UNKNOWN_CHAT ? Long.valueOf(id) : idByName.get(name);
  }

  /** Chat names that exports with ids give exactly one chat id. */
  private static Map<String, Long> idsByName(List<CaseInput> cases) {
    Map<String, Set<Long>> ids = new HashMap<>();
    for (CaseInput c : cases) {
      if (!c.counted()) {
        continue;
      }
      for (Sighting s : c.sightings()) {
        if (s.chatId() != Dossiers.UNKNOWN_CHAT && !s.chatName().isEmpty()) {
          ids.computeIfAbsent(s.chatName(), k -> new TreeSet<>()).add(s.chatId());
        }
      }
      for (TradeSighting a : c.trade()) {
        if (a.chatId() != Dossiers.UNKNOWN_CHAT && !a.chatName().isEmpty()) {
          ids.computeIfAbsent(a.chatName(), k -> new TreeSet<>()).add(a.chatId());
        }
      }
    }
    Map<String, Long> out = new HashMap<>();
    ids.forEach(
        (name, set) -> {
          if (set.size() == 1) {
            out.put(name, set.iterator().next());
          }
        });
    return out;
  }

  private static void add(
      Map<String, Acc> acc,
      Kind kind,
      String id,
      String name,
      CaseInput c,
      Sighting.PostKey post,
      @Nullable Instant date) {
    Acc a = acc.computeIfAbsent(kind + "\u0000" + id, k -> new Acc(kind, id));
    if (!name.isEmpty() && a.names.size() < 20) {
      a.names.add(name);
    }
    a.cases.add(c.caseId());
    a.posts.add(post);
    if (date != null) {
      a.first = a.first == null || date.isBefore(a.first) ? date : a.first;
      a.last = a.last == null || date.isAfter(a.last) ? date : a.last;
    }
  }

  private static final class Acc {
    final Kind kind;
    final String id;
    final Set<String> names = new TreeSet<>();
    final Set<String> cases = new TreeSet<>();
    final Set<Sighting.PostKey> posts = new HashSet<>();
    @Nullable Instant first;
    @Nullable Instant last;

    Acc(Kind kind, String id) {
      this.kind = kind;
      this.id = id;
    }
  }
}
