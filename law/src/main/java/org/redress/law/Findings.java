package org.redress.law;

import java.time.LocalDate;
import java.util.List;

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
  public static final Text NOTICE =
      new Text(
          "本结果仅为法律信息，不构成法律意见；标注“未经核实”的内容尚未与官方文本核对。请咨询律师或者法律援助机构。",
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

  /** The findings as pretty-printed JSON in the {@code redress/findings@1} shape (no plan). */
  public String toJson() {
    return new Assessment(this, null).toJson();
  }
}
