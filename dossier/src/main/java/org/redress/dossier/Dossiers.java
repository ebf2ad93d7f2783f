package org.redress.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.redress.phash.Pdq;

/**
 * Builds dossiers. Only cases whose victim consented are read at all; the others contribute
 * nothing. Counting rules (docs/dossiers.md):
 *
 * <ul>
 *   <li>A post is a chat and a message id: the same post in two victims' exports counts once.
 *   <li>A file is a group of copies joined when they have the same SHA-256, when they matched the
 *       same picture in one victim's bank, or (images) when their PDQ hashes are within {@code
 *       pdqRadius} bits: a re-encoded copy is not a second file.
 *   <li>For a contact, the posts counted are those by the accounts that posted an ad naming it.
 * </ul>
 */
public final class Dossiers {
  /** The PDQ distance at or under which two images are one file: the banks' default threshold. */
  public static final int DEFAULT_PDQ_RADIUS = 31;

  private Dossiers() {}

  /** A built dossier, and the pseudonyms to keep for the next build of the same dossier. */
  public record Built(Dossier dossier, Map<String, String> pseudonyms) {
    /** Copies. */
    public Built {
      pseudonyms = Map.copyOf(pseudonyms);
    }
  }

  /**
   * Builds the dossier of {@code target}.
   *
   * @param cases every case of the workspace; those without consent are skipped unread
   * @param pseudonyms case id to pseudonym from earlier builds of this dossier (kept stable); new
   *     victims get the next free letters
   * @param pdqRadius see {@link #DEFAULT_PDQ_RADIUS}
   */
  public static Built build(
      Target target, List<CaseInput> cases, Map<String, String> pseudonyms, int pdqRadius) {
    return build(target, cases, pseudonyms, pdqRadius, 0);
  }

  /**
   * Builds the dossier of {@code target} with its list of posts ({@link Dossier#posts}) starting at
   * post {@code postsFrom} (in the order of the cases and their scans), so a reader can page
   * through every post behind the total, {@link Dossier#LISTED} at a time. The totals and the other
   * lists are those of {@link #build(Target, List, Map, int)}.
   */
  public static Built build(
      Target target,
      List<CaseInput> cases,
      Map<String, String> pseudonyms,
      int pdqRadius,
      long postsFrom) {
    return build(target, cases, pseudonyms, pdqRadius, postsFrom, Dossier.LISTED);
  }

  /**
   * Builds the dossier of {@code target}, each list of references holding at most {@code listed}
   * entries ({@link Dossier#ALL}: every one, so that every number traces to its messages in the
   * JSON; {@link Dossier#complete} says so).
   */
  public static Built build(
      Target target,
      List<CaseInput> cases,
      Map<String, String> pseudonyms,
      int pdqRadius,
      long postsFrom,
      int listed) {
    if (listed < 1) {
      throw new IllegalArgumentException("listed must be >= 1, was " + listed);
    }
    if (postsFrom < 0) {
      throw new IllegalArgumentException("posts from must be >= 0, was " + postsFrom);
    }
    if (pdqRadius < 0 || pdqRadius > 64) {
      throw new IllegalArgumentException("pdq radius must be 0..64, was " + pdqRadius);
    }
    List<Sighting> seen = new ArrayList<>();
    List<TradeSighting> ads = new ArrayList<>();
    Map<Long, Long> members = new HashMap<>();
    List<Sighting> unattributed = new ArrayList<>();
    Joins joins = Joins.of(target, cases);
    for (CaseInput c : cases) {
      if (!c.counted()) {
        continue;
      }
      select(target, c, joins, seen, ads, unattributed);
      c.chatMembers().forEach((chat, n) -> members.merge(chat, n, Math::max));
    }

    Set<String> contributing = new TreeSet<>();
    // A case's sightings come in one run: one set insertion a run, not one a sighting.
    String lastCase = null;
    for (Sighting s : seen) {
      if (!s.caseId().equals(lastCase)) {
        lastCase = s.caseId();
        contributing.add(lastCase);
      }
    }
    unattributed.forEach(s -> contributing.add(s.caseId()));
    ads.forEach(a -> contributing.add(a.caseId()));
    Map<String, String> letters = pseudonyms(contributing, pseudonyms);

    // Files, on two cores: the distinct PDQ values on another thread while this one numbers the
    // SHA-256 values and the posts; then the PDQ join.
    java.util.concurrent.CompletableFuture<PdqSide> pdqSide =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> PdqSide.of(seen));
    Files files = Files.of(seen);

