package org.redress.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of document Redress writes, each with a Chinese and an English template. */
public enum DocumentKind {
  /** 报案材料: report to the police for the administrative (PSAPL) and criminal routes. */
  POLICE_REPORT("police-report", "报案材料", "Police report", true),
  /** 网络侵权通知: notice to a platform under Civil Code Art 1195 (takedown). */
  TAKEDOWN_NOTICE("takedown-notice", "网络侵权通知书", "Takedown notice", true),
  /** 民事起诉状: civil complaint (隐私权纠纷 or 网络侵权责任纠纷). */
  CIVIL_COMPLAINT("civil-complaint", "民事起诉状", "Civil complaint", true),
  /** 刑事自诉状: private prosecution for insult under Criminal Law Art 246. */
  PRIVATE_PROSECUTION("private-prosecution", "刑事自诉状", "Private prosecution complaint", true),
  /** Text for a report to the 12377 illegal and harmful information reporting centre. */
  REPORT_12377("report-12377", "12377举报材料", "12377 report", true),
  /** 证据目录: the evidence list with hashes, log indices and capture times. */
  EVIDENCE_LIST("evidence-list", "证据目录", "Evidence list", true),
  /** The assessment report: findings, deadlines and next steps, for the victim. */
  ASSESSMENT("assessment", "法律评估报告", "Legal assessment report", false);

  private final String id;
  private final String titleZh;
  private final String titleEn;
  private final boolean filing;

  DocumentKind(String id, String titleZh, String titleEn, boolean filing) {
    this.id = id;
    this.titleZh = titleZh;
    this.titleEn = titleEn;
    this.filing = filing;
  }

  /** The identifier used on the command line, in file names and in template names. */
  public String id() {
    return id;
  }

  /** The document's title in a language. */
  public String title(Lang lang) {
    return lang == Lang.ZH ? titleZh : titleEn;
  }

  /**
   * Whether the document is filed with an authority or a platform. Filings get a separate notes
   * page (to remove before filing) instead of notices inside the text.
   */
  public boolean filing() {
    return filing;
  }

  /** The kind with this identifier, if any. */
  public static Optional<DocumentKind> tryParse(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String n = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.id.equals(n)).findFirst();
  }

  /**
   * The kind with this identifier.
   *
   * @throws IllegalArgumentException naming the value and the known kinds when there is none
   */
  public static DocumentKind parse(String id) {
    return tryParse(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    String.format(
                        Locale.ROOT,
                        "unknown document kind '%s' (known: %s)",
                        id,
                        Arrays.stream(values()).map(DocumentKind::id)
                            .collect(Collectors.joining(", ")))));
  }
}
