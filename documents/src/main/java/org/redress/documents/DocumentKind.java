package org.redress.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of document Redress writes, each with a Chinese and an English template. */
public enum DocumentKind {
  /** 报案材料: report to the police for the administrative (PSAPL) and criminal routes. */
  POLICE_REPORT("police-report", "报案材料", "Police report", true),
  /**
   * 网络侵权通知: notice to a domestic platform under Civil Code Art 1195 (takedown), with her full
   * identity. The platform must forward it to the uploader: the notes warn her.
   */
  TAKEDOWN_NOTICE("takedown-notice", "网络侵权通知书", "Takedown notice", true),
  /**
   * The same notice sent by her lawyer or an NGO, her identity held by them and given to the
   * platform's legal team on request (the minimal-identity variant).
   */
  TAKEDOWN_NOTICE_AGENT(
      "takedown-notice-agent", "网络侵权通知书（代理人发送）", "Takedown notice (sent by an agent)", true),
  /**
   * A notice in English to a foreign platform (Telegram and others) under its own policy on
   * non-consensual intimate imagery, with the hash list attached.
   */
  TAKEDOWN_NOTICE_FOREIGN(
      "takedown-notice-foreign", "境外平台删除通知（英文）", "Removal request to a foreign platform", true),
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

  /** The languages the kind is written in: a foreign platform's notice is English only. */
  public java.util.List<Lang> languages() {
    return this == TAKEDOWN_NOTICE_FOREIGN
        ? java.util.List.of(Lang.EN)
        : java.util.List.of(Lang.ZH, Lang.EN);
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
                        Arrays.stream(values())
                            .map(DocumentKind::id)
                            .collect(Collectors.joining(", ")))));
  }
}
