package org.redress.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.redress.documents.JointInputs;
import org.redress.documents.Lang;
import org.redress.law.Finding;

/**
 * The template model of the joint papers: the dossier's totals in words, each victim's share, the
 * posts and files behind the totals, each case's sealed evidence and the findings only the cases
 * together reach. Only the provisions the engine returned are cited (a finding's provision and
 * basis); victims are named by pseudonym only.
 */
public final class JointModel {
  /** The most posts, files and evidence items a paper lists; the rest are counted. */
  public static final int LISTED = 200;

  private final Words w;
  private final JointInputs in;
  private final Set<String> cited = new LinkedHashSet<>();

  private JointModel(Lang lang, JointInputs in) {
    this.w = new Words(lang);
    this.in = in;
  }

  /** The model of one paper. */
  public static Map<String, Object> build(
      String kind, Lang lang, JointInputs in, LocalDate date, String generatedBy) {
    JointModel j = new JointModel(lang, in);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", j.w.date(date));
    m.put("generated_by", generatedBy);
    m.put("target", j.target());
    m.put("victim_list", j.victimList());
    m.put("victim_count", in.victims().size());
    j.totals(m);
    m.put("victims", j.victims());
    j.posts(m);
    j.files(m);
    j.evidence(m);
    j.parts(m);
    j.findings(m);
    m.put("kind", kind);
    return m;
  }

  private String victim(String p) {
    return w.t("被害人" + p, "Victim " + p);
  }

  private String victimList() {
    return w.list(in.victims().stream().map(v -> victim(v.pseudonym())).toList());
  }

  private String target() {
    JointInputs.Target t = in.target();
    String name = t.name().isBlank() ? "" : w.t("“" + t.name() + "”", "\"" + t.name() + "\" ");
    return switch (t.kind()) {
      case "chat" ->
          w.t(
              "群组或频道" + name + "（编号" + t.id() + "）",
              "the group or channel " + name + "(id " + t.id() + ")");
      case "sender" ->
          w.t(
              "发送账号" + name + "（编号" + t.id() + "）",
              "the sender account " + name + "(id " + t.id() + ")");
      default ->
          w.t(
              "卖家联系方式" + t.id() + "及使用该联系方式发布广告的账号",
              "the seller contact " + t.id() + " and the accounts that advertised it");
    };
  }

  private String time(Instant i) {
    return i == null ? w.t("（未知）", "(unknown)") : w.time(i.toString());
  }

  private void totals(Map<String, Object> m) {
    JointInputs.Totals t = in.totals();
    m.put("posts", n(t.posts()));
    m.put("files", n(t.distinctFiles()));
    m.put("sha", n(t.distinctSha256()));
    m.put("images", n(t.images()));
    m.put("videos", n(t.videos()));
    m.put("victims_total", n(t.victims()));
    m.put("chats", n(t.chats()));
    m.put("senders", n(t.senders()));
    m.put("trade", n(t.tradePosts()));
    // English nouns agree with their counts ("1 video", "3 images"); Chinese has one form.
    m.put("files_s", plural(t.distinctFiles()));
    m.put("images_s", plural(t.images()));
    m.put("videos_s", plural(t.videos()));
    m.put("victims_total_s", plural(t.victims()));
    m.put("chats_s", plural(t.chats()));
    m.put("senders_s", plural(t.senders()));
    m.put("trade_s", plural(t.tradePosts()));
    m.put("trade_were", t.tradePosts() == 1 ? "was" : "were");
    m.put("has_trade", t.tradePosts() > 0);
    m.put("first", time(t.firstSeen()));
    m.put("last", time(t.lastSeen()));
    m.put("has_members", t.maxMembers() != null);
    m.put("members", t.maxMembers() == null ? "" : n(t.maxMembers()));
    m.put("first_copy_only", !in.pdqAllCopies());
    m.put("pdq_radius", in.pdqRadius());
  }

  private static String plural(long v) {
    return v == 1 ? "" : "s";
  }

