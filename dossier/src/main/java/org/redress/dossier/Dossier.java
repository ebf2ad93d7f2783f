package org.redress.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one chat, sender or seller spread, over every consenting case ({@code redress/dossier@1}).
 * Every number has the case-and-message references behind it: {@link #posts} for posts, {@link
 * #files} for files, images and videos, {@link #victims} for each victim's share. Lists of
 * references stop at {@link #LISTED}; their totals always count everything.
 *
 * @param target what it is about ({@link Target#key})
 * @param totals the aggregate counts
 * @param victims one per consenting case with at least one sighting, by pseudonym
 * @param posts the distinct posts, each with the cases that saw it (first {@link #LISTED})
 * @param files the distinct files (copies joined by SHA-256, by bank item within a case and by PDQ
 *     distance), each with its posts (first {@link #LISTED})
 * @param chats the chats the counted posts were in
 * @param accounts the sender accounts of the counted posts
 * @param tradeByCategory trade ads by category (a post in two counts in both)
 * @param tradePosts the trade ads counted (first {@link #LISTED})
 * @param pdqRadius the PDQ distance at or under which two images are one file
 * @param pdqJoin {@link #JOIN_ALL_COPIES}: every copy was compared with every other (every build
 *     since the join became exact at any size); {@link #JOIN_FIRST_COPIES} in dossiers written
 *     before, above 50,000 distinct hashes, where a re-encoded file may count more than once
 * @param unattributed posts of exports without user ids (Telegram HTML) whose sender bears a name
 *     of the sender (or seller) but no single id ties them to it: shown, not counted ({@link
 *     Totals#unattributedPosts})
 * @param complete true when every list holds every reference (the JSON of {@code redress dossier
 *     build --json}); false when lists stop at {@link #LISTED}
 */
public record Dossier(
    String schema,
    String target,
    Totals totals,
    List<Victim> victims,
    List<Post> posts,
    List<FileGroup> files,
    List<ChatSeen> chats,
    List<AccountSeen> accounts,
    Map<String, Long> tradeByCategory,
    List<Post> tradePosts,
    int pdqRadius,
    String pdqJoin,
    List<Post> unattributed,
    boolean complete) {

  /** The schema identifier. */
  public static final String SCHEMA = "redress/dossier@1";

  /** Every image copy was compared with every other by PDQ. */
  public static final String JOIN_ALL_COPIES = "all_copies";

  /** Only the first copy of each group was compared by PDQ (dossiers written before; read only). */
  public static final String JOIN_FIRST_COPIES = "first_copy_per_group";

  /** The most references listed for one number on a page. */
  public static final int LISTED = 1_000;

  /** No limit: every reference is listed. */
  public static final int ALL = Integer.MAX_VALUE;

  /** Copies. */
  public Dossier {
    victims = List.copyOf(victims);
    posts = List.copyOf(posts);
    files = List.copyOf(files);
    chats = List.copyOf(chats);
    accounts = List.copyOf(accounts);
    tradeByCategory = Map.copyOf(tradeByCategory);
    tradePosts = List.copyOf(tradePosts);
    unattributed = unattributed == null ? List.of() : List.copyOf(unattributed);
  }

  /**
   * The aggregate.
   *
   * @param posts distinct posts with a matched file (a post two victims exported is one)
   * @param distinctFiles distinct files: copies joined as {@link Dossier#files} says
   * @param distinctSha256 distinct files by SHA-256 alone (an upper bound of {@code distinctFiles})
   * @param images distinct image files
   * @param videos distinct video files
   * @param maxMembers the largest member count read for a counted chat, null when none was read
   * @param unattributedPosts posts of exports without user ids that may be the sender's but that no
   *     single id ties to it (not in {@code posts}; listed in {@link Dossier#unattributed})
   */
  public record Totals(
      long posts,
      long distinctFiles,
      long distinctSha256,
      long images,
      long videos,
      long victims,
      long chats,
      long senders,
      long forwardSources,
      long tradePosts,
      @Nullable Instant firstSeen,
      @Nullable Instant lastSeen,
      @Nullable Long maxMembers,
      long unattributedPosts) {}

  /**
   * One victim's share, under her pseudonym.
   *
   * @param pseudonym {@code A}, {@code B}, … (shown as 被害人A)
   * @param caseId her case, for the workspace's own use; joint papers show only the pseudonym
   */
  public record Victim(
      String pseudonym, String caseId, long posts, long files, long images, long videos) {}

  /** A case-and-message reference. */
  public record Ref(String victim, String caseId, String locator) {}

  /** A post counted, and the cases whose scans saw it. */
  public record Post(long chatId, long messageId, @Nullable Instant date, List<Ref> seenIn) {
    /** Copies. */
    public Post {
      seenIn = List.copyOf(seenIn);
    }
  }

  /**
   * A distinct file.
   *
   * @param kind {@code image} or {@code video}
   * @param sha256 every SHA-256 among its copies (first {@link Dossier#LISTED})
   * @param posts the posts that carried a copy (first {@link Dossier#LISTED})
   * @param postsTotal every post that carried a copy
   * @param victims the pseudonyms of the victims whose pictures it matched
   */
  public record FileGroup(
      String kind, List<String> sha256, List<Ref> posts, long postsTotal, List<String> victims) {
    /** Copies. */
    public FileGroup {
      sha256 = List.copyOf(sha256);
      posts = List.copyOf(posts);
      victims = List.copyOf(victims);
    }
  }

  /** A chat counted, with the member count read for it if any. */
  public record ChatSeen(
      long chatId, String name, String type, long posts, @Nullable Long members) {}

  /** A sender account counted. */
  public record AccountSeen(String id, String name, long posts) {}
}
