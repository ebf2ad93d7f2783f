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
      agent.put("name", w.ph("agent_name"));
    }
    m.put("agent", agent);
    m.put("takedown", kind == DocumentKind.TAKEDOWN_NOTICE);
    m.put("private_prosecution", kind == DocumentKind.PRIVATE_PROSECUTION);
    m.put("foreign", foreign(p));
    m.put("platform", body(p.platform(), "platform_name", "platform_operator"));
    m.put("police", body(p.police(), "police", "none"));
    m.put("court", body(p.court(), "court", "none"));
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
    m.put("no_evidence", w.ph("no_evidence"));
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
    m.put("locations_placeholder", w.ph("locations"));
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
    String who = w.say("notice.provider", "named", name.isPresent(), "name", name.orElse(""));
    if (data.facts().yes("platform_notice.acted")) {
      Optional<LocalDate> acted = data.facts().date("platform_notice.acted_on");
      return w.say(
          "notice.acted",
          "on",
          w.date(on.get()),
          "cite",
          cite,
          "provider",
          who,
          "has_acted_on",
          acted.isPresent(),
          "acted_on",
          acted.map(w::date).orElse(""));
    }
    if (data.facts().bool("platform_notice.acted").isEmpty()) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(on.get(), date);
    return w.say(
        "notice.not_acted",
        "on",
        w.date(on.get()),
        "cite",
        cite,
        "provider",
        who,
        "date",
        w.date(date),
        "days",
        days);
  }

  /** IDs cited so far (findings and {@code cite.X} lookups); filled while rendering. */
  @SuppressWarnings("unchecked")
  public static Set<String> cited(Map<String, Object> model) {
    return (Set<String>) model.get("cited");
  }

  private String role() {
    return w.say("role." + kind.id());
  }

  private String otherRole() {
    return switch (kind) {
      case CIVIL_COMPLAINT, PRIVATE_PROSECUTION -> w.say("other_role." + kind.id());
      default -> w.say("other_role.other");
    };
  }

  private Map<String, Object> person(Parties.Person person, boolean victim) {
    Map<String, Object> m = new LinkedHashMap<>();
    String name = person.name().orElse(null);
    String display;
    if (name == null) {
      display = victim ? w.ph("name") : w.ph("perp_name");
    } else if (w.lang() == Lang.EN && person.nameLatin().isPresent()) {
      display = w.say("name_with_latin", "name", name, "latin", person.nameLatin().get());
    } else {
      display = name;
    }
    m.put("name", display);
    m.put("known", person.known());
    m.put("unknown", !person.known());
    m.put("gender", person.gender().map(this::gender).orElse(w.ph("gender")));
    m.put("birth", person.birthDate().map(w::date).orElse(w.ph("birth")));
    m.put("ethnicity", person.ethnicity().orElse(w.ph("ethnicity")));
    m.put("occupation", person.occupation().orElse(w.ph("occupation")));
    m.put("id_number", person.idNumber().orElse(w.ph("id_number")));
    m.put("address", person.address().orElse(w.ph("home_address")));
    m.put("phone", person.phone().orElse(w.ph("phone")));
    m.put("email", person.email().orElse(w.ph("email")));
    m.put(
        "accounts",
        person.accounts().isEmpty()
            ? w.ph("accounts")
            : String.join(w.say("list.semicolon"), person.accounts()));
    m.put("has_accounts", !person.accounts().isEmpty());
    m.put("ref", name != null ? name : victim ? role() : w.say("unidentified_person"));
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
    m.put("name", telegram ? "Telegram" : w.ph("foreign_platform"));
    m.put("channel", w.ph("foreign_channel"));
    m.put("policy", w.ph("foreign_policy"));
    m.put("sender", p.agent().name().orElse(w.ph("foreign_sender")));
    return m;
  }

  /** Her sex as the parties file gives it: female/f, male/m, or the word of the Chinese papers. */
  private String gender(String g) {
    String v = g.toLowerCase(Locale.ROOT);
    for (String sex : List.of("female", "male")) {
      if (v.equals(sex) || v.equals(sex.substring(0, 1)) || g.equals(zh("gender." + sex))) {
        return w.say("gender." + sex);
      }
    }
    return g;
  }

  private static String zh(String key) {
    return Phrases.say(Lang.ZH, key);
  }

  private Map<String, Object> body(Parties.Body b, String nameLabel, String operatorLabel) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", b.name().orElse(w.ph(nameLabel)));
    m.put("operator", b.operator().orElse(w.ph(operatorLabel)));
    m.put("address", b.address().orElse(w.ph("address")));
    m.put("contact", b.contact().orElse(w.ph("notice_channel")));
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
    return data.parties().perpetrator().name().orElse(w.say("unidentified_person"));
  }

  private Map<String, Object> spread() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<SpreadReport> rs = data.reports();
    m.put("present", !rs.isEmpty());
    m.put("absent", rs.isEmpty());
    if (rs.isEmpty()) {
      m.put("summary", w.ph("spread"));
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
        w.say(
            "spread.found",
            "victim",
            victim,
            "items",
            items,
            "chats",
            chats,
            "posts",
            posts,
            "onePost",
            posts == 1,
            "oneChat",
            chats == 1,
            "seen",
            first.isPresent() && last.isPresent(),
            "first",
            first.map(w::time).orElse(""),
            "last",
            last.map(w::time).orElse("")));
    if (unchecked > 0) {
      s.append(w.say("spread.unchecked", "n", unchecked, "one", unchecked == 1));
    }
    if (trade > 0) {
      s.append(w.say("spread.trade", "n", trade, "one", trade == 1));
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
              w.say(
                  "location.chat",
                  "named",
                  o.chatName().isPresent(),
                  "name",
                  o.chatName().orElse(""),
                  "id",
                  o.chatId()));
          m.put("chat_id", o.chatId());
          m.put("message_id", o.messageId());
          m.put("date", o.dateUtc().map(w::time).orElse(w.say("not_recorded")));
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
                  true,
                  String.valueOf(it.leafIndex()),
                  it.capturedAt().map(w::time).orElse(w.say("not_recorded"))));
        } else {
          spread.add(itemRow(it));
        }
      }
    }
    for (String sha : reportHashes) {
      reports.add(
          reportRow(sha, false, w.say("evidence.not_logged"), w.say("evidence.not_preserved")));
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    group(groups, spread, w.say("evidence.group.spread"));
    group(groups, reports, w.say("evidence.group.report"));
    return groups;
  }

  private void group(
      List<Map<String, Object>> groups, List<Map<String, Object>> rows, String title) {
    if (rows.isEmpty()) {
      return;
    }
    int g = groups.size() + 1;
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put("no", w.say("evidence.no", "g", g, "i", i + 1));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", w.say("evidence.group", "g", g, "g_zh", Numerals.chinese(g), "title", title));
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
      String chatKind = w.say(channel ? "chat.channel" : "chat.group");
      String when = o.flatMap(SpreadReport.Occurrence::dateUtc).map(w::time).orElse("");
      Object[] post = {
        "kind",
        chatKind,
        "named",
        name != null,
        "name",
        name == null ? "" : name,
        "chat",
        chat,
        "msg",
        msg,
        "posted",
        !when.isEmpty(),
        "when",
        when
      };
      source = w.say("evidence.telegram.source", post);
      String where = w.say("evidence.telegram.where", post);
      purpose =
          w.say(
              "evidence.telegram.purpose",
              "media",
              media,
              "media_lower",
              media.toLowerCase(Locale.ROOT),
              "posted",
              !when.isEmpty(),
              "when",
              when,
              "where",
              where);
    } else if (kind.equals("url")) {
      source = w.say("evidence.url.source");
      m.put("url", value);
      purpose =
          w.say(
              "evidence.url.purpose",
              "media",
              media,
              "media_lower",
              media.toLowerCase(Locale.ROOT));
    } else {
      source = w.say("evidence.file.source");
      purpose = w.say("evidence.file.purpose");
    }
    m.put("has_url", m.containsKey("url"));
    m.put(
        "name",
        w.say("evidence.item.name", "media", media, "media_lower", media.toLowerCase(Locale.ROOT)));
    m.put("file", it.fileName().map(f -> Path.of(f).getFileName().toString()).orElse(""));
    m.put("has_file", it.fileName().isPresent());
    m.put("source", source);
    m.put("purpose", it.note().filter(this::inLanguage).map(Model::capitalised).orElse(purpose));
    m.put("pages", w.ph("pages"));
    m.put("copies", "1");
    m.put("original", w.say("evidence.original"));
    m.put("sha256", it.sha256());
    m.put("leaf", String.valueOf(it.leafIndex()));
    m.put("logged", true);
    m.put("captured", it.capturedAt().map(w::time).orElse(w.say("not_recorded")));
    return m;
  }

  private Map<String, Object> reportRow(String sha, boolean logged, String leaf, String captured) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", w.say("evidence.report.name"));
    m.put("file", "");
    m.put("has_file", false);
    m.put("has_url", false);
    m.put("source", w.say("evidence.report.source"));
    m.put("purpose", w.say("evidence.report.purpose"));
    m.put("pages", w.ph("pages"));
    m.put("copies", "1");
    m.put("original", w.say("evidence.original"));
    m.put("sha256", sha);
    m.put("leaf", leaf);
    m.put("logged", logged);
    m.put("captured", captured);
    return m;
  }

  /** A table cell's text with its first letter in upper case (a no-op for Chinese). */
  private static String capitalised(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
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
      return w.say("media.image");
    }
    if (t.startsWith("video/")) {
      return w.say("media.video");
    }
    if (t.equals("text/html") || t.equals("application/json")) {
      return w.say("media.page");
    }
    return w.say("media.data");
  }

  private void findings(Map<String, Object> m) {
    Optional<Findings> f = data.findings();
    m.put("has_findings", f.isPresent());
    m.put("no_findings", w.ph("no_findings"));
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
                : w.say(
                    "plan.by", "date", w.date(a.by()), "days", a.daysLeft(), "urgent", a.urgent()));
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
            d.latest() == null
                ? w.date(d.date())
                : w.say("range", "from", w.date(d.date()), "to", w.date(d.latest())));
        r.put("days", d.state().equals("open") ? String.valueOf(d.daysLeft()) : "—");
        r.put("state", deadlineState(d.state()) + (d.urgent() ? w.say("urgent") : ""));
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
    return w.lang() == Lang.ZH ? t.zh() : t.en();
  }

  private String planStatus(ActionPlan.Status s) {
    return w.say("plan.status." + s.name().toLowerCase(Locale.ROOT));
  }

  private String deadlineState(String state) {
    return switch (state) {
      case "open", "met", "stopped", "passed" -> w.say("deadline.state." + state);
      default -> w.say("deadline.state.unknown");
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
    if (!filmed && !shared) {
      return w.ph("conduct");
    }
    return w.say(
        "conduct",
        "role",
        role(),
        "filmed",
        filmed,
        "shared",
        shared,
        "online",
        f.yes("distribution.online"));
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
          case "applies", "possible", "time_barred" -> w.say("finding.status." + f.status());
          default -> w.say("finding.status.none");
        });
    m.put("tier", f.tier().map(this::tier).orElse(""));
    m.put("has_tier", f.tier().isPresent());
    m.put("penalty", f.penalty().flatMap(p -> p.get(w.lang())).orElse(""));
    m.put("has_penalty", f.penalty().flatMap(p -> p.get(w.lang())).isPresent());
    List<String> missing = missing(f.missing());
    m.put("missing", String.join(w.say("list.semicolon"), missing));
    m.put("has_missing", !missing.isEmpty());
    m.put(
        "deadline",
        f.deadline()
            .map(
                d ->
                    w.say(
                        "finding.deadline",
                        "kind",
                        deadlineKind(f.deadlineKind().orElse("")),
                        "date",
                        w.date(d)))
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
    return missing(w, raw);
  }

  /** {@link #missing(List)} for any paper's words (the joint papers use it too). */
  static List<String> missing(Words w, List<String> raw) {
    List<String> out = new ArrayList<>();
    int unlabelled = 0;
    for (String r : raw) {
      java.util.regex.Matcher bi =
          java.util.regex.Pattern.compile("^(.*[\\u4e00-\\u9fff].*?) \\((.+)\\)$").matcher(r);
      if (bi.matches()) {
        out.add(w.lang() == Lang.ZH ? bi.group(1) : bi.group(2));
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
      out.add(w.say("missing.others", "n", unlabelled));
    }
    return out;
  }

  private String tier(String t) {
    return switch (t) {
      case "lighter", "basic", "serious", "especially_serious", "aggravated" -> w.say("tier." + t);
      default -> t;
    };
  }

  private String deadlineKind(String k) {
    return switch (k) {
      case "prosecution" -> w.say("deadline.kind.prosecution");
      case "punishment", "administrative", "police_discovery" ->
          w.say("deadline.kind.administrative");
      case "civil", "limitation", "civil_claim" -> w.say("deadline.kind.civil");
      default -> w.say("deadline.kind.other");
    };
  }

  private String cite(String id) {
    cited.add(id);
    return Citations.of(id)
        .map(c -> c.get(w.lang()))
        .orElse(w.label(w.say("ph.citation", "id", id)));
  }

  private String civilCaseType() {
    Facts f = data.facts();
    return f.yes("distribution.online") && f.yes("distribution.shared")
        ? w.say("civil_case_type.online")
        : w.say("civil_case_type.privacy");
  }

  private Map<String, Object> claims() {
    Map<String, Object> m = new LinkedHashMap<>();
    Parties.Claims c = data.parties().claims();
    Facts f = data.facts();
    m.put("moral", w.yuanOr(c.moralDamages(), "moral"));
    m.put("investigation", w.yuanOr(c.investigationCosts(), "investigation"));
    m.put("lawyer", w.yuanOr(c.lawyerFees(), "lawyer"));
    Optional<BigDecimal> medical = f.number("harm.medical_costs_cny");
    Optional<BigDecimal> lost = f.number("harm.lost_income_cny");
    boolean hasMedical = medical.isEmpty() || medical.get().signum() > 0;
    boolean hasLost = lost.isEmpty() || lost.get().signum() > 0;
    m.put("medical", medical.map(w::yuan).orElse(w.ph("medical")));
    m.put("lost_income", lost.map(w::yuan).orElse(w.ph("lost_income")));
    List<String> material = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    boolean totalKnown = true;
    if (hasMedical) {
      material.add(w.say("claim.medical", "amount", m.get("medical")));
      totalKnown &= medical.isPresent();
      total = total.add(medical.orElse(BigDecimal.ZERO));
    }
    if (hasLost) {
      material.add(w.say("claim.lost_income", "amount", m.get("lost_income")));
      totalKnown &= lost.isPresent();
      total = total.add(lost.orElse(BigDecimal.ZERO));
    }
    m.put("material_list", w.list(material));
    m.put("material_total", totalKnown ? w.yuan(total) : w.ph("material_total"));
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
    m.put("total", allKnown ? w.yuan(sum) : w.ph("total"));
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
            ? w.ph("when")
            : last.isEmpty() || last.equals(first)
                ? w.date(first.get())
                : w.say("range", "from", w.date(first.get()), "to", w.date(last.get())));
    List<String> chats =
        new ArrayList<>(
            new LinkedHashSet<>(
                data.reports().stream()
                    .flatMap(r -> r.occurrences().stream())
                    .map(o -> o.chatName().map(n -> w.say("quoted", "s", n)).orElse(o.chatId()))
                    .toList()));
    m.put(
        "where", chats.isEmpty() ? w.ph("where") : w.say("elements.where", "chats", w.list(chats)));
    m.put("platforms", chats.isEmpty() ? w.ph("platforms") : "Telegram");
    List<String> harm = new ArrayList<>();
    if (f.yes("harm.serious_mental_harm")) {
      harm.add(w.say("elements.harm.serious_mental"));
    }
    if (f.yes("harm.self_harm_or_suicide")) {
      harm.add(w.say("elements.harm.self_harm"));
    }
    Map<String, Object> c = claims();
    if ((Boolean) c.get("has_injury")) {
      harm.add(w.say("elements.harm.material", "list", c.get("material_list")));
    }
    m.put("harm", harm.isEmpty() ? w.ph("harm") : w.list(harm) + w.say("sentence.end"));
    m.put(
        "fault",
        f.yes("acts.covert_filming") || f.yes("acts.peeping")
            ? w.say("elements.fault.deliberate")
            : w.say("elements.fault.knowing"));
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
