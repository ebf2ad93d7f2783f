package org.redress.documents.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts in sentences, used when the victim has not written her own account. Only what the facts
 * say is stated; what they leave open becomes a placeholder.
 */
final class Narrative {
  private final Words w;
  private final Facts f;
  private final String victim;
  private final String perp;

  Narrative(Words w, Facts f, String victim, String perp) {
    this.w = w;
    this.f = f;
    this.victim = victim;
    this.perp = perp;
  }

  List<String> paragraphs() {
    List<String> out = new ArrayList<>();
    filming().ifPresent(out::add);
    spreading().ifPresent(out::add);
    harm().ifPresent(out::add);
    police().ifPresent(out::add);
    out.add(w.ph("narrative_detail"));
    return out;
  }

  private String when() {
    Optional<LocalDate> first = f.date("conduct.first_act");
    Optional<LocalDate> last = f.date("conduct.last_act");
    if (first.isEmpty()) {
      return w.ph("date");
    }
    if (last.isPresent() && !last.get().equals(first.get())) {
      return w.say("narrative.when.range", "from", w.date(first.get()), "to", w.date(last.get()));
    }
    return w.say("narrative.when.on", "date", w.date(first.get()));
  }

  private Optional<String> filming() {
    boolean filmed = f.yes("acts.covert_filming");
    boolean peeped = f.yes("acts.peeping");
    if (!filmed && !peeped) {
      return Optional.empty();
    }
    String what =
        f.yes("acts.filmed_sexual_activity")
            ? w.say("narrative.what.activity")
            : f.yes("acts.filmed_intimate_parts")
                ? w.say("narrative.what.parts")
                : w.say("narrative.what.images");
    String when = when();
    return Optional.of(
        w.say(
            "narrative.filming",
            "when",
            when,
            "When",
            capital(when),
            "perp",
            perp,
            "victim",
            victim,
            "what",
            what,
            "filmed",
            filmed,
            "private_space",
            f.yes("acts.filmed_in_private_space"),
            "place",
            w.ph("place"),
            "disguised",
            f.yes("acts.disguised_device"),
            "installed",
            f.yes("acts.installed_device")));
  }

  private Optional<String> spreading() {
    if (!f.yes("distribution.shared")) {
      return Optional.empty();
    }
    List<String> s = new ArrayList<>();
    s.add(
        w.say(
            "narrative.spread",
            "online",
            f.yes("distribution.online"),
            "for_profit",
            f.yes("distribution.for_profit"),
            "still_online",
            f.yes("distribution.still_online"),
            "has_as_of",
            f.asOf().isPresent(),
            "as_of",
            f.asOf().map(w::date).orElse("")));
    if (f.yes("distribution.victim_identifiable")) {
      s.add(w.say("narrative.identifiable", "victim", victim));
    }
    if (f.yes("distribution.personal_info_published")) {
      s.add(w.say("narrative.personal_info", "victim", victim));
    }
    if (f.yes("distribution.insulting_presentation")) {
      s.add(w.say("narrative.insulting"));
    }
    if (f.yes("distribution.sent_to_family_or_acquaintances")) {
      s.add(w.say("narrative.family", "victim", victim));
    }
    counts().ifPresent(s::add);
    return Optional.of(String.join(w.say("sentence.join"), s));
  }

  private Optional<String> counts() {
    List<String> parts = new ArrayList<>();
    add(parts, "distribution.counts.videos", "count.videos");
    add(parts, "distribution.counts.images", "count.images");
    add(parts, "distribution.counts.clicks", "count.clicks");
    add(parts, "distribution.group.members", "count.members");
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(w.say("narrative.counts", "parts", String.join(w.say("list.sep"), parts)));
  }

  private void add(List<String> parts, String path, String phrase) {
    Optional<java.math.BigDecimal> n = f.number(path);
    if (n.isPresent() && n.get().signum() > 0) {
      // a count read from a screenshot or a captured page is a lead, not a count: say so
      String key = "facts_provenance." + path + ".read_from";
      String read =
          (f.caseFacts().schema().isPath(key) ? f.text(key) : Optional.<String>empty())
              .map(
                  from ->
                      w.say(
                          from.equals("screenshot") ? "count.read.screenshot" : "count.read.page"))
              .orElse("");
      parts.add(w.say(phrase, "n", n.get().longValue(), "one", n.get().longValue() == 1) + read);
    }
  }

  private Optional<String> harm() {
    List<String> s = new ArrayList<>();
    if (f.yes("harm.serious_mental_harm")) {
      s.add(w.say("narrative.mental_harm", "victim", victim));
    }
    if (f.yes("harm.self_harm_or_suicide")) {
      s.add(w.say("narrative.self_harm"));
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(String.join(w.say("sentence.join"), s));
  }

  private Optional<String> police() {
    return f.date("conduct.police_aware_on").map(d -> w.say("narrative.police", "date", w.date(d)));
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