    // Posts: numbered in order of first sighting by an open-addressing map of (chat, message);
    // only the listed ones get an object (their date and references).
    LongKeys postIds = new LongKeys(2, seen.size());
    int[] postOf = new int[seen.size()];
    List<ListedPost> listedPosts = new ArrayList<>();
    Map<Long, ChatAcc> chats = new TreeMap<>();
    Map<String, AccountAcc> accounts = new TreeMap<>();
    Set<String> forwardSources = new HashSet<>();
    int postCount = 0;
    ChatAcc chatAcc = null;
    long chatOf = 0;
    AccountAcc account = null;
    String accountOf = null;
    int firstAt = -1;
    int lastAt = -1;
    for (int i = 0; i < seen.size(); i++) {
      Sighting s = seen.get(i);
      int p = postIds.putIfAbsent(s.chatId(), s.messageId(), postCount);
      if (p == LongKeys.ABSENT) {
        p = postCount++;
        if (p >= postsFrom && p - postsFrom < listed) {
          listedPosts.add(new ListedPost(s.chatId(), s.messageId(), s.date()));
        }
        // Posts of one chat and of one sender come in runs: look each up once a run.
        if (chatAcc == null || chatOf != s.chatId()) {
          chatOf = s.chatId();
          chatAcc = chats.computeIfAbsent(chatOf, id -> new ChatAcc(s.chatName(), s.chatType()));
        }
        chatAcc.posts++;
        if (!s.senderId().isEmpty()) {
          if (account == null || !s.senderId().equals(accountOf)) {
            accountOf = s.senderId();
            account = accounts.computeIfAbsent(accountOf, id -> new AccountAcc(s.senderName()));
          }
          account.posts++;
        }
        if (!s.forwardedFromId().isEmpty()) {
          forwardSources.add(s.forwardedFromId());
        }
      }
      postOf[i] = p;
      if (p >= postsFrom && p - postsFrom < listed) {
        listedPosts.get((int) (p - postsFrom)).seenBy(letters, s);
      }
      if (s.dated()) {
        if (firstAt < 0 || before(s, seen.get(firstAt))) {
          firstAt = i;
        }
        if (lastAt < 0 || before(seen.get(lastAt), s)) {
          lastAt = i;
        }
      }
    }
    Instant first = firstAt < 0 ? null : seen.get(firstAt).date();
    Instant last = lastAt < 0 ? null : seen.get(lastAt).date();

    // HTML posts that may be the target's but no single id ties to it: shown, never counted.
    Map<Sighting.PostKey, PostAcc> notTied = new LinkedHashMap<>();
    Map<String, Long> htmlChats = new HashMap<>();
    for (Sighting s : unattributed) {
      // Without a chat id, a chat name and message id stand for the post.
      long chat =
          Long.MIN_VALUE + htmlChats.computeIfAbsent(s.chatName(), k -> (long) htmlChats.size());
      Sighting.PostKey key =
          s.chatId() == UNKNOWN_CHAT ? new Sighting.PostKey(chat, s.messageId()) : s.post();
      notTied
          .computeIfAbsent(key, k -> PostAcc.at(notTied.size(), s.date(), 0, listed))
          .seenBy(letters, s.caseId(), s.locator());
    }

    // Files.
    files.join(joined(pdqSide), pdqRadius);

    // Victims.
    Map<String, VictimAcc> victims = new TreeMap<>();
    VictimAcc v0 = null;
    for (int i = 0; i < seen.size(); i++) {
      Sighting s = seen.get(i);
      // A case's sightings come in one run: look her up once a run.
      VictimAcc v = v0 != null && v0.caseId.equals(s.caseId()) ? v0 : null;
      if (v == null) {
        v = victims.computeIfAbsent(s.caseId(), VictimAcc::new);
        v0 = v;
      }
      v.add(postOf[i], files.groupOf(i));
    }
    List<Dossier.Victim> victimRows = new ArrayList<>();
    for (String caseId : contributing) {
      VictimAcc v = victims.getOrDefault(caseId, new VictimAcc(caseId));
      int[] groups = v.distinctGroups();
      long images = java.util.Arrays.stream(groups).filter(g -> !files.video(g)).count();
      victimRows.add(
          new Dossier.Victim(
              pseudonym(letters, caseId),
              caseId,
              v.distinctPosts(),
              groups.length,
              images,
              groups.length - images));
    }
    victimRows.sort(Comparator.comparing(v -> order(v.pseudonym())));