  private static String n(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private List<Map<String, Object>> victims() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JointInputs.Victim v : in.victims()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", victim(v.pseudonym()));
      r.put("posts", n(v.posts()));
      r.put("files", n(v.files()));
      r.put("images", n(v.images()));
      r.put("videos", n(v.videos()));
      out.add(r);
    }
    return out;
  }

  private static final java.util.regex.Pattern TELEGRAM =
      java.util.regex.Pattern.compile("telegram:chat/(-?\\d+)/message/(\\d+)");

  /** A post's place in words (a filing shows no engine key such as telegram:chat/…/message/4). */
  private String where(String locator) {
    java.util.regex.Matcher t = TELEGRAM.matcher(locator);
    if (t.matches()) {
      return w.t(
          "Telegram聊天（编号" + t.group(1) + "），消息编号" + t.group(2),
          "Telegram chat (id " + t.group(1) + "), message " + t.group(2));
    }
    if (locator.startsWith("url:")) {
      return "`" + locator.substring("url:".length()) + "`";
    }
    return locator;
  }

  private void posts(Map<String, Object> m) {
    List<Map<String, Object>> out = new ArrayList<>();
    int no = 0;
    for (JointInputs.Post p : in.posts()) {
      if (no == LISTED) {
        break;
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("no", ++no);
      r.put("locator", where(p.locator()));
      r.put("date", time(p.date()));
      r.put("seen", w.list(p.victims().stream().sorted().map(this::victim).toList()));
      out.add(r);
    }
    m.put("post_rows", out);
    m.put("has_post_rows", !out.isEmpty());
    long more = in.totals().posts() - out.size();
    m.put("posts_more", more > 0);
    m.put("posts_more_n", n(Math.max(0, more)));
  }

  private void files(Map<String, Object> m) {
    List<Map<String, Object>> out = new ArrayList<>();
    int no = 0;
    for (JointInputs.FileRow f : in.files()) {
      if (no == LISTED) {
        break;
      }
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("no", ++no);
      r.put("kind", f.kind().equals("video") ? w.t("视频", "video") : w.t("图片", "image"));
      r.put("sha256", f.sha256());
      r.put("copies", f.copies());
      r.put("posts", n(f.posts()));
      r.put("first_post", where(f.firstPost()));
      r.put("victims", w.list(f.victims().stream().sorted().map(this::victim).toList()));
      out.add(r);
    }
    m.put("file_rows", out);
    m.put("has_file_rows", !out.isEmpty());
    long more = in.totals().distinctFiles() - out.size();
    m.put("files_more", more > 0);
    m.put("files_more_n", n(Math.max(0, more)));
  }

  private void evidence(Map<String, Object> m) {
    Map<String, List<Map<String, Object>>> byVictim = new LinkedHashMap<>();
    for (JointInputs.Victim v : in.victims()) {
      byVictim.put(v.pseudonym(), new ArrayList<>());
    }
    long total = in.evidence().size();
    for (JointInputs.Evidence e : in.evidence()) {
      List<Map<String, Object>> rows = byVictim.computeIfAbsent(e.victim(), k -> new ArrayList<>());
      if (rows.size() >= LISTED) {
        continue;
      }
      rows.add(evidenceRow(e));
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> g : byVictim.entrySet()) {
      long mine = in.evidence().stream().filter(e -> e.victim().equals(g.getKey())).count();
      int gno = groups.size() + 1;
      List<Map<String, Object>> rows = g.getValue();
      for (int i = 0; i < rows.size(); i++) {
        rows.get(i).put("no", w.say("evidence.no", "g", gno, "i", i + 1));
      }
      Map<String, Object> r = new LinkedHashMap<>();
      String title =
          w.t(
              victim(g.getKey()) + "的案件（共" + mine + "项）",
              victim(g.getKey()) + "'s case (" + mine + (mine == 1 ? " item)" : " items)"));
      r.put(
          "title",
          w.say("evidence.group", "g", gno, "g_zh", Numerals.chinese(gno), "title", title));
      r.put("rows", rows);
      r.put("more", mine > g.getValue().size());
      r.put("more_n", n(mine - g.getValue().size()));
      r.put("none", mine == 0);
      groups.add(r);
    }
    m.put("evidence", groups);
    m.put("has_evidence", total > 0);
    m.put("evidence_total", n(total));
    m.put("cite_printout", cite("CN-SPC-2019-19-15"));
  }

  /**
   * One row of the joint evidence list, laid out as the single case's list (证据规定 Art 19): name,
   * source in words with the post's time, the legal purpose, pages, copies, original or copy.
   */
  private Map<String, Object> evidenceRow(JointInputs.Evidence e) {
    String kind =
        in.files().stream()
            .filter(f -> f.sha256().equals(e.sha256()))
            .map(JointInputs.FileRow::kind)
            .findFirst()
            .orElse("");
    String media =
        switch (kind) {
          case "video" -> w.say("media.video");
          case "image" -> w.say("media.image");
          default -> w.t("文件", "File");
        };
    String when =
        in.posts().stream()
            .filter(p -> p.locator().equals(e.source()) && p.date() != null)
            .map(p -> time(p.date()))
            .findFirst()
            .orElse("");
    java.util.regex.Matcher t = TELEGRAM.matcher(e.source());
    String source;
    String purpose;
    if (t.matches()) {
      String name = chatName(t.group(1));
      String chat =
          name.isEmpty()
              ? w.t("Telegram聊天（编号" + t.group(1) + "）", "Telegram chat (id " + t.group(1) + ")")
              : w.t(
                  "Telegram聊天“" + name + "”（编号" + t.group(1) + "）",
                  "Telegram chat \"" + name + "\" (id " + t.group(1) + ")");
      String at = when.isEmpty() ? "" : w.t("，发布时间" + when, ", posted " + when);
      source = chat + w.t("，消息编号" + t.group(2), ", message " + t.group(2)) + at;
      String place = name.isEmpty() ? chat : w.t("“" + name + "”", "\"" + name + "\"");
      purpose =
          w.t(
              "证明与"
                  + victim(e.victim())
                  + "的照片相符的"
                  + media
                  + (when.isEmpty() ? "" : "于" + when)
                  + "在"
                  + place
                  + "中被传播",
              "Proves that the "
                  + media.toLowerCase(Locale.ROOT)
                  + " matching "
                  + victim(e.victim())
                  + "'s picture was spread in "
                  + place
                  + (when.isEmpty() ? "" : " on " + when));
    } else {
      source = where(e.source());
      purpose =
          w.t(
              "证明与" + victim(e.victim()) + "的照片相符的" + media + "在上述位置被公开发布",
              "Proves that the "
                  + media.toLowerCase(Locale.ROOT)
                  + " matching "
                  + victim(e.victim())
                  + "'s picture was published at that place");
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("victim", victim(e.victim()));
    r.put(
        "name",
        w.say("evidence.item.name", "media", media, "media_lower", media.toLowerCase(Locale.ROOT)));
    r.put("source", source);
    r.put("purpose", purpose);
    r.put("pages", w.ph("pages"));
    r.put("copies", "1");
    r.put("original", w.say("evidence.original"));
    r.put("leaf", e.logIndex());
    r.put("logged", true);
    r.put("sha256", e.sha256());
    r.put("captured", time(e.capturedAt()));
    return r;
  }

  /** The chat's name when the dossier is about that chat, else "". */
  private String chatName(String chatId) {
    JointInputs.Target t = in.target();
    return t.kind().equals("chat") && t.id().equals(chatId) ? t.name().strip() : "";
  }

  private void parts(Map<String, Object> m) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JointInputs.Part p : in.parts()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("victim", victim(p.victim()));
      r.put("entry", p.entry());
      r.put("items", p.items());
      r.put("sha256", p.sha256());
      r.put("tree_size", n(p.treeSize()));
      r.put("root", p.rootHex());
      out.add(r);
    }
    m.put("parts", out);
    m.put("has_package", !in.packageFile().isBlank() && !out.isEmpty());
    m.put("package_file", in.packageFile());
  }

  private void findings(Map<String, Object> m) {
    List<Map<String, Object>> out = new ArrayList<>();
    int no = 0;
    for (Finding f : in.onlyTogether()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("n", ++no);
      r.put("cite", cite(f.provision()));
      r.put("status", status(f.status()));
      r.put("has_tier", f.tier() != null);
      r.put("tier", f.tier() == null ? "" : tier(f.tier()));
      r.put("has_basis", !f.basis().isEmpty());
      r.put("basis", w.list(f.basis().stream().map(this::cite).toList()));
      String expl = f.explanation() == null ? "" : f.explanation().in(w.lang().code());
      r.put("has_explanation", !expl.isBlank());
      r.put("explanation", expl);
      List<String> missing = missing(f.missing());
      r.put("has_missing", !missing.isEmpty());
      r.put("missing", String.join(w.t("；", "; "), missing));
      out.add(r);
    }
    m.put("findings", out);
    m.put("has_findings", !out.isEmpty());
    m.put("cited", List.copyOf(cited));
  }

  private String cite(String id) {
    cited.add(id);
    return Citations.of(id)
        .map(c -> c.get(w.lang()))
        .orElse(w.ph("条文出处 " + id, "citation for " + id));
  }

  private String status(String s) {
    return switch (s) {
      case "applies" -> w.t("符合", "applies");
      case "possible" -> w.t("可能符合", "may apply");
      case "time_barred" -> w.t("已过时效", "time-barred");
      default -> w.t("不适用", "does not apply");
    };
  }

  private String tier(String t) {
    return switch (t) {
      case "lighter" -> w.t("情节较轻", "lighter circumstances");
      case "basic" -> w.t("基本情节", "basic tier");
      case "serious" -> w.t("情节严重", "serious circumstances");
      case "especially_serious" -> w.t("情节特别严重", "especially serious circumstances");
      case "aggravated" -> w.t("加重情节", "aggravated tier");
      default -> w.t("其他情节", t);
    };
  }

  /** What a finding still needs, labelled; a key with no label is counted, never printed. */
  private List<String> missing(List<String> raw) {
    return Model.missing(w, raw);
  }
}
