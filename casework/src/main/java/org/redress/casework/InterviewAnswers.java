package org.redress.casework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Her answers to the intake interview ({@code redress/interview-answers@1}), in the order given:
 * each a value, "I don't know" or "skip", with when and by whom. Immutable; its JSON form
 * round-trips ({@link #parse}, {@link #toJson}). Personal data: stored encrypted with the case.
 */
public final class InterviewAnswers {
  /** The schema identifier of the JSON form. */
  public static final String SCHEMA = "redress/interview-answers@1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final InterviewAnswers EMPTY = new InterviewAnswers(Map.of());

  private final Map<String, Answer> answers;

  private InterviewAnswers(Map<String, Answer> answers) {
    this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  /** What she said. */
  public enum State {
    /** A value. */
    GIVEN,
    /** "I don't know" (不清楚). */
    UNKNOWN,
    /** "Skip" (跳过): she may come back to it from the review. */
    SKIPPED;

    /** The JSON word. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One answer.
   *
   * @param state given, unknown or skipped
   * @param value the value's text form for {@link State#GIVEN}, else empty
   * @param at when it was given
   * @param by who gave it (the session's account, or {@code local})
   */
  public record Answer(State state, String value, Instant at, String by) {
    /** Checks the parts. */
    public Answer {
      if (state == null || value == null || at == null || by == null) {
        throw new IllegalArgumentException("answer parts must not be null");
      }
      if ((state == State.GIVEN) == value.isEmpty()) {
        throw new IllegalArgumentException("a given answer has a value, others none: " + state);
      }
    }
  }

  /** No answers. */
  public static InterviewAnswers empty() {
    return EMPTY;
  }

  /** The answer for a fact, if any. */
  public Optional<Answer> get(String fact) {
    return Optional.ofNullable(answers.get(fact));
  }

  /** Every answer by fact, in the order first given. */
  public Map<String, Answer> all() {
    return answers;
  }

  /** These answers with {@code fact} answered (replacing an earlier answer in place). */
  public InterviewAnswers with(String fact, Answer a) {
    Map<String, Answer> m = new LinkedHashMap<>(answers);
    m.put(fact, a);
    return new InterviewAnswers(m);
  }

  /** The number of answers. */
  public int size() {
    return answers.size();
  }

  /** The JSON form. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    ObjectNode as = root.putObject("answers");
    answers.forEach(
        (k, a) -> {
          ObjectNode n = as.putObject(k);
          n.put("state", a.state().key());
          if (a.state() == State.GIVEN) {
            n.put("value", a.value());
          }
          n.put("at", a.at().toString());
          n.put("by", a.by());
        });
    return root.toPrettyString();
  }

  /**
   * Reads the JSON form.
   *
   * @throws CaseworkException naming {@code name} and the bad field
   */
  public static InterviewAnswers parse(String json, String name) throws CaseworkException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new CaseworkException(name + ": not JSON", e);
    }
    if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
      throw new CaseworkException(name + ": schema: expected \"" + SCHEMA + "\"");
    }
    Map<String, Answer> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("answers").properties()) {
      JsonNode n = e.getValue();
      try {
        State s = State.valueOf(n.path("state").asText("").toUpperCase(Locale.ROOT));
        m.put(
            e.getKey(),
            new Answer(
                s,
                n.path("value").asText(""),
                Instant.parse(n.path("at").asText("")),
                n.path("by").asText("")));
      } catch (IllegalArgumentException | DateTimeParseException ex) {
        throw new CaseworkException(name + ": answers." + e.getKey() + ": malformed", ex);
      }
    }
    return new InterviewAnswers(m);
  }
}