    // Trade.
    Map<String, Long> byCategory = new TreeMap<>();
    Map<Sighting.PostKey, PostAcc> tradePosts = new LinkedHashMap<>();
    for (TradeSighting a : ads) {
      PostAcc p =
          tradePosts.computeIfAbsent(
              a.post(), k -> PostAcc.at(tradePosts.size(), a.date(), 0, listed));
      if (p.isNew) {
        p.isNew = false;
        a.categories().forEach(cat -> byCategory.merge(cat, 1L, Long::sum));
      }
      p.seenBy(letters, a.caseId(), a.locator());
    }

    Long maxMembers = null;
    List<Dossier.ChatSeen> chatRows = new ArrayList<>();
    for (Map.Entry<Long, ChatAcc> e : chats.entrySet()) {
      Long m = members.get(e.getKey());
      if (m != null) {
        maxMembers = maxMembers == null ? m : Math.max(maxMembers, m);
      }
      chatRows.add(
          new Dossier.ChatSeen(
              e.getKey(), e.getValue().name, e.getValue().type, e.getValue().posts, m));
    }
    List<Dossier.AccountSeen> accountRows = new ArrayList<>();
    accounts.forEach((id, a) -> accountRows.add(new Dossier.AccountSeen(id, a.name, a.posts)));

