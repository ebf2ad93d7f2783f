package org.redress.scan;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.redress.media.MediaKind;
import org.redress.report.CaseFactsFragment;
import org.redress.report.SpreadReport;

/**
 * The case facts an export proves ({@code redress/case-facts@1} vocabulary), each with the messages
 * behind it ({@code facts_trace}), and the facts an export cannot show with how to add them ({@code
 * facts_not_shown}). A fact is written only when the export shows it: zero matches prove nothing
 * about what was spread elsewhere, so no count is ever written as 0.
 */
final class Facts {
  private Facts() {}

  /** What the export proves, the trace behind each fact and what it cannot show. */
  record Result(
      CaseFactsFragment facts,
      List<SpreadReport.FactTrace> trace,
      List<SpreadReport.NotShown> notShown,
      List<SpreadReport.ReadSource> readFacts,
      Map<String, SpreadReport.Provenance> provenance) {}

  /** The exporter's calendar day of an occurrence (the exported date), else its UTC day. */
  static LocalDate day(Occurrence o) {
    String exported = o.post().date().exported();
    if (exported.length() >= 10 && exported.charAt(4) == '-') {
      try {
        return LocalDate.parse(exported.substring(0, 10));
      } catch (DateTimeParseException e) {
        // fall back to the instant
      }
    }
    return o.post().date().utc().map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC)).orElse(null);
  }

  static Result of(List<Occurrence> sorted, long adPosts, List<String> adRefs) {
    List<SpreadReport.FactTrace> trace = new ArrayList<>();
    List<Occurrence> posted = new ArrayList<>();
    for (Occurrence o : sorted) {
      if (o.post().chat() != null) {
        posted.add(o);
      }
    }
    LocalDate firstAct = null;
    LocalDate lastAct = null;
    Boolean shared = null;
    Long images = null;
    Long videos = null;
    if (!posted.isEmpty()) {
      Occurrence first = ReportBuilder.first(posted);
      Occurrence last = ReportBuilder.last(posted);
      if (first != null && day(first) != null && day(last) != null) {
        firstAct = day(first);
        lastAct = day(last);
        if (lastAct.isBefore(firstAct)) {
          lastAct = firstAct;
        }
        trace.add(
            trace(
                "conduct.first_act",
                firstAct.toString(),
                "the earliest post carrying a matched copy (date as exported, the exporter's"
                    + " calendar day); an earlier act (the filming) may be known from the victim",
                List.of(first)));
        trace.add(
            trace(
                "conduct.last_act",
                lastAct.toString(),
                "the latest post carrying a matched copy (date as exported)",
                List.of(last)));
      }
      shared = true;
      trace.add(
          trace(
              "distribution.shared",
              true,
              "matched copies were posted in chats on an online platform",
              posted));
      trace.add(
          trace(
              "distribution.online",
              true,
              "the platform is an online service; the posts are in the export",
              posted));
      videos = count(trace, posted, MediaKind.VIDEO, "videos");
      images = count(trace, posted, MediaKind.IMAGE, "images");
    }
    if (adPosts > 0) {
      trace.add(
          new SpreadReport.FactTrace(
              "trade.ad_posts",
              adPosts,
              "posts the trade lexicon flags as ads (covert cameras, sedatives, filming"
                  + " tutorials, sales of covert or obscene material); see trade.posts for the"
                  + " phrases",
              adRefs,
              adPosts,
              null,
              null));
    }
    CaseFactsFragment facts =
        new CaseFactsFragment(
            firstAct,
            lastAct,
            shared,
            shared,
            images,
            videos,
            adPosts > 0 ? adPosts : null,
            null,
            null);
    return new Result(facts, trace, notShown(), List.of(), Map.of());
  }

  private static Long count(
      List<SpreadReport.FactTrace> trace, List<Occurrence> posted, MediaKind kind, String key) {
    Set<String> files = new TreeSet<>();
    List<Occurrence> behind = new ArrayList<>();
    for (Occurrence o : posted) {
      if (o.kind() == kind) {
        files.add(o.sha256());
        behind.add(o);
      }
    }
    if (files.isEmpty()) {
      return null;
    }
    SpreadReport.FactTrace t =
        trace(
            "distribution.counts." + key,
            (long) files.size(),
            "distinct "
                + key
                + " (by SHA-256) posted that match a bank item; the same file posted"
                + " again counts once, so this is a lower bound (per-post counts: totals."
                + (kind == MediaKind.VIDEO ? "video_posts" : "image_posts")
                + ")",
            behind);
    trace.add(
        new SpreadReport.FactTrace(
            t.fact(), t.value(), t.rule(), t.refs(), t.refsTotal(), List.copyOf(files), null));
    return (long) files.size();
  }

  private static SpreadReport.FactTrace trace(
      String fact, Object value, String rule, List<Occurrence> behind) {
    Set<String> refs = new LinkedHashSet<>();
    for (Occurrence o : behind) {
      String r = o.post().reference();
      if (r != null) {
        refs.add(r);
      }
    }
    List<String> all = new ArrayList<>(refs);
    List<String> kept =
        all.size() > Aggregator.MAX_REFS ? all.subList(0, Aggregator.MAX_REFS) : all;
    return new SpreadReport.FactTrace(fact, value, rule, kept, all.size(), null, null);
  }

  private static List<SpreadReport.NotShown> notShown() {
    List<SpreadReport.NotShown> out = new ArrayList<>();
    add(
        out,
        "distribution.counts.clicks",
        "Telegram Desktop exports do not record how often a post was viewed",
        "open each post in Telegram, note the view counter (channels) and keep a screenshot;"
            + " add the sum as distribution.counts.clicks");
    add(
        out,
        "distribution.group.members",
        "exports do not record how many members a group or channel has",
        "open the chat's info page, note the member or subscriber count with the date and keep a"
            + " screenshot; add it as distribution.group.members");
    add(
        out,
        "trade.ad_recipient_members_total",
        "member counts are not in the export",
        "add the member counts of the chats listed under trade.by_chat");
    add(
        out,
        "distribution.still_online",
        "an export is a snapshot taken on the export date",
        "check today whether the posts listed here can still be opened");
    add(
        out,
        "distribution.for_profit",
        "whether the spreader earned money is not shown by matches",
        "add it when sale posts, prices or payment records tie the spreader to the copies");
    add(
        out,
        "distribution.victim_identifiable",
        "Redress never looks at the images; only a person can judge this",
        "the victim or her advocate answers this in the intake interview");
    add(
        out,
        "distribution.group.role",
        "exports do not say who created or administers a chat",
        "note the creator and admins from the chat's info page (service messages in the export"
            + " may show who created the group)");
    return out;
  }

  private static void add(List<SpreadReport.NotShown> out, String fact, String why, String how) {
    out.add(new SpreadReport.NotShown(fact, why, how));
  }
}
