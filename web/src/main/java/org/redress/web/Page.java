package org.redress.web;

import io.javalin.http.Context;

/**
 * What every page template gets: the language and its messages, the CSRF token for forms, and the
 * address of this page in the other language.
 */
public final class Page {
  private final Messages messages;
  private final String csrf;
  private final String path;
  private final String account;
  private final boolean admin;

  private Page(Messages messages, String csrf, String path, String account, boolean admin) {
    this.messages = messages;
    this.csrf = csrf;
    this.path = path;
    this.account = account;
    this.admin = admin;
  }

  static Page of(Context ctx, Session s) {
    return new Page(
        Messages.of(s.lang()),
        s.csrf(),
        ctx.path(),
        s.who() == null ? null : s.who().name(),
        s.who() != null && s.who().admin());
  }

  /** Whether the signed-in account is an administrator (the accounts page is in its menu). */
  public boolean admin() {
    return admin;
  }

  /** The signed-in account's name (served with accounts), or null. */
  public String account() {
    return account;
  }

  /** Whether the menu is shown: a session signed in, or the launch token's. */
  public boolean signedIn() {
    return hasSession() && (account != null || !path.equals("/login"));
  }

  /** A page for an answer without a session (401, errors before the session is known). */
  static Page anonymous(Context ctx) {
    String lang = "en".equals(ctx.queryParam("lang")) ? "en" : "zh";
    return new Page(Messages.of(lang), "", ctx.path(), null, false);
  }

  /** The text of a message key. */
  public String t(String key, Object... args) {
    return messages.t(key, args);
  }

  /** {@code zh} or {@code en}. */
  public String lang() {
    return messages.lang();
  }

  /** The {@code lang} attribute of the page. */
  public String htmlLang() {
    return messages.lang().equals("en") ? "en" : "zh-CN";
  }

  /** The other language's code. */
  public String otherLang() {
    return messages.lang().equals("en") ? "zh" : "en";
  }

  /** The other language's {@code lang} attribute. */
  public String otherHtmlLang() {
    return messages.lang().equals("en") ? "zh-CN" : "en";
  }

  /** This page in the other language. */
  public String switchHref() {
    return path + "?lang=" + otherLang();
  }

  /** The other language's name, in that language. */
  public String otherLangName() {
    return messages.lang().equals("en") ? "中文" : "English";
  }

  /** The CSRF token for the hidden {@code _csrf} field of every form. */
  public String csrf() {
    return csrf;
  }

  /** Whether the page belongs to a session (the menu is shown only then). */
  public boolean hasSession() {
    return !csrf.isEmpty();
  }

  /**
   * The words for a check of the package verifier ({@code manifest}, {@code entry 3}, ...): the
   * message {@code verify.subject.NAME} with the number, or the subject as it is.
   */
  public String checkName(String subject) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([a-z ]+?)(?: #?([0-9]+))?").matcher(subject);
    if (m.matches()) {
      String key = "verify.subject." + m.group(1).replace(' ', '_');
      if (messages.has(key)) {
        return m.group(2) == null ? messages.t(key) : messages.t(key, m.group(2));
      }
    }
    return subject;
  }

  /** The words for a hash signal ({@code pdq}, {@code vpdq}, {@code md5}, {@code sha256}). */
  public String signalName(String signal) {
    String key = "signal." + signal;
    return messages.has(key) ? messages.t(key) : signal;
  }

  /** The name of the CSRF form field. */
  public String csrfField() {
    return Guard.CSRF_FIELD;
  }

  /** An instant as {@code yyyy-MM-dd HH:mm} in Beijing time (wrap it in {@code time.beijing}). */
  public String beijing(java.time.Instant t) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
        .format(t.atZone(java.time.ZoneId.of("Asia/Shanghai")));
  }

  /** The messages. */
  public Messages messages() {
    return messages;
  }
}
