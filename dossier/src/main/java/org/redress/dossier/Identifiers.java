package org.redress.dossier;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalised identifiers, so the same seller written {@code @Shop_Cam}, {@code ＠shop_cam} or {@code
 * https://t.me/shop_cam/} is one entry. A contact is {@code tg:NAME}, {@code wechat:NAME} or {@code
 * qq:DIGITS}; width is folded (NFKC) and Latin letters lower-cased.
 */
public final class Identifiers {
  private static final Pattern TG_LINK =
      Pattern.compile("(?:https?://)?(?:www\\.)?(?:t|telegram)\\.me/(?:s/)?([a-z][a-z0-9_]{3,31})");
  private static final Pattern TG_AT = Pattern.compile("(?<![a-z0-9_.])@([a-z][a-z0-9_]{3,31})");
  private static final Pattern WECHAT =
      Pattern.compile(
          "(?:微信号?|威信|薇信|v信|vx|wx|wechat)\\s*(?:号)?\\s*[:：]?\\s*([a-z][-_a-z0-9]{5,19})");
  private static final Pattern QQ =
      Pattern.compile("(?:qq|扣扣)\\s*(?:号)?\\s*[:：]?\\s*([1-9][0-9]{4,11})");
  private static final Pattern PREFIXED = Pattern.compile("(tg|wechat|qq):(.+)");

  private Identifiers() {}

  /** Width folded (NFKC), lower-cased, trimmed. */
  public static String fold(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * A contact as a user types it on the command line: {@code @name}, {@code t.me/name}, a bare
   * Telegram name, or an already prefixed {@code wechat:…}/{@code qq:…}/{@code tg:…}.
   *
   * @throws IllegalArgumentException when it is none of these
   */
  public static String contact(String raw) {
    String s = fold(raw);
    Matcher p = PREFIXED.matcher(s);
    if (p.matches()) {
      String kind = p.group(1);
      String rest = p.group(2).strip();
      if (kind.equals("tg")) {
        return contact(rest);
      }
      if ((kind.equals("qq") && !rest.matches("[1-9][0-9]{4,11}"))
          || (kind.equals("wechat") && !rest.matches("[a-z][-_a-z0-9]{5,19}"))) {
        throw new IllegalArgumentException("not a " + kind + " contact: " + raw);
      }
      return kind + ":" + rest;
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    Matcher link = TG_LINK.matcher(s);
    if (link.matches()) {
      return "tg:" + link.group(1);
    }
    String bare = s.startsWith("@") ? s.substring(1) : s;
    if (bare.matches("[a-z][a-z0-9_]{3,31}")) {
      return "tg:" + bare;
    }
    throw new IllegalArgumentException(
        "not a contact (give @name, t.me/name, wechat:ID or qq:NUMBER): " + raw);
  }

  /** Every contact a post's text names, normalised, in order of first mention. */
  public static List<String> contacts(String text) {
    String s = fold(text);
    Set<String> out = new LinkedHashSet<>();
    Matcher m = TG_LINK.matcher(s);
    while (m.find()) {
      out.add("tg:" + m.group(1));
    }
    m = TG_AT.matcher(s);
    while (m.find()) {
      out.add("tg:" + m.group(1));
    }
    m = WECHAT.matcher(s);
    while (m.find()) {
      out.add("wechat:" + m.group(1));
    }
    m = QQ.matcher(s);
    while (m.find()) {
      out.add("qq:" + m.group(1));
    }
    return List.copyOf(out);
  }

  /** A sender or forwarding-source id as exported ({@code user123}, {@code channel456}). */
  public static String account(String raw) {
    return fold(raw);
  }
}
