package org.redress.documents.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.documents.DocumentKind;
import org.redress.documents.Lang;
import org.redress.law.ActionPlan;

/**
 * Builds the template model of one document: every value already formatted for its language, and
 * every unknown value already a visible placeholder. Templates only arrange these values.
 */
public final class Model {
  private final DocumentKind kind;
  private final Words w;
  private final CaseData data;
  private final Set<String> cited = new LinkedHashSet<>();

  private Model(DocumentKind kind, Lang lang, CaseData data) {
    this.kind = kind;
    this.w = new Words(lang);
    this.data = data;
  }

  /** The model for a kind in a language, dated {@code date}, with {@code generator} named. */
  public static Map<String, Object> build(
      DocumentKind kind, Lang lang, CaseData data, LocalDate date, String generator) {
    return new Model(kind, lang, data).build(date, generator);
  }

  private Map<String, Object> build(LocalDate date, String generator) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", kind.title(w.lang()));
    m.put("date", w.date(date));
    m.put("as_of", w.date(data.facts().asOf().orElse(date)));
    m.put("generator", generator);
    m.put("role", role());
    m.put("role_cap", role().substring(0, 1).toUpperCase(Locale.ROOT) + role().substring(1));
    m.put("other_role", otherRole());
    Parties p = data.parties();
    m.put("victim", person(p.victim(), true));
    m.put("perp", person(p.perpetrator(), false));
    m.put("agent_present", p.agent().name().isPresent());
    Map<String, Object> agent = person(p.agent(), false);
    if (p.agent().name().isEmpty()) {
      agent.put("name", w.ph("代理律师或公益机构名称", "the lawyer or support organisation"));
    }
    m.put("agent", agent);
    m.put("takedown", kind == DocumentKind.TAKEDOWN_NOTICE);
    m.put("private_prosecution", kind == DocumentKind.PRIVATE_PROSECUTION);
    m.put("foreign", foreign(p));
    m.put(
        "platform",
        body(
            p.platform(),
            w.t("平台名称", "platform name"),
            w.t("平台运营者名称", "operator of the platform")));
    m.put("police", body(p.police(), w.t("公安机关名称", "police station"), ""));
    m.put("court", body(p.court(), w.t("人民法院名称", "court"), ""));
    m.put("narrative", narrative());
    m.put("narrative_given", p.narrative().flatMap(n -> n.get(w.lang())).isPresent());
    m.put("spread", spread());
    m.put("platform_notice", platformNotice(date));
    m.put("locations", locations());
    m.put(
        "has_locations",
        !data.reports().isEmpty()
            && data.reports().stream().anyMatch(r -> !r.occurrences().isEmpty()));
    List<Map<String, Object>> evidence = evidence();
    m.put("evidence", evidence);
    m.put("has_evidence", !evidence.isEmpty());
    m.put(
        "no_evidence",
        w.ph(
            "证据清单（请先导出证据包）",
            "evidence list (export an evidence package with redress evidence export first)"));
    findings(m);
    m.put("civil_case_type", civilCaseType());
    m.put("claims", claims());
    m.put("acts", acts());
    m.put("conduct", conduct());
    m.put("civil_claims", civilClaims());
    m.put("elements", elements());
    m.put(
        "post_breakup",
        data.facts()
            .text("perpetrator.relation")
            .map(r -> r.equals("partner") || r.equals("former_partner"))
            .orElse(false));
    m.put(
        "locations_placeholder",
        w.ph(
            "侵权内容的具体位置（群组或频道名称、消息编号、链接）",
            "where the content is (group or channel, message id, link)"));
    m.put("cite", new CiteMap(w.lang(), cited));
    m.put("cited", cited);
    return m;
  }

  /**
   * The Art 1195 notice to a platform, as the facts give it (from the case's takedown tracker:
   * {@code platform_notice.*}): the day the platform was notified and either the days it has gone
   * without taking necessary measures up to the document's date, or the day it acted. Null when the
   * facts give no notice, so the sentence is left out.
   */
  private String platformNotice(LocalDate date) {
    Optional<LocalDate> on = data.facts().date("platform_notice.notified_on");
    if (on.isEmpty()) {
      return null;
    }
    String cite = new CiteMap(w.lang(), cited).get("CN-CC-1195").toString();
    Optional<String> name = data.facts().text("platform_notice.platform");
    String who =
        name.map(n -> w.t("网络服务提供者“" + n + "”", "the network service provider " + n))
            .orElse(w.t("网络服务提供者", "the network service provider"));
    if (data.facts().yes("platform_notice.acted")) {
      Optional<LocalDate> acted = data.facts().date("platform_notice.acted_on");
      return w.t(
          "原告已于"
              + w.date(on.get())
              + "依照"
              + cite
              + "通知"
              + who
              + "对涉案内容采取删除、屏蔽、断开链接等必要措施"
              + acted.map(d -> "，该网络服务提供者于" + w.date(d) + "采取了措施。").orElse("，该网络服务提供者已采取措施。"),
          "On "
              + w.date(on.get())
              + " the plaintiff notified "
              + who
              + " under "
              + cite
              + " to delete, block or unlink the content"
              + acted.map(d -> "; it acted on " + w.date(d) + ".").orElse("; it has acted."));
    }
    if (data.facts().bool("platform_notice.acted").isEmpty()) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(on.get(), date);
    return w.t(
        "原告已于"
            + w.date(on.get())
            + "依照"
            + cite
            + "通知"
            + who
            + "对涉案内容采取删除、屏蔽、断开链接等必要措施。截至"
            + w.date(date)
            + "，已逾"
            + days
            + "日，该网络服务提供者仍未采取必要措施。",
        "On "
            + w.date(on.get())
            + " the plaintiff notified "
            + who
            + " under "
            + cite
            + " to delete, block or unlink the content. By "
            + w.date(date)
            + ", "
            + days
            + " days later, it had taken no necessary measures.");
  }

  /** IDs cited so far (findings and {@code cite.X} lookups); filled while rendering. */
  @SuppressWarnings("unchecked")
  public static Set<String> cited(Map<String, Object> model) {
    return (Set<String>) model.get("cited");
  }

  private String role() {
    return switch (kind) {
      case POLICE_REPORT -> w.t("报案人", "the complainant");
      case TAKEDOWN_NOTICE -> w.t("通知人", "the notifying party");
      case TAKEDOWN_NOTICE_AGENT -> w.t("权利人", "the right holder");
      case TAKEDOWN_NOTICE_FOREIGN -> w.t("权利人", "the person depicted");
      case CIVIL_COMPLAINT -> w.t("原告", "the plaintiff");
      case PRIVATE_PROSECUTION -> w.t("自诉人", "the private prosecutor");
      case REPORT_12377 -> w.t("举报人", "the reporting person");
      case EVIDENCE_LIST -> w.t("提交人", "the submitting party");
      case ASSESSMENT -> w.t("受害人", "the victim");
    };
  }

  private String otherRole() {
    return switch (kind) {
      case CIVIL_COMPLAINT -> w.t("被告", "the defendant");
      case PRIVATE_PROSECUTION -> w.t("被告人", "the defendant");
      default -> w.t("行为人", "the perpetrator");
    };
  }

  private Map<String, Object> person(Parties.Person person, boolean victim) {
    Map<String, Object> m = new LinkedHashMap<>();
    String name = person.name().orElse(null);
    String display;
    if (name == null) {
      display =
          victim
              ? w.ph("姓名", "name")
              : w.ph("姓名（不详的，写明网络账号等可识别信息）", "name (if unknown, the online account)");
    } else if (w.lang() == Lang.EN && person.nameLatin().isPresent()) {
      display = name + " (" + person.nameLatin().get() + ")";
    } else {
      display = name;
    }
    m.put("name", display);
    m.put("known", person.known());
    m.put("unknown", !person.known());
    m.put("gender", person.gender().map(this::gender).orElse(w.ph("性别", "sex")));
    m.put("birth", person.birthDate().map(w::date).orElse(w.ph("出生日期", "date of birth")));
    m.put("ethnicity", person.ethnicity().orElse(w.ph("民族", "ethnicity")));
    m.put("occupation", person.occupation().orElse(w.ph("职业或工作单位", "occupation or employer")));
    m.put("id_number", person.idNumber().orElse(w.ph("公民身份号码", "ID card number")));
    m.put("address", person.address().orElse(w.ph("住址", "address")));
    m.put("phone", person.phone().orElse(w.ph("联系电话", "telephone")));
    m.put("email", person.email().orElse(w.ph("电子邮箱", "email")));
    m.put(
        "accounts",
        person.accounts().isEmpty()
            ? w.ph("网络账号（如已知）", "online accounts (if known)")
            : String.join(w.t("；", "; "), person.accounts()));
    m.put("has_accounts", !person.accounts().isEmpty());
    m.put("ref", name != null ? name : victim ? role() : w.t("身份不明的行为人", "an unidentified person"));
    return m;
  }

  /** The addressee and sender of a notice to a foreign platform: never the victim's identity. */
  private Map<String, Object> foreign(Parties p) {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean telegram =
        data.evidence()
            .map(
                e -> e.items().stream().anyMatch(i -> i.sourceKind().orElse("").equals("telegram")))
            .orElse(false);
    m.put("name", telegram ? "Telegram" : w.ph("平台名称", "the platform"));
    m.put(
        "channel",
        w.ph(
            "平台受理私密影像投诉的渠道（以平台公布的为准）",
            "the platform's channel for reports of non-consensual intimate imagery, as it publishes it"));
    m.put(
        "policy",
        w.ph(
            "平台关于未经同意的私密影像的规则名称和链接",
            "the name and link of the platform's own policy on non-consensual intimate imagery"));
    m.put(
        "sender",
        p.agent()
            .name()
            .orElse(
                w.ph(
                    "发送人（律师或公益机构比本人发送更安全）",
                    "the sender (a lawyer or support organisation is safer than the person shown)")));
    return m;
  }

  private String gender(String g) {
    return switch (g.toLowerCase(Locale.ROOT)) {
      case "female", "f", "女" -> w.t("女", "female");
      case "male", "m", "男" -> w.t("男", "male");
      default -> g;
    };
  }

  private Map<String, Object> body(Parties.Body b, String nameLabel, String operatorLabel) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", b.name().orElse(w.ph(nameLabel, nameLabel)));
    m.put("operator", b.operator().orElse(w.ph(operatorLabel, operatorLabel)));
    m.put("address", b.address().orElse(w.ph("地址", "address")));
    m.put("contact", b.contact().orElse(w.ph("投诉或通知渠道", "notice channel")));
    return m;
  }

  private List<String> narrative() {
    Optional<String> given = data.parties().narrative().flatMap(n -> n.get(w.lang()));
    if (given.isPresent()) {
      return List.of(given.get().split("\\n\\s*\\n")).stream()
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    return new Narrative(w, data.facts(), role(), perpRef()).paragraphs();
  }

  private String perpRef() {
    return data.parties().perpetrator().name().orElse(w.t("身份不明的行为人", "an unidentified person"));
  }

  private Map<String, Object> spread() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<SpreadReport> rs = data.reports();
    m.put("present", !rs.isEmpty());
    m.put("absent", rs.isEmpty());
    if (rs.isEmpty()) {
      m.put(
          "summary",
          w.ph("传播情况（扫描聊天记录后生成传播报告）", "how the images spread (a redress scan report shows this)"));
      return m;
    }
    int items = rs.stream().mapToInt(r -> r.items().size()).sum();
    int chats = rs.stream().mapToInt(SpreadReport::chats).sum();
    int posts = rs.stream().mapToInt(SpreadReport::posts).sum();
    Optional<String> first =
        rs.stream().flatMap(r -> r.firstSeen().stream()).min(String::compareTo);
    Optional<String> last = rs.stream().flatMap(r -> r.lastSeen().stream()).max(String::compareTo);
    long unchecked = rs.stream().mapToLong(r -> r.unchecked().orElse(0)).sum();
    long trade = rs.stream().mapToLong(r -> r.tradePosts().orElse(0)).sum();
    boolean minimal =
        kind == DocumentKind.TAKEDOWN_NOTICE_AGENT || kind == DocumentKind.TAKEDOWN_NOTICE_FOREIGN;
    String victim = minimal ? role() : data.parties().victim().name().orElse(role());
    StringBuilder s = new StringBuilder();
    s.append(
        w.t(
            String.format(
                Locale.ROOT,
                "经以感知哈希（PDQ）比对，%s的%d个影像在%d个群组或频道的%d条消息中被发现",
                victim,
                items,
                chats,
                posts),
            String.format(
                Locale.ROOT,
                "A perceptual-hash (PDQ) comparison found %d of %s's images in %d %s in %d %s",
                items,
                victim,
                posts,
                posts == 1 ? "post" : "posts",
                chats,
                chats == 1 ? "group or channel" : "groups or channels")));
    if (first.isPresent() && last.isPresent()) {
      s.append(
          w.t(
              "，最早见于" + w.time(first.get()) + "，最晚见于" + w.time(last.get()),
              ", first seen " + w.time(first.get()) + " and last seen " + w.time(last.get())));
    }
    s.append(w.t("。", "."));
    if (unchecked > 0) {
      s.append(
          w.t(
              String.format(Locale.ROOT, "另有%d个媒体文件未能检查，上述数字不包括这些文件。", unchecked),
              unchecked == 1
                  ? " A further media file could not be checked; the figures do not include it."
                  : String.format(
                      Locale.ROOT,
                      " A further %d media files could not be checked; the figures do not include "
                          + "them.",
                      unchecked)));
    }
    if (trade > 0) {
      s.append(
          w.t(
              String.format(Locale.ROOT, "同一数据中还发现%d条兜售偷拍设备或相关内容的广告帖。", trade),
              trade == 1
                  ? " The same data also holds a post advertising covert cameras or related material."
                  : String.format(
                      Locale.ROOT,
                      " The same data also holds %d posts advertising covert "
                          + "cameras or related material.",
                      trade)));
    }
    m.put("summary", s.toString());
    m.put("items", items);
    m.put("chats", chats);
    m.put("posts", posts);
    m.put(
        "reports",
        rs.stream()
            .map(
                r ->
                    Map.<String, Object>of(
                        "file", r.file().getFileName().toString(), "sha256", r.fileSha256()))
            .toList());
    return m;
  }

  private List<Map<String, Object>> locations() {
    List<Map<String, Object>> out = new ArrayList<>();
    int no = 1;
    for (SpreadReport r : data.reports()) {
      for (SpreadReport.Item item : r.items()) {
        for (SpreadReport.Occurrence o : item.occurrences()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("no", no++);
          m.put(
              "chat",
              o.chatName().map(n -> "“" + n + "”").orElse(w.t("名称未记录", "name not recorded"))
                  + w.t("（编号", " (id ")
                  + o.chatId()
                  + w.t("）", ")"));
          m.put("chat_id", o.chatId());
          m.put("message_id", o.messageId());
          m.put("date", o.dateUtc().map(w::time).orElse(w.t("未记录", "not recorded")));
          m.put("link", o.link().orElse(""));
          m.put("has_link", o.link().isPresent());
          m.put("sha256", o.sha256().orElse(""));
          m.put("has_sha256", o.sha256().isPresent());
          m.put("item", item.id());
          out.add(m);
        }
      }
    }
    return out;
  }

  /** Where each post was, by chat id and message id: its chat name, type and time. */
  private Optional<SpreadReport.Occurrence> post(String chatId, String messageId) {
    return data.reports().stream()
        .flatMap(r -> r.occurrences().stream())
        .filter(o -> o.chatId().equals(chatId) && o.messageId().equals(messageId))
        .findFirst();
  }

  private Optional<SpreadReport.Occurrence> anyPost(String chatId) {
    return data.reports().stream()
        .flatMap(r -> r.occurrences().stream())
        .filter(o -> o.chatId().equals(chatId))
        .findFirst();
  }

  private static final java.util.regex.Pattern TELEGRAM_POST =
      java.util.regex.Pattern.compile("chat/(-?\\d+)/message/(\\d+)");

  /**
   * The evidence list, in groups numbered 证据1-1…: the preserved posts and files (never her own
   * originals, never a local path), then the scan report (once, preferring its preserved copy).
   */
  private List<Map<String, Object>> evidence() {
    List<Map<String, Object>> spread = new ArrayList<>();
    List<Map<String, Object>> reports = new ArrayList<>();
    Set<String> reportHashes = new LinkedHashSet<>();
    data.reports().forEach(r -> reportHashes.add(r.fileSha256()));
    if (data.evidence().isPresent()) {
      for (EvidenceManifest.Item it : data.evidence().get().items()) {
        String kind = it.sourceKind().orElse("");
        String method = it.captureMethod().orElse("");
        if (kind.equals("file") && method.contains("scan")) {
          continue; // a loose file a scan matched: her own original, not evidence of spread
        }
        boolean isReport =
            reportHashes.contains(it.sha256())
                || (kind.equals("other") && it.sourceValue().orElse("").contains("spread report"));
        if (isReport) {
          reportHashes.remove(it.sha256());
          reports.add(
              reportRow(
                  it.sha256(),
                  String.valueOf(it.leafIndex()),
                  it.capturedAt().map(w::time).orElse(w.t("未记录", "not recorded"))));
        } else {
          spread.add(itemRow(it));
        }
      }
    }
    for (String sha : reportHashes) {
      reports.add(
          reportRow(sha, w.t("未记入保全日志", "not in the evidence log"), w.t("未保全", "not preserved")));
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    group(groups, spread, w.t("涉案影像在网络上传播的证据", "Evidence of the images spreading online"));
    group(groups, reports, w.t("影像比对报告", "Image-matching report"));
    return groups;
  }

  private void group(
      List<Map<String, Object>> groups, List<Map<String, Object>> rows, String title) {
    if (rows.isEmpty()) {
      return;
    }
    int g = groups.size() + 1;
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put("no", w.t("证据", "Exhibit ") + g + "-" + (i + 1));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", w.t("第" + Numerals.chinese(g) + "组：" + title, "Group " + g + ": " + title));
    m.put("rows", rows);
    groups.add(m);
  }

  private Map<String, Object> itemRow(EvidenceManifest.Item it) {
    Map<String, Object> m = new LinkedHashMap<>();
    String media = kindName(it.mediaType(), it.fileName());
    String kind = it.sourceKind().orElse("");
    String value = it.sourceValue().orElse("");
    java.util.regex.Matcher tg = TELEGRAM_POST.matcher(value);
    String source;
    String purpose;
    if (kind.equals("telegram") && tg.matches()) {
      String chat = tg.group(1);
      String msg = tg.group(2);
      Optional<SpreadReport.Occurrence> o = post(chat, msg);
      Optional<SpreadReport.Occurrence> c = o.isPresent() ? o : anyPost(chat);
      String name = c.flatMap(SpreadReport.Occurrence::chatName).orElse(null);
      boolean channel =
          c.flatMap(SpreadReport.Occurrence::chatType)
              .map(t -> t.contains("channel"))
              .orElse(false);
      String kindZh = channel ? "频道" : "群组";
      String kindEn = channel ? "channel" : "group";
      String when = o.flatMap(SpreadReport.Occurrence::dateUtc).map(w::time).orElse(null);
      source =
          w.t(
              "Telegram"
                  + kindZh
                  + (name == null ? "" : "“" + name + "”")
                  + "（编号"
                  + chat
                  + "），消息编号"
                  + msg
                  + (when == null ? "" : "，发布时间" + when),
              "Telegram "
                  + kindEn
                  + (name == null ? "" : " \"" + name + "\"")
                  + " (id "
                  + chat
                  + "), message "
                  + msg
                  + (when == null ? "" : ", posted " + when));
      String where =
          name == null
              ? w.t(kindZh + "（编号" + chat + "）", kindEn + " " + chat)
              : w.t("“" + name + "”" + kindZh, "the " + kindEn + " \"" + name + "\"");
      purpose =
          w.t(
              "证明涉案" + mediaZh(media) + (when == null ? "" : "于" + when) + "在" + where + "中被传播",
              "proves that the "
                  + media.toLowerCase(Locale.ROOT)
                  + " was spread in "
                  + where
                  + (when == null ? "" : " on " + when));
    } else if (kind.equals("url")) {
      source = w.t("网页（网址见下）", "a web page (address below)");
      m.put("url", value);
      purpose =
          w.t(
              "证明涉案" + mediaZh(media) + "在上述网页被公开发布",
              "proves that the " + media.toLowerCase(Locale.ROOT) + " was published on that page");
    } else {
      source = w.t("提交人保存的电子文件", "an electronic file kept by the submitting party");
      purpose = w.t("证明该电子文件所载内容", "proves what this electronic file contains");
    }
    m.put("has_url", m.containsKey("url"));
    m.put("name", w.t("涉案" + mediaZh(media), "The " + media.toLowerCase(Locale.ROOT)));
    m.put("file", it.fileName().map(f -> Path.of(f).getFileName().toString()).orElse(""));
    m.put("has_file", it.fileName().isPresent());
    m.put("source", source);
    m.put("purpose", it.note().filter(this::inLanguage).orElse(purpose));
    m.put("pages", w.ph("页码", "pages"));
    m.put("copies", "1");
    m.put("original", w.t("原件（电子数据打印件）", "original (printout of electronic data)"));
    m.put("sha256", it.sha256());
    m.put("leaf", String.valueOf(it.leafIndex()));
    m.put("captured", it.capturedAt().map(w::time).orElse(w.t("未记录", "not recorded")));
    return m;
  }

  private Map<String, Object> reportRow(String sha, String leaf, String captured) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", w.t("影像比对报告（扩散报告）", "Image-matching (spread) report"));
    m.put("file", "");
    m.put("has_file", false);
    m.put("has_url", false);
    m.put(
        "source",
        w.t(
            "提交人使用开源软件 Redress 对导出的聊天记录进行感知哈希比对后生成",
            "made by the submitting party with the open-source software Redress, by perceptual-hash "
                + "matching of the exported chats"));
    m.put(
        "purpose",
        w.t(
            "证明涉案影像在各群组、频道中出现的位置、时间和次数",
            "proves where, when and how often the images appeared in each group or channel"));
    m.put("pages", w.ph("页码", "pages"));
    m.put("copies", "1");
    m.put("original", w.t("原件（电子数据打印件）", "original (printout of electronic data)"));
    m.put("sha256", sha);
    m.put("leaf", leaf);
    m.put("captured", captured);
    return m;
  }

  private static String mediaZh(String media) {
    return media.equals("电子数据") ? "电子数据" : media;
  }

  /** Whether a free text fits the document's language (no English words in Chinese text). */
  private boolean inLanguage(String text) {
    boolean latinWord = java.util.regex.Pattern.compile("[A-Za-z]{4,}").matcher(text).find();
    boolean cjk = text.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF);
    return w.lang() == Lang.ZH ? cjk && !latinWord : !cjk;
  }

  private String kindName(Optional<String> mediaType, Optional<String> fileName) {
    String f = fileName.orElse("").toLowerCase(Locale.ROOT);
    String t =
        mediaType.orElse(
            f.matches(".*\\.(jpe?g|png|gif|webp|heic|bmp)")
                ? "image/"
                : f.matches(".*\\.(mp4|mov|avi|mkv|webm|3gp)") ? "video/" : "");
    if (t.startsWith("image/")) {
      return w.t("图片", "Image");
    }
    if (t.startsWith("video/")) {
      return w.t("视频", "Video");
    }
    if (t.equals("text/html") || t.equals("application/json")) {
      return w.t("网页或聊天记录", "Web page or chat record");
    }
    return w.t("电子数据", "Electronic data");
  }

  private void findings(Map<String, Object> m) {
    Optional<Findings> f = data.findings();
    m.put("has_findings", f.isPresent());
    m.put(
        "no_findings",
        w.ph("适用的法律规定（生成法律评估后自动填入）", "the provisions that apply (redress assess produces them)"));
    // The routes shown are the provisions behind the plan's actions: one left open by an unknown
    // fact is the plan's question, not a route.
    Set<String> behind = f.map(x -> x.plan().provisions()).orElse(Set.of());
    List<Findings.Finding> all =
        f.map(Findings::all).orElse(List.of()).stream()
            .filter(x -> behind.contains(x.provision()))
            .toList();
    m.put("admin", views(all, "administrative"));
    m.put("criminal", views(all, "criminal"));
    m.put("civil", views(all, "civil"));
    m.put("other", views(all, "other"));
    Optional<ActionPlan> plan = f.map(Findings::plan);
    List<Map<String, Object>> police =
        planViews(all, plan, ActionPlan.Kind.REPORT_TO_POLICE, true, POLICE_PROVISIONS);
    List<Map<String, Object>> civil =
        planViews(all, plan, ActionPlan.Kind.CIVIL_SUIT, false, Integer.MAX_VALUE);
    m.put("police_provisions", police);
    m.put("police_cites", w.list(police.stream().map(v -> (String) v.get("cite")).toList()));
    m.put("civil_cites", w.list(civil.stream().map(v -> (String) v.get("cite")).toList()));
    m.put("has_police_provisions", !police.isEmpty());
    m.put("has_civil", !civil.isEmpty());
    m.put("has_criminal", !views(all, "criminal").isEmpty());
    m.put("has_admin", !views(all, "administrative").isEmpty());
    m.put("has_other", !views(all, "other").isEmpty());
    List<Map<String, Object>> barred =
        all.stream().filter(x -> x.status().equals("time_barred")).map(this::view).toList();
    m.put("time_barred", barred);
    m.put("has_time_barred", !barred.isEmpty());
    List<Map<String, Object>> deadlines = new ArrayList<>();
    all.stream()
        .filter(x -> x.actionable() && x.deadline().isPresent())
        .sorted(Comparator.comparing(x -> x.deadline().get()))
        .forEach(
            x -> {
              Map<String, Object> d = new LinkedHashMap<>();
              d.put("date", w.date(x.deadline().get()));
              d.put("kind", deadlineKind(x.deadlineKind().orElse("")));
              d.put("cite", cite(x.provision()));
              deadlines.add(d);
            });
    m.put("deadlines", deadlines);
    m.put("has_deadlines", !deadlines.isEmpty());
    planOrder(m, all, plan);
  }

  /**
   * The plan as the assessment shows it, like the workspace's plan page: the actions in the plan's
   * order (what to do first, then next), each with its status, who decides, the day to act by and
   * the days left, its steps and the findings behind it; then the deadlines, the soonest open one
   * first, with the days left; then the plan's questions.
   */
  private void planOrder(
      Map<String, Object> m, List<Findings.Finding> all, Optional<ActionPlan> plan) {
    List<Map<String, Object>> actions = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    if (plan.isPresent()) {
      for (ActionPlan.Action a : plan.get().actions()) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("n", actions.size() + 1);
        v.put("title", text(a.title()));
        v.put("status", planStatus(a.status()));
        v.put("authority", text(a.authority()));
        v.put("has_by", a.by() != null);
        v.put(
            "by",
            a.by() == null
                ? ""
                : w.t(
                    "最迟" + w.date(a.by()) + "，还剩" + a.daysLeft() + "天" + (a.urgent() ? "（紧急）" : ""),
                    "by "
                        + w.date(a.by())
                        + ", "
                        + a.daysLeft()
                        + " days left"
                        + (a.urgent() ? " (urgent)" : "")));
        v.put("steps", a.steps().stream().map(n -> text(n.text())).toList());
        List<Map<String, Object>> grounds = new ArrayList<>();
        for (ActionPlan.Ground g : a.grounds()) {
          grounds.add(
              all.stream()
                  .filter(x -> x.provision().equals(g.provision()))
                  .findFirst()
                  .map(this::view)
                  .orElseGet(() -> groundView(g)));
        }
        number(grounds);
        v.put("grounds", grounds);
        v.put("has_grounds", !grounds.isEmpty());
        actions.add(v);
      }
      for (ActionPlan.DeadlineRow d : plan.get().deadlines()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(
            "date",
            w.date(d.date()) + (d.latest() == null ? "" : w.t("至", " to ") + w.date(d.latest())));
        r.put("days", d.state().equals("open") ? String.valueOf(d.daysLeft()) : "—");
        r.put("state", deadlineState(d.state()) + (d.urgent() ? w.t("（紧急）", " (urgent)") : ""));
        r.put("cite", cite(d.provision()));
        r.put("what", text(d.wording()));
        rows.add(r);
      }
      plan.get().questions().forEach(q -> questions.add(text(q.question())));
    }
    m.put("plan_actions", actions);
    m.put("has_plan_actions", !actions.isEmpty());
    m.put("plan_deadlines", rows);
    m.put("has_plan_deadlines", !rows.isEmpty());
    m.put("plan_questions", questions);
    m.put("has_plan_questions", !questions.isEmpty());
  }

  private String text(org.redress.law.Text t) {
    return w.t(t.zh(), t.en());
  }

  private String planStatus(ActionPlan.Status s) {
    return switch (s) {
      case SUPPORTED -> w.t("事实符合要件，由主管机关决定", "her facts meet the elements; the authority decides");
      case NEEDS_DECISION -> w.t("需要鉴定或主管机关认定", "needs an appraisal or an authority's finding");
      case OPEN -> w.t("事实未知", "facts unknown");
      case LATER_STEP -> w.t("需要先走前一步", "needs a first step");
      case TIME_BARRED -> w.t("已过期限", "time limit passed");
    };
  }

  private String deadlineState(String state) {
    return switch (state) {
      case "open" -> w.t("未到期", "open");
      case "met" -> w.t("已按时做到", "met in time");
      case "stopped" -> w.t("期限不再计算", "no longer running");
      case "passed" -> w.t("已过期", "passed");
      default -> w.t("（状态未知）", "(state unknown)");
    };
  }

  /** The most provisions a police report leads with. */
  public static final int POLICE_PROVISIONS = 3;

  /**
   * The provisions a filing cites, taken from the action plan, never ranked here: the grounds of
   * the plan's action of that kind, in the plan's order. With {@code atActionStatus}, only the
   * grounds at the action's own status (the best of its grounds: what her facts support when any is
   * supported), at most {@code limit}; otherwise every ground whose time has not run out.
   */
  private List<Map<String, Object>> planViews(
      List<Findings.Finding> all,
      Optional<ActionPlan> plan,
      ActionPlan.Kind kind,
      boolean atActionStatus,
      int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    Optional<ActionPlan.Action> action = plan.flatMap(p -> p.action(kind));
    if (action.isEmpty()) {
      return out;
    }
    for (ActionPlan.Ground g : citedGrounds(action.get(), atActionStatus, limit)) {
      Map<String, Object> v =
          all.stream()
              .filter(x -> x.provision().equals(g.provision()))
              .findFirst()
              .map(this::view)
              .orElseGet(() -> groundView(g));
      if (atActionStatus) {
        // A filing states the finding's first sentence; the rest is advice for her.
        v.put("explanation", firstSentence((String) v.get("explanation")));
      }
      out.add(v);
    }
    number(out);
    return out;
  }

  /**
   * The grounds of an action a filing cites (see {@link #planViews}); public for the tests that
   * check the documents against the plan.
   */
  public static List<ActionPlan.Ground> citedGrounds(
      ActionPlan.Action action, boolean atActionStatus, int limit) {
    return action.grounds().stream()
        .filter(g -> g.status() != ActionPlan.Status.TIME_BARRED)
        .filter(g -> !atActionStatus || g.status() == action.status())
        .limit(limit)
        .toList();
  }

  private static String firstSentence(String text) {
    int zh = text.indexOf('。');
    int en = text.indexOf(". ");
    int end = zh >= 0 && (en < 0 || zh < en) ? zh + 1 : en >= 0 ? en + 1 : text.length();
    return text.substring(0, end).strip();
  }

  private Map<String, Object> groundView(ActionPlan.Ground g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.provision());
    m.put("cite", cite(g.provision()));
    m.put("has_explanation", false);
    m.put("explanation", "");
    return m;
  }

  private List<Map<String, Object>> views(List<Findings.Finding> all, String route) {
    List<Map<String, Object>> out =
        new ArrayList<>(
            all.stream()
                .filter(x -> x.route().equals(route) && x.actionable())
                .map(this::view)
                .toList());
    number(out);
    return out;
  }

  private static void number(List<Map<String, Object>> views) {
    for (int i = 0; i < views.size(); i++) {
      views.set(i, new LinkedHashMap<>(views.get(i)));
      views.get(i).put("n", i + 1);
    }
  }

  private String conduct() {
    Facts f = data.facts();
    boolean filmed = f.yes("acts.covert_filming") || f.yes("acts.peeping");
    boolean shared = f.yes("distribution.shared");
    String v = role();
    if (filmed && shared) {
      return w.t(
          "偷拍" + v + "的私密影像并" + (f.yes("distribution.online") ? "通过信息网络" : "") + "传播",
          "secretly filming "
              + v
              + " and spreading the images"
              + (f.yes("distribution.online") ? " online" : ""));
    }
    if (filmed) {
      return w.t("偷拍" + v + "的私密影像", "secretly filming " + v);
    }
    if (shared) {
      return w.t("未经" + v + "同意传播其私密影像", "spreading intimate images of " + v + " without consent");
    }
    return w.ph("行为概述（如偷拍、传播私密影像）", "what was done (e.g. covert filming, spreading images)");
  }

  /** The claims of the complaint, in order; their wording is in {@code _claim_zh/_claim_en}. */
  static final List<String> CLAIMS =
      List.of("stop", "apology", "moral", "injury", "costs", "court_costs");

  private List<Map<String, Object>> civilClaims() {
    boolean injury = (Boolean) claims().get("has_injury");
    List<Map<String, Object>> numbered = new ArrayList<>();
    for (String claim : CLAIMS) {
      if (claim.equals("injury") && !injury) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", numbered.size() + 1);
      CLAIMS.forEach(c -> m.put(c, c.equals(claim)));
      numbered.add(m);
    }
    return numbered;
  }

  private Map<String, Object> view(Findings.Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.provision());
    m.put("cite", cite(f.provision()));
    m.put(
        "status",
        switch (f.status()) {
          case "applies" -> w.t("符合", "applies");
          case "possible" -> w.t("可能符合", "may apply");
          case "time_barred" -> w.t("已过时效", "time-barred");
          default -> w.t("不适用", "does not apply");
        });
    m.put("tier", f.tier().map(this::tier).orElse(""));
    m.put("has_tier", f.tier().isPresent());
    m.put("penalty", f.penalty().flatMap(p -> p.get(w.lang())).orElse(""));
    m.put("has_penalty", f.penalty().flatMap(p -> p.get(w.lang())).isPresent());
    List<String> missing = missing(f.missing());
    m.put("missing", String.join(w.t("；", "; "), missing));
    m.put("has_missing", !missing.isEmpty());
    m.put(
        "deadline",
        f.deadline()
            .map(d -> deadlineKind(f.deadlineKind().orElse("")) + w.t("：", ": ") + w.date(d))
            .orElse(""));
    m.put("has_deadline", f.deadline().isPresent());
    m.put("authority", f.authority().flatMap(a -> a.get(w.lang())).orElse(""));
    m.put("has_authority", f.authority().flatMap(a -> a.get(w.lang())).isPresent());
    m.put("explanation", f.explanation().flatMap(a -> a.get(w.lang())).orElse(""));
    m.put("has_explanation", f.explanation().flatMap(a -> a.get(w.lang())).isPresent());
    m.put("basis", w.list(f.basis().stream().map(this::cite).toList()));
    m.put("has_basis", !f.basis().isEmpty());
    return m;
  }

  /**
   * What a finding still needs, in the document's language: a bilingual entry ({@code 情节严重 (the
   * seriousness…)}) gives its half, a determination its label from the law-cn data, a fact key its
   * label; a key with no label is counted, never printed.
   */
  private List<String> missing(List<String> raw) {
    List<String> out = new ArrayList<>();
    int unlabelled = 0;
    for (String r : raw) {
      java.util.regex.Matcher bi =
          java.util.regex.Pattern.compile("^(.*[\\u4e00-\\u9fff].*?) \\((.+)\\)$").matcher(r);
      if (bi.matches()) {
        out.add(w.t(bi.group(1), bi.group(2)));
        continue;
      }
      Optional<Bilingual> label = FactLabels.of(r);
      if (label.isPresent()) {
        out.add(label.get().get(w.lang()).orElse(r));
      } else if (w.lang() == Lang.EN) {
        out.add(r);
      } else {
        unlabelled++;
      }
    }
    if (unlabelled > 0) {
      out.add(String.format(Locale.ROOT, "其他%d项事实", unlabelled));
    }
    return out;
  }

  private String tier(String t) {
    return switch (t) {
      case "lighter" -> w.t("情节较轻", "lighter circumstances");
      case "basic" -> w.t("基本情节", "basic tier");
      case "serious" -> w.t("情节严重（较重）", "serious circumstances");
      case "especially_serious" -> w.t("情节特别严重", "especially serious circumstances");
      case "aggravated" -> w.t("加重情节", "aggravated tier");
      default -> t;
    };
  }

  private String deadlineKind(String k) {
    return switch (k) {
      case "prosecution" -> w.t("追诉期限届满", "limitation for prosecution ends");
      case "punishment", "administrative", "police_discovery" ->
          w.t("治安管理处罚追究时效届满", "administrative time limit ends");
      case "civil", "limitation", "civil_claim" -> w.t("诉讼时效届满", "civil limitation period ends");
      default -> w.t("期限届满", "deadline");
    };
  }

  private String cite(String id) {
    cited.add(id);
    return Citations.of(id)
        .map(c -> c.get(w.lang()))
        .orElse(w.ph("条文出处 " + id, "citation for " + id));
  }

  private String civilCaseType() {
    Facts f = data.facts();
    return f.yes("distribution.online") && f.yes("distribution.shared")
        ? w.t("网络侵权责任纠纷", "dispute over liability for online infringement")
        : w.t("隐私权纠纷", "privacy dispute");
  }

  private Map<String, Object> claims() {
    Map<String, Object> m = new LinkedHashMap<>();
    Parties.Claims c = data.parties().claims();
    Facts f = data.facts();
    m.put("moral", w.yuanOr(c.moralDamages(), "精神损害抚慰金金额", "amount of moral damages"));
    m.put("investigation", w.yuanOr(c.investigationCosts(), "调查取证费用金额", "investigation costs"));
    m.put("lawyer", w.yuanOr(c.lawyerFees(), "律师费金额", "lawyer's fees"));
    Optional<BigDecimal> medical = f.number("harm.medical_costs_cny");
    Optional<BigDecimal> lost = f.number("harm.lost_income_cny");
    boolean hasMedical = medical.isEmpty() || medical.get().signum() > 0;
    boolean hasLost = lost.isEmpty() || lost.get().signum() > 0;
    m.put(
        "medical",
        medical.map(w::yuan).orElse(w.ph("医疗费（含心理治疗费）金额", "medical costs incl. therapy")));
    m.put("lost_income", lost.map(w::yuan).orElse(w.ph("误工损失金额", "lost income")));
    List<String> material = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    boolean totalKnown = true;
    if (hasMedical) {
      material.add(w.t("医疗费（含心理治疗费）", "medical costs incl. therapy of ") + m.get("medical"));
      totalKnown &= medical.isPresent();
      total = total.add(medical.orElse(BigDecimal.ZERO));
    }
    if (hasLost) {
      material.add(w.t("误工损失", "lost income of ") + m.get("lost_income"));
      totalKnown &= lost.isPresent();
      total = total.add(lost.orElse(BigDecimal.ZERO));
    }
    m.put("material_list", w.list(material));
    m.put(
        "material_total",
        totalKnown ? w.yuan(total) : w.ph("物质损失合计金额", "total of material losses"));
    Parties.Claims pc = data.parties().claims();
    boolean allKnown =
        totalKnown
            && pc.moralDamages().isPresent()
            && pc.investigationCosts().isPresent()
            && pc.lawyerFees().isPresent();
    BigDecimal sum =
        total
            .add(BigDecimal.valueOf(pc.moralDamages().orElse(0)))
            .add(BigDecimal.valueOf(pc.investigationCosts().orElse(0)))
            .add(BigDecimal.valueOf(pc.lawyerFees().orElse(0)));
    m.put(
        "total",
        allKnown
            ? w.yuan(sum)
            : w.ph("诉讼标的总额（各项金额确定后合计）", "total amount claimed (sum of the amounts)"));
    m.put("has_medical", hasMedical);
    m.put("has_lost_income", hasLost);
    m.put("has_injury", hasMedical || hasLost);
    return m;
  }

  /** The answers of the element-style forms that the facts and the report give. */
  private Map<String, Object> elements() {
    Facts f = data.facts();
    Map<String, Object> m = new LinkedHashMap<>();
    Optional<LocalDate> first = f.date("conduct.first_act");
    Optional<LocalDate> last = f.date("conduct.last_act");
    m.put(
        "when",
        first.isEmpty()
            ? w.ph("行为发生的时间", "when it happened")
            : last.isEmpty() || last.equals(first)
                ? w.date(first.get())
                : w.t(
                    w.date(first.get()) + "至" + w.date(last.get()),
                    w.date(first.get()) + " to " + w.date(last.get())));
    List<String> chats =
        new ArrayList<>(
            new LinkedHashSet<>(
                data.reports().stream()
                    .flatMap(r -> r.occurrences().stream())
                    .map(o -> o.chatName().map(n -> "“" + n + "”").orElse(o.chatId()))
                    .toList()));
    m.put(
        "where",
        chats.isEmpty()
            ? w.ph("行为地点或网络位置（群组、频道、网址）", "the place or online location")
            : w.t(
                "Telegram群组或频道" + w.list(chats) + "（具体消息见证据清单）",
                "the Telegram groups or channels "
                    + w.list(chats)
                    + " (messages in the evidence list)"));
    m.put("platforms", chats.isEmpty() ? w.ph("网络平台名称", "the platform's name") : "Telegram");
    List<String> harm = new ArrayList<>();
    if (f.yes("harm.serious_mental_harm")) {
      harm.add(w.t("造成严重精神损害", "serious mental harm"));
    }
    if (f.yes("harm.self_harm_or_suicide")) {
      harm.add(w.t("导致自伤", "self-harm"));
    }
    Map<String, Object> c = claims();
    if ((Boolean) c.get("has_injury")) {
      harm.add(w.t("物质损失", "material losses of ") + c.get("material_list"));
    }
    m.put("harm", harm.isEmpty() ? w.ph("损害后果", "the harm") : w.list(harm) + w.t("。", "."));
    m.put(
        "fault",
        f.yes("acts.covert_filming") || f.yes("acts.peeping")
            ? w.t(
                "被告故意偷拍并传播原告的私密影像，主观上存在故意。",
                "The defendant filmed and spread the images deliberately.")
            : w.t(
                "被告明知未经原告同意而传播原告的私密影像，主观上存在过错。",
                "The defendant spread the images knowing the plaintiff had not consented."));
    return m;
  }

  private Map<String, Object> acts() {
    Facts f = data.facts();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("filmed", f.yes("acts.covert_filming") || f.yes("acts.peeping"));
    m.put("shared", f.yes("distribution.shared"));
    m.put("online", f.yes("distribution.online"));
    m.put("still_online", f.yes("distribution.still_online"));
    m.put("identifiable", f.yes("distribution.victim_identifiable"));
    m.put("device", f.yes("acts.disguised_device") || f.yes("acts.installed_device"));
    m.put("for_profit", f.yes("distribution.for_profit"));
    return m;
  }
}
