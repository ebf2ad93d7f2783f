package org.redress.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The takedown tracker's storage, keyed by case id: every notice sent to a platform (Civil Code Art
 * 1195) and every answer, from the platform's feedback, from the API, or entered by hand. Dates are
 * calendar dates in the case's zone, as the caller gives them.
 */
public final class TakedownStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Workspace ws;

  TakedownStore(Workspace ws) {
    this.ws = ws;
  }

  /** What a platform answered. */
  public enum AnswerKind {
    /** The content was blocked or removed. */
    BLOCKED,
    /** Reviewed and not blocked. */
    NOT_BLOCKED,
    /** A match is waiting for the platform's review. */
    PENDING_REVIEW,
    /** Received, nothing decided (an acknowledgement). */
    ACKNOWLEDGED,
    /** Refused in writing. */
    REFUSED
  }

  /** Where an answer came from. */
  public enum Source {
    /** The platform's feedback through the feed API. */
    FEEDBACK,
    /** Another API call. */
    API,
    /** Entered by a case worker. */
    HAND
  }

  /**
   * A notice to add.
   *
   * @param caseId the case
   * @param platform the platform's name as the case worker writes it
   * @param sentOn the day it was sent
   * @param refs the URLs or message references it names
   * @param hashes hashes it names
   * @param document the generated notice's file, or null
   */
  public record NewNotice(
      String caseId,
      String platform,
      LocalDate sentOn,
      List<String> refs,
      List<String> hashes,
      String document) {
    public NewNotice {
      refs = List.copyOf(refs);
      hashes = List.copyOf(hashes);
      checkCommon(caseId, platform, sentOn);
      NewItem.checkText("document", document, 500);
    }
  }

  /**
   * A stored notice.
   *
   * @param id database id
   * @param notice what was sent
   * @param recordedAt when it was recorded
   */
  public record Notice(long id, NewNotice notice, Instant recordedAt) {}

  /**
   * An answer to add.
   *
   * @param caseId the case
   * @param platform the platform
   * @param answeredOn the day of the answer
   * @param kind what it says
   * @param source where it came from
   * @param hash the hash it is about, or null
   * @param detail a free note (message reference, wording), may be empty
   * @param evidenceRef the sealed screenshot's evidence id, or null
   */
  public record NewAnswer(
      String caseId,
      String platform,
      LocalDate answeredOn,
      AnswerKind kind,
      Source source,
      String hash,
      String detail,
      String evidenceRef) {
    public NewAnswer {
      checkCommon(caseId, platform, answeredOn);
      if (kind == null || source == null) {
        throw new IllegalArgumentException("an answer needs a kind and a source");
      }
      detail = detail == null ? "" : detail;
      NewItem.checkText("detail", detail, 1000);
      NewItem.checkText("hash", hash, 64);
      NewItem.checkText("evidence reference", evidenceRef, 200);
    }
  }

  /**
   * A stored answer.
   *
   * @param id database id
   * @param answer what was answered
   * @param recordedAt when it was recorded
   */
  public record Answer(long id, NewAnswer answer, Instant recordedAt) {}

  /** Records a notice. */
  public Notice addNotice(NewNotice n) {
    long now = ws.clock().millis();
    return ws.tx(
        "record a notice for case " + n.caseId(),
        h -> {
          h.createUpdate(
                  "INSERT INTO takedown_notice (case_id, platform, sent_on, refs, hashes, document,"
                      + " created_at) VALUES (:c, :p, :d, :r, :h, :doc, :now)")
              .bind("c", n.caseId())
              .bind("p", n.platform())
              .bind("d", n.sentOn().toString())
              .bind("r", json(n.refs()))
              .bind("h", json(n.hashes()))
              .bind("doc", n.document())
              .bind("now", now)
              .execute();
          return notices(h, n.caseId()).get(notices(h, n.caseId()).size() - 1);
        });
  }

  /** Records an answer. */
  public Answer addAnswer(NewAnswer a) {
    long now = ws.clock().millis();
    return ws.tx(
        "record an answer for case " + a.caseId(),
        h -> {
          insertAnswer(h, now, a);
          List<Answer> all = answers(h, a.caseId());
          return all.get(all.size() - 1);
        });
  }

  /** A case's notices, in the order recorded. */
  public List<Notice> notices(String caseId) {
    return ws.tx("read notices of case " + caseId, h -> notices(h, caseId));
  }

  /** A case's answers, in the order recorded. */
  public List<Answer> answers(String caseId) {
    return ws.tx("read answers of case " + caseId, h -> answers(h, caseId));
  }

  /** The answer kind a feed feedback value stands for, if it is one. */
  static Optional<AnswerKind> answerKindOf(String feedback) {
    switch (feedback) {
      case "Blocked":
        return Optional.of(AnswerKind.BLOCKED);
      case "NotBlocked":
        return Optional.of(AnswerKind.NOT_BLOCKED);
      case "PendingReview":
        return Optional.of(AnswerKind.PENDING_REVIEW);
      default:
        return Optional.empty();
    }
  }

  static void insertAnswer(Handle h, long now, NewAnswer a) {
    h.createUpdate(
            "INSERT INTO takedown_answer (case_id, platform, answered_on, kind, source, hash_value,"
                + " detail, evidence_ref, created_at) VALUES (:c, :p, :d, :k, :s, :h, :det, :e,"
                + " :now)")
        .bind("c", a.caseId())
        .bind("p", a.platform())
        .bind("d", a.answeredOn().toString())
        .bind("k", a.kind().name())
        .bind("s", a.source().name())
        .bind("h", a.hash())
        .bind("det", a.detail())
        .bind("e", a.evidenceRef())
        .bind("now", now)
        .execute();
  }

  private static List<Notice> notices(Handle h, String caseId) {
    return h.createQuery("SELECT * FROM takedown_notice WHERE case_id = :c ORDER BY id")
        .bind("c", caseId)
        .map((rs, ctx) -> notice(rs))
        .list();
  }

  private static List<Answer> answers(Handle h, String caseId) {
    return h.createQuery("SELECT * FROM takedown_answer WHERE case_id = :c ORDER BY id")
        .bind("c", caseId)
        .map((rs, ctx) -> answer(rs))
        .list();
  }

  private static Notice notice(ResultSet rs) throws SQLException {
    return new Notice(
        rs.getLong("id"),
        new NewNotice(
            rs.getString("case_id"),
            rs.getString("platform"),
            LocalDate.parse(rs.getString("sent_on")),
            strings(rs.getString("refs")),
            strings(rs.getString("hashes")),
            rs.getString("document")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static Answer answer(ResultSet rs) throws SQLException {
    return new Answer(
        rs.getLong("id"),
        new NewAnswer(
            rs.getString("case_id"),
            rs.getString("platform"),
            LocalDate.parse(rs.getString("answered_on")),
            AnswerKind.valueOf(rs.getString("kind")),
            Source.valueOf(rs.getString("source")),
            rs.getString("hash_value"),
            rs.getString("detail"),
            rs.getString("evidence_ref")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static void checkCommon(String caseId, String platform, LocalDate day) {
    if (caseId == null || caseId.isBlank() || platform == null || platform.isBlank()) {
      throw new IllegalArgumentException("a case id and a platform are required");
    }
    if (day == null) {
      throw new IllegalArgumentException("a date is required");
    }
    NewItem.checkText("case id", caseId, 100);
    NewItem.checkText("platform", platform, 100);
  }

  private static String json(List<String> v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write a list as JSON: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new CasesException("a stored list is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
