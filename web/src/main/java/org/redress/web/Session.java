package org.redress.web;

import java.time.Instant;

/** One browser's session: its id (the cookie), its CSRF token, its language, when last seen. */
final class Session {
  private final String id;
  private final String csrf;
  private volatile Instant lastSeen;
  private volatile String lang = "zh";
  private volatile String user = "local";
  private volatile org.redress.web.account.Accounts.Who who;

  Session(String id, String csrf, Instant created) {
    this.id = id;
    this.csrf = csrf;
    this.lastSeen = created;
  }

  String id() {
    return id;
  }

  String csrf() {
    return csrf;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void touch(Instant now) {
    lastSeen = now;
  }

  /** The signed-in account's name, or {@code local} for the launch token's session. */
  String user() {
    return user;
  }

  void user(String u) {
    user = u;
  }

  /** The signed-in account, or null (the launch token's session, or not signed in yet). */
  org.redress.web.account.Accounts.Who who() {
    return who;
  }

  void who(org.redress.web.account.Accounts.Who w) {
    who = w;
    user = w.name();
  }

  String lang() {
    return lang;
  }

  void lang(String l) {
    lang = l;
  }
}
