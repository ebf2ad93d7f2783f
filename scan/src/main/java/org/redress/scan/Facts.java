package org.redress.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.redress.media.MediaKind;

/**
 * The case facts an export proves ({@code redress/case-facts@1} vocabulary), each with the
 * messages behind it ({@code facts_trace}), and the facts an export cannot show with how to add
 * them ({@code facts_not_shown}). A fact is written only when the export shows it: zero matches
 * prove nothing about what was spread elsewhere, so no count is ever written as 0.
 */
final class Facts {
  static final String CASE_FACTS = "redress/case-facts@1";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Facts() {}

  /** The exporter's calendar day of an occurrence (the exported date), else its UTC day. */
  static String day(Occurrence o) {
    String exported = o.post().date().exported();
    if (exported.length() >= 10 && exported.charAt(4) == '-') {
      return exported.substring(0, 10);
    }
    return o.post().date().utc().map(i -> i.toString().substring(0, 10)).orElse(null);
  }

  static void add(ObjectNode root, List<Occurrence> sorted, List<Aggregator.TradePost> trade) {
    ObjectNode facts = root.putObject("facts");
    facts.put("schema", CASE_FACTS);
    ArrayNode trace = root.putArray("facts_trace");
    List<Occurrence> posted = new ArrayList<>();
    for (Occurrence o : sorted) {
      if (o.post().chat() != null) {
        posted.add(o);
      }
    }
    if (!posted.isEmpty()) {
      Occurrence first = ReportBuilder.first(posted);
      Occurrence last = ReportBuilder.last(posted);
      if (first != null && day(first) != null) {
        ObjectNode conduct = facts.putObject("conduct");
        conduct.put("first_act", day(first));
        conduct.put("last_act", day(last));
        trace(trace, "conduct.first_act", day(first),
            "the earliest post carrying a matched copy (date as exported, the exporter's"
                + " calendar day); an earlier act (the filming) may be known from the victim",
            List.of(first));
        trace(trace, "conduct.last_act", day(last),
            "the latest post carrying a matched copy (date as exported)", List.of(last));
      }
      ObjectNode dist = facts.putObject("distribution");
      dist.put("shared", true);
      dist.put("online", true);
      trace(trace, "distribution.shared", true,
          "matched copies were posted in Telegram chats", posted);
      trace(trace, "distribution.online", true,
          "Telegram is an online service; the posts are in the export", posted);
      ObjectNode counts = F.objectNode();
      countFact(counts, trace, posted, MediaKind.VIDEO, "videos");
      countFact(counts, trace, posted, MediaKind.IMAGE, "images");
      if (counts.size() > 0) {
        dist.set("counts", counts);
      }
    }
    if (!trade.isEmpty()) {
      facts.putObject("trade").put("ad_posts", trade.size());
      ObjectNode t = trace.addObject();
      t.put("fact", "trade.ad_posts");
      t.put("value", trade.size());
      t.put("rule", "posts the trade lexicon flags as ads (covert cameras, sedatives, filming"
          + " tutorials, sales of covert or obscene material); see trade.posts for the phrases");
      ArrayNode refs = t.putArray("refs");
      List<Aggregator.TradePost> ads = new ArrayList<>(trade);
      ads.sort(java.util.Comparator.comparing((Aggregator.TradePost p) -> p.chat().export())
          .thenComparingLong(p -> p.chat().id())
          .thenComparingLong(Aggregator.TradePost::messageId));
      for (Aggregator.TradePost p : ads) {
        refs.add("chat " + p.chat().id() + " message " + p.messageId());
      }
    }
    notShown(root.putArray("facts_not_shown"));
  }

  private static void countFact(ObjectNode counts, ArrayNode trace, List<Occurrence> posted,
      MediaKind kind, String key) {
    Set<String> files = new TreeSet<>();
    List<Occurrence> behind = new ArrayList<>();
    for (Occurrence o : posted) {
      if (o.kind() == kind) {
        files.add(o.sha256());
        behind.add(o);
      }
    }
    if (files.isEmpty()) {
      return;
    }
    counts.put(key, files.size());
    ObjectNode t = trace(trace, "distribution.counts." + key, files.size(),
        "distinct " + key + " (by SHA-256) posted that match a bank item; the same file posted"
            + " again counts once, so this is a lower bound (per-post counts: totals."
            + (kind == MediaKind.VIDEO ? "video_posts" : "image_posts") + ")",
        behind);
    ArrayNode sha = t.putArray("sha256");
    files.forEach(sha::add);
  }

  private static ObjectNode trace(
      ArrayNode trace, String fact, Object value, String rule, List<Occurrence> behind) {
    ObjectNode t = trace.addObject();
    t.put("fact", fact);
    if (value instanceof Boolean b) {
      t.put("value", b);
    } else if (value instanceof Integer i) {
      t.put("value", i);
    } else {
      t.put("value", String.valueOf(value));
    }
    t.put("rule", rule);
    Set<String> refs = new LinkedHashSet<>();
    for (Occurrence o : behind) {
      String r = o.post().reference();
      if (r != null) {
        refs.add(r);
      }
    }
    ArrayNode a = t.putArray("refs");
    refs.forEach(a::add);
    return t;
  }

  private static void notShown(ArrayNode out) {
    add(out, "distribution.counts.clicks",
        "Telegram Desktop exports do not record how often a post was viewed",
        "open each post in Telegram, note the view counter (channels) and keep a screenshot;"
            + " add the sum as distribution.counts.clicks");
    add(out, "distribution.group.members",
        "exports do not record how many members a group or channel has",
        "open the chat's info page, note the member or subscriber count with the date and keep a"
            + " screenshot; add it as distribution.group.members");
    add(out, "trade.ad_recipient_members_total",
        "member counts are not in the export",
        "add the member counts of the chats listed under trade.by_chat");
    add(out, "distribution.still_online",
        "an export is a snapshot taken on the export date",
        "check today whether the posts listed here can still be opened");
    add(out, "distribution.for_profit",
        "whether the spreader earned money is not shown by matches",
        "add it when sale posts, prices or payment records tie the spreader to the copies");
    add(out, "distribution.victim_identifiable",
        "Redress never looks at the images; only a person can judge this",
        "the victim or her advocate answers this in the intake interview");
    add(out, "distribution.group.role",
        "exports do not say who created or administers a chat",
        "note the creator and admins from the chat's info page (service messages in the export"
            + " may show who created the group)");
  }

  private static void add(ArrayNode out, String fact, String why, String how) {
    out.addObject().put("fact", fact).put("why", why).put("how", how);
  }
}
