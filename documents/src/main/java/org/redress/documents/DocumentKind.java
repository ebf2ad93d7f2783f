package org.redress.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of document Redress writes, each with a Chinese and an English template. */
public enum DocumentKind {
  /** 报案材料: report to the police for the administrative (PSAPL) and criminal routes. */
  POLICE_REPORT("police-report", true),
  /**
   * 网络侵权通知: notice to a domestic platform under Civil Code Art 1195 (takedown), with her full
   * identity. The platform must forward it to the uploader: the notes warn her.
   */
  TAKEDOWN_NOTICE("takedown-notice", true),
  /**
   * The same notice sent by her lawyer or an NGO, her identity held by them and given to the
   * platform's legal team on request (the minimal-identity variant).
   */
  TAKEDOWN_NOTICE_AGENT("takedown-notice-agent", true),
  /**
   * A notice in English to a foreign platform (Telegram and others) under its own policy on
   * non-consensual intimate imagery, with the hash list attached.
   */
  TAKEDOWN_NOTICE_FOREIGN("takedown-notice-foreign", true),
  /** 民事起诉状: civil complaint (隐私权纠纷 or 网络侵权责任纠纷). */
  CIVIL_COMPLAINT("civil-complaint", true),
  /** 刑事自诉状: private prosecution for insult under Criminal Law Art 246. */
  PRIVATE_PROSECUTION("private-prosecution", true),
  /** Text for a report to the 12377 illegal and harmful information reporting centre. */
  REPORT_12377("report-12377", true),
  /** 证据目录: the evidence list with hashes, log indices and capture times. */
  EVIDENCE_LIST("evidence-list", true),
  /** The assessment report: findings, deadlines and next steps, for the victim. */
  ASSESSMENT("assessment", false);

  private final String id;
  private final boolean filing;

  DocumentKind(String id, boolean filing) {
    this.id = id;
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

  /** The document's title in a language (the phrase {@code title.<id>}). */
  public String title(Lang lang) {
    return org.redress.documents.internal.Phrases.say(lang, "title." + id);
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
