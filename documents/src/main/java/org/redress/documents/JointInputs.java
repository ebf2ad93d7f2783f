package org.redress.documents;

import java.time.Instant;
import java.util.List;
import org.redress.law.Finding;

/**
 * What the joint papers of a dossier (issue 19 point 4) are made from: the dossier's totals with
 * the references behind them, each victim's share, the sealed evidence of each case, the joint
 * package, and the law findings only the cases together reach. Victims appear only by pseudonym:
 * nothing here can carry a case id, a name, an ID number or a contact of a victim.
 *
 * @param target what the dossier is about
 * @param totals the dossier's totals
 * @param victims each victim's share, by pseudonym
 * @param posts the posts counted, with the victims whose cases saw each (a prefix of {@code
 *     totals.posts})
 * @param files the distinct files counted (a prefix of {@code totals.distinctFiles})
 * @param evidence each case's sealed items behind the dossier, by pseudonym
 * @param packageFile the joint evidence package's file name, or "" when none was written
 * @param parts the joint package's parts, one per victim
 * @param onlyTogether the law findings no single victim's share reaches, as the engine returned
 *     them
 * @param pdqAllCopies whether every image copy was compared by PDQ (else only each group's first)
 * @param pdqRadius the PDQ distance at or under which two images were one file
 */
public record JointInputs(
    Target target,
    Totals totals,
    List<Victim> victims,
    List<Post> posts,
    List<FileRow> files,
    List<Evidence> evidence,
    String packageFile,
    List<Part> parts,
    List<Finding> onlyTogether,
    boolean pdqAllCopies,
    int pdqRadius) {
  /** Copies. */
  public JointInputs {
    victims = List.copyOf(victims);
    posts = List.copyOf(posts);
    files = List.copyOf(files);
    evidence = List.copyOf(evidence);
    parts = List.copyOf(parts);
    onlyTogether = List.copyOf(onlyTogether);
    for (Victim v : victims) {
      if (!v.pseudonym().matches("[A-Z]{1,3}")) {
        throw new IllegalArgumentException("a pseudonym is 1-3 capitals, was " + v.pseudonym());
      }
    }
  }

  /**
   * The perpetrator.
   *
   * @param kind {@code chat}, {@code sender} or {@code contact}
   * @param id the chat id, the sender id or the normalised contact
   * @param name the chat's or sender's name as exported, "" when unknown
   */
  public record Target(String kind, String id, String name) {}

  /** The dossier's totals (see docs/dossiers.md for how each is counted). */
  public record Totals(
      long posts,
      long distinctFiles,
      long distinctSha256,
      long images,
      long videos,
      long victims,
      long chats,
      long senders,
      long tradePosts,
      Instant firstSeen,
      Instant lastSeen,
      Long maxMembers) {}

  /** One victim's share. */
  public record Victim(String pseudonym, long posts, long files, long images, long videos) {}

  /**
   * A post counted.
   *
   * @param locator the post's platform-neutral place ({@code telegram:chat/1/message/2})
   * @param date its time, or null
   * @param victims the pseudonyms of the victims whose cases saw it
   */
  public record Post(String locator, Instant date, List<String> victims) {
    /** Copies. */
    public Post {
      victims = List.copyOf(victims);
    }
  }

  /**
   * A distinct file.
   *
   * @param kind {@code image} or {@code video}
   * @param sha256 the SHA-256 of its first copy
   * @param copies how many distinct SHA-256 values its copies have
   * @param posts how many posts carried it
   * @param firstPost the locator of the first post that carried it
   * @param victims the pseudonyms of the victims whose pictures it matched
   */
  public record FileRow(
      String kind, String sha256, int copies, long posts, String firstPost, List<String> victims) {
    /** Copies. */
    public FileRow {
      victims = List.copyOf(victims);
    }
  }

  /**
   * One item of a victim's sealed evidence.
   *
   * @param victim her pseudonym
   * @param logIndex the index of the item's leaf in the evidence log
   * @param sha256 its SHA-256
   * @param source where it was found ({@code telegram:chat/1/message/2})
   * @param capturedAt when it was preserved
   */
  public record Evidence(
      String victim, long logIndex, String sha256, String source, Instant capturedAt) {}

  /** One part of the joint package: a victim's case as an ordinary package. */
  public record Part(
      String victim, String entry, int items, String sha256, long treeSize, String rootHex) {}
}
