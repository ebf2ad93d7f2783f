package org.redress.law;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The result of an assessment ({@code redress/findings@1}).
 *
 * @param asOf the assessment date (deadlines are judged against it)
 * @param conductDate the date of the conduct that chose the law
 * @param findings one finding per evaluated provision, in data order
 * @param notAssessed provisions the engine could not assess, with the reason (e.g. no version of
 *     the law data covers the date of the conduct)
 */
public record Findings(
    LocalDate asOf, LocalDate conductDate, List<Finding> findings, List<NotAssessed> notAssessed) {
  /** The schema identifier of the output. */
  public static final String SCHEMA = "redress/findings@1";

  /** The notice every output carries. */
  public static final Text NOTICE = new Text(
      "本结果仅为法律信息，不构成法律意见；标注为未确认（UNCONFIRMED）的内容尚未与官方文本核对。请咨询律师或法律援助机构。",
      "This is legal information, not legal advice; items marked UNCONFIRMED have not been checked "
          + "against the official text. Consult a lawyer or a legal aid centre.");

  /**
   * A provision that could not be assessed.
   *
   * @param lineage the provision across versions
   * @param reason why (one line)
   */
  public record NotAssessed(String lineage, String reason) {}

  /** The finding for a provision ID, if any. */
  public java.util.Optional<Finding> finding(String provisionId) {
    return findings.stream().filter(f -> f.provision().equals(provisionId)).findFirst();
  }

  /** The findings as pretty-printed JSON in the {@code redress/findings@1} shape. */
  public String toJson() {
    ObjectNode root = Yaml.JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("as_of", asOf.toString());
    root.put("conduct_date", conductDate.toString());
    root.set("notice", text(NOTICE));
    ArrayNode arr = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode o = arr.addObject();
      o.put("provision", f.provision());
      o.put("route", f.route());
      o.put("status", f.status());
      if (f.tier() == null) {
        o.putNull("tier");
      } else {
        o.put("tier", f.tier());
      }
      f.basis().forEach(o.putArray("basis")::add);
      if (f.penalty() == null) {
        o.putNull("penalty");
      } else {
        ObjectNode pen = text(f.penalty());
        if (!f.penaltyMax().isEmpty()) {
          ObjectNode max = pen.putObject("max");
          for (Map.Entry<String, Object> e : f.penaltyMax().entrySet()) {
            if (e.getValue() instanceof Boolean) {
              max.put(e.getKey(), (Boolean) e.getValue());
            } else {
              max.put(e.getKey(), (BigDecimal) e.getValue());
            }
          }
        }
        o.set("penalty", pen);
      }
      f.satisfied().forEach(o.putArray("satisfied")::add);
      f.missing().forEach(o.putArray("missing")::add);
      if (f.deadline() == null) {
        o.putNull("deadline");
      } else {
        ObjectNode d = o.putObject("deadline");
        d.put("kind", f.deadline().kind());
        d.put("date", f.deadline().date() == null ? null : f.deadline().date().toString());
        d.put("basis", f.deadline().basis());
        if (f.deadline().stoppedOn() != null) {
          d.put("stopped_on", f.deadline().stoppedOn().toString());
        }
        if (f.deadline().note() != null) {
          d.set("note", text(f.deadline().note()));
        }
      }
      o.set("authority", text(f.authority()));
      o.set("explanation", text(f.explanation()));
      o.put("confirmation", f.confirmation());
      f.unconfirmed().forEach(o.putArray("unconfirmed")::add);
      o.put("lineage", f.lineage());
      o.set("version", text(f.version()));
    }
    ArrayNode na = root.putArray("not_assessed");
    for (NotAssessed n : notAssessed) {
      ObjectNode o = na.addObject();
      o.put("lineage", n.lineage());
      o.put("reason", n.reason());
    }
    try {
      return Yaml.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write findings as JSON", e);
    }
  }

  private static ObjectNode text(Text t) {
    ObjectNode o = Yaml.JSON.createObjectNode();
    o.put("zh", t.zh());
    o.put("en", t.en());
    return o;
  }
}