    Dossier.Totals totals =
        new Dossier.Totals(
            postCount,
            files.groups(),
            files.distinctSha256(),
            files.images(),
            files.groups() - files.images(),
            victimRows.stream().filter(v -> v.files() > 0).count(),
            chats.size(),
            accounts.size(),
            forwardSources.size(),
            tradePosts.size(),
            first,
            last,
            maxMembers,
            notTied.size());
    Dossier d =
        new Dossier(
            Dossier.SCHEMA,
            target.key(),
            totals,
            victimRows,
            listedPosts.stream().map(ListedPost::row).toList(),
            files.rows(seen, letters, listed),
            chatRows,
            accountRows,
            byCategory,
            postRows(tradePosts, 0, listed),
            pdqRadius,
            Dossier.JOIN_ALL_COPIES,
            postRows(notTied, 0, listed).stream()
                .map(
                    p ->
                        p.chatId() < Long.MIN_VALUE / 2
                            ? new Dossier.Post(UNKNOWN_CHAT, p.messageId(), p.date(), p.seenIn())
                            : p)
                .toList(),
            listed == Dossier.ALL && postsFrom == 0);
    return new Built(d, letters);
  }

  /**
   * The sightings of one case that a dossier of {@code target} counts (none when she has not
   * consented): what her case's joint evidence is drawn from.
   */
  public static List<Sighting> counted(Target target, CaseInput c, Joins joins) {
    List<Sighting> seen = new ArrayList<>();
    if (c.counted()) {
      select(target, c, joins, seen, new ArrayList<>(), new ArrayList<>());
    }
    return seen;
  }

  /**
   * The names the consenting cases' exports give chat {@code target} where they carry its id: a
   * post of an export without chat ids (Telegram's HTML export) in a chat of one of these names is
   * counted as a post of that chat (docs/dossiers.md), unless another chat bears the name too.
   * Empty for other targets.
   */
  public static Set<String> chatNames(Target target, List<CaseInput> cases) {
    return Joins.of(target, cases).chatNames();
  }

  /** The chat id of a post whose export gave none (an HTML export). */
  static final long UNKNOWN_CHAT = 0L;

  private static void select(
      Target target,
      CaseInput c,
      Joins joins,
      List<Sighting> seen,
      List<TradeSighting> ads,
      List<Sighting> unattributed) {
    if (target instanceof Target.Chat chat) {
      Set<String> chatNames = joins.chatNames();
      for (Sighting s : c.sightings()) {
        if (s.chatId() == chat.id()) {
          seen.add(s);
        } else if (s.chatId() == UNKNOWN_CHAT && chatNames.contains(s.chatName())) {
          seen.add(s.inChat(chat.id()));
        }
      }
      for (TradeSighting a : c.trade()) {
        if (a.chatId() == chat.id()) {
          ads.add(a);
        } else if (a.chatId() == UNKNOWN_CHAT && chatNames.contains(a.chatName())) {
          ads.add(a.inChat(chat.id()));
        }
      }
    } else if (target instanceof Target.Sender sender) {
      Set<String> names = joins.names(sender.id());
      for (Sighting s : c.sightings()) {
        String id = joins.sender(s.chatId(), s.chatName(), s.senderId(), s.senderName());
        if (id.equals(sender.id())) {
          seen.add(tied(s, joins, id));
        } else if (id.isEmpty() && names.contains(s.senderName())) {
          unattributed.add(s);
        }
      }
      for (TradeSighting a : c.trade()) {
        String id = joins.sender(a.chatId(), a.chatName(), a.senderId(), a.senderName());
        if (id.equals(sender.id())) {
          ads.add(tied(a, joins));
        }
      }
    } else if (target instanceof Target.Contact contact) {
      for (TradeSighting a : c.trade()) {
        if (a.contacts().contains(contact.contact())) {
          ads.add(tied(a, joins));
        }
      }
      for (Sighting s : c.sightings()) {
        String id = joins.sender(s.chatId(), s.chatName(), s.senderId(), s.senderName());
        if (!id.isEmpty() && joins.sellers().contains(id)) {
          seen.add(tied(s, joins, id));
        } else if (id.isEmpty() && joins.sellerNames().contains(s.senderName())) {
          unattributed.add(s);
        }
      }
    }
  }

  /** An HTML export's sighting placed in its chat and tied to its sender (JSON: as it is). */
  private static Sighting tied(Sighting s, Joins joins, String senderId) {
    if (s.chatId() != UNKNOWN_CHAT) {
      return s;
    }
    return s.inChat(joins.chat(s.chatId(), s.chatName())).bySender(senderId);
  }

  private static TradeSighting tied(TradeSighting a, Joins joins) {
    long chat = joins.chat(a.chatId(), a.chatName());
    return a.chatId() != UNKNOWN_CHAT || chat == UNKNOWN_CHAT ? a : a.inChat(chat);
  }

  /**
   * Pseudonyms: the ones already given are kept; each new case (in case-id order) gets the next
   * letter not yet used ({@code A}…{@code Z}, then {@code AA}, {@code AB}, …).
   */
  static Map<String, String> pseudonyms(Set<String> cases, Map<String, String> given) {
    Map<String, String> out = new TreeMap<>();
    Set<String> used = new HashSet<>(given.values());
    for (String c : cases) {
      String p = given.get(c);
      if (p != null) {
        out.put(c, p);
      }
    }
    int next = 0;
    for (String c : cases) {
      if (out.containsKey(c)) {
        continue;
      }
      String p;
      do {
        p = letters(next++);
      } while (used.contains(p));
      used.add(p);
      out.put(c, p);
    }
    // Keep earlier victims' letters reserved even when they are not in this build.
    given.forEach(out::putIfAbsent);
    return out;
  }

  private static String pseudonym(Map<String, String> names, String caseId) {
    String p = names.get(caseId);
    if (p == null) {
      throw new IllegalStateException("no pseudonym for a contributing case");
    }
    return p;
  }

  /** 0 → A, 25 → Z, 26 → AA: bijective base 26. */
  static String letters(int n) {
    StringBuilder b = new StringBuilder();
    int k = n + 1;
    while (k > 0) {
      k--;
      b.append((char) ('A' + k % 26));
      k /= 26;
    }
    return b.reverse().toString();
  }

  private static String order(String pseudonym) {
    return String.format(java.util.Locale.ROOT, "%08d%s", pseudonym.length(), pseudonym);
  }

  private static List<Dossier.Post> postRows(
      Map<Sighting.PostKey, PostAcc> posts, long from, int listed) {
    List<Dossier.Post> rows = new ArrayList<>();
    long at = 0;
    for (Map.Entry<Sighting.PostKey, PostAcc> e : posts.entrySet()) {
      if (rows.size() == listed) {
        break;
      }
      if (at++ < from) {
        continue;
      }
      List<Dossier.Ref> refs = e.getValue().refs;
      rows.add(
          new Dossier.Post(
              e.getKey().chatId(),
              e.getKey().messageId(),
              e.getValue().date,
              refs == null ? List.of() : refs));
    }
    return rows;
  }

  /** Whether {@code a}'s date is before {@code b}'s (both dated). */
  private static boolean before(Sighting a, Sighting b) {
    return a.dateSeconds() < b.dateSeconds()
        || (a.dateSeconds() == b.dateSeconds() && a.dateNanos() < b.dateNanos());
  }

  /** A post in the list: its ids, date and the cases that saw it (one reference each). */
  private static final class ListedPost {
    final long chatId;
    final long messageId;
    final @Nullable Instant date;
    final List<Dossier.Ref> refs = new ArrayList<>(1);

    ListedPost(long chatId, long messageId, @Nullable Instant date) {
      this.chatId = chatId;
      this.messageId = messageId;
      this.date = date;
    }

    void seenBy(Map<String, String> letters, Sighting s) {
      for (Dossier.Ref r : refs) {
        if (r.caseId().equals(s.caseId())) {
          return;
        }
      }
      refs.add(new Dossier.Ref(pseudonym(letters, s.caseId()), s.caseId(), s.locator()));
    }

    Dossier.Post row() {
      return new Dossier.Post(chatId, messageId, date, refs);
    }
  }

  private static final class PostAcc {
    final @Nullable Instant date;
    // Only a listed post keeps its references: a million unlisted ones would only feed the GC.
    final @Nullable List<Dossier.Ref> refs;
    boolean isNew = true;

    private PostAcc(@Nullable Instant date, boolean listed) {
      this.date = date;
      this.refs = listed ? new ArrayList<>(1) : null;
    }

    /**
     * The {@code index}-th post of a map whose listed posts are {@code from} to {@code from +
     * listed}.
     */
    static PostAcc at(int index, @Nullable Instant date, long from, int listed) {
      return new PostAcc(date, index >= from && index - from < listed);
    }

    /** Adds the case's reference unless it has one (a post is seen by a few cases at most). */
    void seenBy(Map<String, String> letters, String caseId, String locator) {
      List<Dossier.Ref> l = refs;
      if (l == null) {
        return;
      }
      for (Dossier.Ref r : l) {
        if (r.caseId().equals(caseId)) {
          return;
        }
      }
      l.add(new Dossier.Ref(pseudonym(letters, caseId), caseId, locator));
    }
  }

  private static final class ChatAcc {
    final String name;
    final String type;
    long posts;

    ChatAcc(String name, String type) {
      this.name = name;
      this.type = type;
    }
  }

  private static final class AccountAcc {
    final String name;
    long posts;

    AccountAcc(String name) {
      this.name = name;
    }
  }

  /** One victim's posts and files, as indices (no boxing: a million sightings stay light). */
  private static final class VictimAcc {
    final String caseId;
    private int[] posts = new int[16];
    private int[] groups = new int[16];
    private int n;

    VictimAcc(String caseId) {
      this.caseId = caseId;
    }

    void add(int post, int group) {
      if (n == posts.length) {
        posts = java.util.Arrays.copyOf(posts, n * 2);
        groups = java.util.Arrays.copyOf(groups, n * 2);
      }
      posts[n] = post;
      groups[n] = group;
      n++;
    }

    int distinctPosts() {
      return java.util.Arrays.stream(posts, 0, n).sorted().distinct().toArray().length;
    }

    int[] distinctGroups() {
      return java.util.Arrays.stream(groups, 0, n).sorted().distinct().toArray();
    }
  }

  /** The PDQ side of the files, made on another core ({@link PdqSide#of}). */
  private static PdqSide joined(java.util.concurrent.CompletableFuture<PdqSide> side) {
    try {
      return side.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * The images' distinct PDQ values (as words, never text) for the join, the first sighting of
   * each, and the pairs of sightings with the same value.
   */
  private static final class PdqSide {
    final int count;
    // Value k is words[4k .. 4k + 3] (Pdq#toLongs order), as PdqJoin takes them.
    final long[] words;
    final int[] sightingOf;
    final int[] duplicate;
    final int duplicates;

    private PdqSide(int count, long[] words, int[] sightingOf, int[] duplicate, int duplicates) {
      this.count = count;
      this.words = words;
      this.sightingOf = sightingOf;
      this.duplicate = duplicate;
      this.duplicates = duplicates;
    }

    static PdqSide of(List<Sighting> seen) {
      int n = seen.size();
      LongKeys distinct = new LongKeys(4, n);
      long[] words = new long[64];
      int[] sightingOf = new int[16];
      int[] duplicate = new int[16];
      int duplicates = 0;
      int count = 0;
      for (int i = 0; i < n; i++) {
        Sighting s = seen.get(i);
        if (s.kind() != Sighting.MediaKind.IMAGE || s.pdqForm() == Sighting.PDQ_NONE) {
          continue;
        }
        long w0;
        long w1;
        long w2;
        long w3;
        if (s.pdqForm() == Sighting.PDQ_WORDS) {
          w0 = s.pdqWord(0);
          w1 = s.pdqWord(1);
          w2 = s.pdqWord(2);
          w3 = s.pdqWord(3);
        } else {
          long[] w = Pdq.parse(java.util.Objects.requireNonNull(s.pdqText())).toLongs();
          w0 = w[0];
          w1 = w[1];
          w2 = w[2];
          w3 = w[3];
        }
        int known = distinct.putIfAbsent(w0, w1, w2, w3, count);
        if (known != LongKeys.ABSENT) {
          if (2 * duplicates + 1 >= duplicate.length) {
            duplicate = java.util.Arrays.copyOf(duplicate, duplicate.length * 2);
          }
          duplicate[2 * duplicates] = sightingOf[known];
          duplicate[2 * duplicates + 1] = i;
          duplicates++;
          continue;
        }
        if (count == sightingOf.length) {
          sightingOf = java.util.Arrays.copyOf(sightingOf, count * 2);
          words = java.util.Arrays.copyOf(words, count * 8);
        }
        sightingOf[count] = i;
        words[4 * count] = w0;
        words[4 * count + 1] = w1;
        words[4 * count + 2] = w2;
        words[4 * count + 3] = w3;
        count++;
      }
      return new PdqSide(
          count, java.util.Arrays.copyOf(words, 4 * count), sightingOf, duplicate, duplicates);
    }
  }

  /**
   * Copies joined into files with a union-find over distinct SHA-256 values. The hashes stay the
   * sightings' words: distinct values are found by open-addressing maps of four longs ({@link
   * LongKeys}), and a value's text is made only for the files listed.
   */
  private static final class Files {
    private final int[] parent;
    private final int[] nodeOfSighting;
    private final boolean[] videoNode;
    // The first sighting of each distinct SHA-256: where its text is read for a listed file.
    private final int[] sightingOfNode;
    private int[] groupOfRoot = new int[0];
    private int groupCount;
    private boolean[] videoGroup = new boolean[0];

    private Files(int[] nodeOfSighting, int[] sightingOfNode, boolean[] videoNode) {
      this.nodeOfSighting = nodeOfSighting;
      this.sightingOfNode = sightingOfNode;
      this.videoNode = videoNode;
      this.parent = new int[sightingOfNode.length];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
      }
    }

    static Files of(List<Sighting> seen) {
      int n = seen.size();
      LongKeys nodeBySha = new LongKeys(4, n);
      // SHA-256 values not of 64 lower-case hex digits (kept as text): by text, apart.
      Map<String, Integer> nodeByText = new HashMap<>();
      int[] nodeOf = new int[n];
      int[] sightingOf = new int[n];
      boolean[] video = new boolean[n];
      int nodes = 0;
      for (int i = 0; i < n; i++) {
        Sighting s = seen.get(i);
        String text = s.shaText();
        int known;
        if (text == null) {
          known =
              nodeBySha.putIfAbsent(s.shaWord(0), s.shaWord(1), s.shaWord(2), s.shaWord(3), nodes);
        } else {
          Integer k = nodeByText.putIfAbsent(text, nodes);
          known = k == null ? LongKeys.ABSENT : k;
        }
        if (known == LongKeys.ABSENT) {
          known = nodes++;
          sightingOf[known] = i;
          video[known] = s.kind() == Sighting.MediaKind.VIDEO;
        }
        nodeOf[i] = known;
      }
      Files f =
          new Files(
              nodeOf,
              java.util.Arrays.copyOf(sightingOf, nodes),
              java.util.Arrays.copyOf(video, nodes));
      // Same picture of one victim's bank (a case's sightings come in runs: one map per case).
      Map<String, Map<String, Integer>> nodeByItem = new HashMap<>();
      Map<String, Integer> items = new HashMap<>();
      String itemsOf = null;
      for (int i = 0; i < n; i++) {
        Sighting s = seen.get(i);
        if (!s.caseId().equals(itemsOf)) {
          itemsOf = s.caseId();
          items = nodeByItem.computeIfAbsent(itemsOf, k -> new HashMap<>());
        }
        Integer other = items.putIfAbsent(s.item(), nodeOf[i]);
        if (other != null) {
          f.union(other, nodeOf[i]);
        }
      }
      return f;
    }

    /**
     * Joins the files whose images have the same PDQ value or values within {@code radius} bits
     * (every pair of distinct values within it, exactly: {@link PdqJoin}), then numbers the files.
     */
    void join(PdqSide pdq, int radius) {
      for (int k = 0; k < pdq.duplicates; k++) {
        union(nodeOfSighting[pdq.duplicate[2 * k]], nodeOfSighting[pdq.duplicate[2 * k + 1]]);
      }
      if (pdq.count > 1) {
        int[] first = pdq.sightingOf;
        PdqJoin.links(
            pdq.words, radius, (x, y) -> union(nodeOfSighting[first[x]], nodeOfSighting[first[y]]));
      }
      number();
    }

    private int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    private void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }

    private void number() {
      groupOfRoot = new int[parent.length];
      java.util.Arrays.fill(groupOfRoot, -1);
      List<Boolean> video = new ArrayList<>();
      for (int n = 0; n < parent.length; n++) {
        int r = find(n);
        if (groupOfRoot[r] < 0) {
          groupOfRoot[r] = groupCount++;
          video.add(videoNode[r]);
        }
      }
      videoGroup = new boolean[groupCount];
      for (int g = 0; g < groupCount; g++) {
        videoGroup[g] = video.get(g);
      }
    }

    int groupOf(int sighting) {
      return groupOfRoot[find(nodeOfSighting[sighting])];
    }

    boolean video(int group) {
      return videoGroup[group];
    }

    int groups() {
      return groupCount;
    }

    int distinctSha256() {
      return sightingOfNode.length;
    }

    long images() {
      long n = 0;
      for (boolean v : videoGroup) {
        if (!v) {
          n++;
        }
      }
      return n;
    }

    List<Dossier.FileGroup> rows(List<Sighting> seen, Map<String, String> names, int listed) {
      // Only the groups listed are described: the others are counted, not listed.
      int shown = Math.min(groupCount, listed);
      List<List<String>> shas = new ArrayList<>();
      List<List<Dossier.Ref>> refs = new ArrayList<>();
      long[] postsTotal = new long[shown];
      List<Set<String>> victims = new ArrayList<>();
      List<Set<Sighting.PostKey>> distinctPosts = new ArrayList<>();
      for (int g = 0; g < shown; g++) {
        shas.add(new ArrayList<>());
        refs.add(new ArrayList<>());
        victims.add(new HashSet<>());
        distinctPosts.add(new HashSet<>());
      }
      for (int n = 0; n < parent.length; n++) {
        int g = groupOfRoot[find(n)];
        if (g >= shown) {
          continue;
        }
        List<String> l = shas.get(g);
        if (l.size() < listed) {
          l.add(seen.get(sightingOfNode[n]).sha256());
        }
      }
      for (int i = 0; i < seen.size(); i++) {
        int g = groupOf(i);
        if (g >= shown) {
          continue;
        }
        Sighting s = seen.get(i);
        String victim = pseudonym(names, s.caseId());
        victims.get(g).add(victim);
        // A post is listed once per file, with the first case that saw it.
        if (distinctPosts.get(g).add(s.post())) {
          postsTotal[g]++;
          if (refs.get(g).size() < listed) {
            refs.get(g).add(new Dossier.Ref(victim, s.caseId(), s.locator()));
          }
        }
      }
      List<Dossier.FileGroup> out = new ArrayList<>();
      for (int g = 0; g < shown; g++) {
        out.add(
            new Dossier.FileGroup(
                videoGroup[g] ? "video" : "image",
                shas.get(g),
                refs.get(g),
                postsTotal[g],
                victims.get(g).stream().sorted(Comparator.comparing(Dossiers::order)).toList()));
      }
      return out;
    }
  }
}
