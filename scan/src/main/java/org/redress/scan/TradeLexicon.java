package org.redress.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Detects trade posts (ads for covert cameras, sedatives, filming tutorials, sales of covert or
 * obscene material) with a bilingual lexicon kept as data ({@code trade-lexicon.yaml} in this
 * package; its rules are described in that file and in {@code docs/spread-report.md}). Immutable
 * and thread-safe.
 *
 * <p>A phrase starting with {@code re:} is a regular expression, matched against the normalised
 * text; a detection cites the text it matched.
 *
 * <p>A post is an ad of a category when it names the topic (one {@code any} phrase, or one phrase
 * from each {@code all_of} list), carries a commercial signal ({@code commerce} phrase or pattern)
 * and holds none of the category's {@code unless} phrases. Each detection cites the phrases that
 * matched, so a reader can check it.
 */
public final class TradeLexicon {
  /** The schema the lexicon file must declare. */
  public static final String SCHEMA = "redress/trade-lexicon@1";

  private static final String RESOURCE = "trade-lexicon.yaml";

  private final String version;
  private final List<Term> commerce;
  private final List<Pattern> commercePatterns;
  private final Map<String, Category> categories;

  /**
   * One detection: a category and the phrases that made it.
   *
   * @param category the category code, e.g. {@code covert_camera}
   * @param phrases the phrases matched, topic phrases first, then the commercial signal, as they
   *     appear in the lexicon (or, for a pattern, as they appear in the text)
   */
  public record Detection(String category, List<String> phrases) {
    /** Copies the list. */
    public Detection {
      Objects.requireNonNull(category, "category");
      phrases = List.copyOf(phrases);
    }
  }

  private record Term(String phrase, Pattern pattern, boolean regex) {
    boolean in(Texts t) {
      return match(t) != null;
    }

    /** The match on the normalised text, else on its compacted form, or null. */
    String match(Texts t) {
      String hit = match(t.normalised());
      return hit != null || t.compact().equals(t.normalised()) ? hit : match(t.compact());
    }

    /** The phrase (or, for a {@code re:} pattern, the text it matched), or null. */
    String match(String text) {
      if (pattern == null) {
        return text.contains(phrase) ? phrase : null;
      }
      Matcher m = pattern.matcher(text);
      return !m.find() ? null : regex ? m.group() : phrase;
    }
  }

  /** A post's text, normalised, and compacted ({@link #compact}). */
  private record Texts(String normalised, String compact) {}

  private record Category(
      String code,
      String zh,
      String en,
      List<Term> any,
      List<List<Term>> allOf,
      List<Term> unless) {}

  private TradeLexicon(
      String version,
      List<Term> commerce,
      List<Pattern> commercePatterns,
      Map<String, Category> categories) {
    this.version = version;
    this.commerce = commerce;
    this.commercePatterns = commercePatterns;
    this.categories = categories;
  }

  /** The lexicon shipped with Redress. */
  public static TradeLexicon builtIn() {
    return BUILT_IN;
  }

  /**
   * Reads {@code trade-lexicon.yaml} with {@link PlainYaml} (the file's plain YAML, without loading
   * a full YAML reader: that took most of the first post's time), or with Jackson's YAML reader
   * when the file uses more of YAML.
   */
  private static TradeLexicon load() {
    String text;
    try (InputStream in = TradeLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + RESOURCE, e);
    }
    try {
      return parse(PlainYaml.read(text));
    } catch (PlainYaml.Unsupported e) {
      try {
        return parse(new ObjectMapper(new YAMLFactory()).readTree(text));
      } catch (IOException io) {
        throw new UncheckedIOException("failed to read " + RESOURCE, io);
      }
    }
  }

  /**
   * Parses a lexicon from its YAML tree.
   *
   * @throws IllegalArgumentException naming the bad field when the tree is not a valid lexicon
   */
  static TradeLexicon parse(JsonNode root) {
    if (!SCHEMA.equals(root.path("schema").asText())) {
      throw new IllegalArgumentException(
          "trade lexicon: schema must be " + SCHEMA + ", was " + root.path("schema"));
    }
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode p : root.path("commerce_patterns")) {
      try {
        patterns.add(Pattern.compile(p.asText()));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "trade lexicon: commerce_patterns: bad pattern " + p.asText(), e);
      }
    }
    Map<String, Category> cats = new LinkedHashMap<>();
    root.path("categories")
        .properties()
        .forEach(
            e -> {
              JsonNode c = e.getValue();
              List<List<Term>> allOf = new ArrayList<>();
              for (JsonNode list : c.path("all_of")) {
                allOf.add(terms(list, e.getKey() + ".all_of"));
              }
              cats.put(
                  e.getKey(),
                  new Category(
                      e.getKey(),
                      c.path("label").path("zh").asText(e.getKey()),
                      c.path("label").path("en").asText(e.getKey()),
                      terms(c.path("any"), e.getKey() + ".any"),
                      allOf,
                      terms(c.path("unless"), e.getKey() + ".unless")));
            });
    if (cats.isEmpty()) {
      throw new IllegalArgumentException("trade lexicon: no categories");
    }
    return new TradeLexicon(
        root.path("version").asText(""),
        terms(root.path("commerce"), "commerce"),
        List.copyOf(patterns),
        Map.copyOf(cats));
  }

  private static List<Term> terms(JsonNode list, String where) {
    List<Term> out = new ArrayList<>();
    for (JsonNode n : list) {
      if (n.asText().startsWith("re:")) {
        try {
          out.add(new Term(n.asText(), Pattern.compile(n.asText().substring(3)), true));
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "trade lexicon: " + where + ": bad pattern " + n.asText(), e);
        }
        continue;
      }
      String phrase = normalise(n.asText());
      if (phrase.isBlank()) {
        throw new IllegalArgumentException("trade lexicon: " + where + ": empty phrase");
      }
      boolean latin = phrase.chars().allMatch(ch -> ch < 0x2E80);
      Pattern p =
          latin ? Pattern.compile("(?<![a-z0-9])" + Pattern.quote(phrase) + "(?![a-z0-9])") : null;
      out.add(new Term(phrase, p, false));
    }
    return List.copyOf(out);
  }

  /**
   * NFKC (full-width to half-width), lower case, invisible format characters (zero-width spaces and
   * joiners, variation selectors) dropped, traditional characters of the lexicon's words folded to
   * their simplified form ({@code fold-traditional.txt}), whitespace runs as one space.
   */
  static String normalise(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(n.length());
    n.codePoints()
        .forEach(
            cp -> {
              if (Character.getType(cp) == Character.FORMAT
                  || (cp >= 0xFE00 && cp <= 0xFE0F)
                  || (cp >= 0xE0100 && cp <= 0xE01EF)) {
                return;
              }
              b.appendCodePoint(cp < 0x10000 ? FOLD.getOrDefault((char) cp, (char) cp) : cp);
            });
    return WHITESPACE.matcher(b).replaceAll(" ").strip();
  }

  /**
   * The normalised text as a seller's evasions are undone: any run of spaces, punctuation, symbols
   * or emoji between two Chinese characters removed ("偷.拍", "🔥纽🔥扣" → "偷拍", "纽扣"), and in a Latin
   * word that also has letters the digits and signs that stand for letters read as those letters
   * ("h1dden c4m" → "hidden cam"). Phrases are matched on both texts.
   */
  static String compact(String normalised) {
    String t = BETWEEN_HAN.matcher(normalised).replaceAll("");
    t = joinSpelledOut(t);
    Matcher m = LEET_WORD.matcher(t);
    StringBuilder b = new StringBuilder(t.length());
    while (m.find()) {
      String w = m.group();
      if (w.chars().anyMatch(ch -> ch >= 'a' && ch <= 'z')) {
        StringBuilder d = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
          int k = LEET_FROM.indexOf(w.charAt(i));
          d.append(k < 0 ? w.charAt(i) : LEET_TO.charAt(k));
        }
        w = d.toString();
      }
      m.appendReplacement(b, Matcher.quoteReplacement(w));
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * Single Latin letters spelled out with a dot, hyphen, underscore, asterisk or middle dot between
   * each ("s.p.y", "g-h-b", "c*a*m") joined into one word ("spy", "ghb", "cam").
   */
  private static String joinSpelledOut(String t) {
    Matcher m = SPELLED_OUT.matcher(t);
    StringBuilder b = new StringBuilder(t.length());
    while (m.find()) {
      m.appendReplacement(
          b, Matcher.quoteReplacement(SPELL_SEPARATOR.matcher(m.group()).replaceAll("")));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static final Pattern SPELLED_OUT =
      Pattern.compile("(?<![\\p{L}\\p{N}])[a-z](?:[-.\\u00b7_*][a-z])+(?![\\p{L}\\p{N}])");
  private static final Pattern SPELL_SEPARATOR = Pattern.compile("[-.\\u00b7_*]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern BETWEEN_HAN =
      Pattern.compile("(?<=\\p{IsHan})[^\\p{L}\\p{N}]+(?=\\p{IsHan})");
  private static final Pattern LEET_WORD = Pattern.compile("[a-z0-9@$]*[a-z][a-z0-9@$]*");
  private static final String LEET_FROM = "013457@$";
  private static final String LEET_TO = "oieastas";
  private static final Map<Character, Character> FOLD = loadFold();
  // after the patterns and the fold table: loading the lexicon normalises its phrases
  private static final TradeLexicon BUILT_IN = load();

  private static Map<Character, Character> loadFold() {
    try (InputStream in = TradeLexicon.class.getResourceAsStream("fold-traditional.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource fold-traditional.txt");
      }
      Map<Character, Character> out = new java.util.HashMap<>();
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        for (String pair : line.trim().split("\\s+")) {
          if (pair.length() == 2) {
            out.put(pair.charAt(0), pair.charAt(1));
          } else if (!pair.isEmpty()) {
            throw new IllegalStateException("fold-traditional.txt: bad pair " + pair);
          }
        }
      }
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read fold-traditional.txt", e);
    }
  }

  /** The lexicon's version string. */
  public String version() {
    return version;
  }

  /** The category codes, in the file's order. */
  public List<String> categories() {
    List<String> codes = new ArrayList<>(categories.keySet());
    codes.sort(null);
    return codes;
  }

  /** A category's label in Chinese ({@code zh}) or English. */
  public String label(String category, String language) {
    Category c = categories.get(category);
    if (c == null) {
      return category;
    }
    return "zh".equals(language) ? c.zh() : c.en();
  }

  /**
   * The categories a post's text advertises, each with the phrases that matched; empty for an
   * ordinary post. Ordered by category code.
   *
   * @param text the post's text (may be empty)
   */
  public List<Detection> detect(String text) {
    return read(text).detections();
  }

  /**
   * What the lexicon sees in a text, in one pass: its detections ({@link #detect}), whether it
   * carries a commercial signal (a {@code commerce} phrase or pattern: a price, a contact, 私聊, DM
   * me…) whatever its topic, and cues for the classifier, in category order: {@code topic:CODE}
   * when the text names a category's topic, {@code unless:CODE} when it holds one of the category's
   * exclusions (a warning, news, an anti-spy product…).
   */
  record Reading(List<Detection> detections, boolean commerce, Set<String> cues) {}

  /** Reads a text once, for {@link #detect} and for the classifier's features. */
  Reading read(String text) {
    if (text == null || text.isBlank()) {
      return new Reading(List.of(), false, Set.of());
    }
    String n = normalise(text);
    Texts t = new Texts(n, compact(n));
    List<String> signal = commercialSignal(t);
    List<Detection> out = new ArrayList<>();
    Set<String> cues = new LinkedHashSet<>();
    for (String code : categories()) {
      Category c = categories.get(code);
      Set<String> topic = topic(c, t);
      boolean unless = c.unless().stream().anyMatch(term -> term.in(t));
      if (!topic.isEmpty()) {
        cues.add("topic:" + code);
      }
      if (unless) {
        cues.add("unless:" + code);
      }
      if (!signal.isEmpty() && !unless && !topic.isEmpty()) {
        List<String> phrases = new ArrayList<>(topic);
        phrases.addAll(signal);
        out.add(new Detection(code, phrases));
      }
    }
    return new Reading(List.copyOf(out), !signal.isEmpty(), Collections.unmodifiableSet(cues));
  }

  /**
   * The topic phrases of a category a text names: its {@code any}, else one of each all_of list.
   */
  private static Set<String> topic(Category c, Texts t) {
    Set<String> topic = new LinkedHashSet<>();
    for (Term term : c.any()) {
      String hit = term.match(t);
      if (hit != null) {
        topic.add(hit);
      }
    }
    if (topic.isEmpty() && !c.allOf().isEmpty()) {
      Set<String> combo = new LinkedHashSet<>();
      for (List<Term> list : c.allOf()) {
        String hit = null;
        for (Term term : list) {
          hit = term.match(t);
          if (hit != null) {
            break;
          }
        }
        if (hit == null) {
          return topic;
        }
        combo.add(hit);
      }
      topic.addAll(combo);
    }
    return topic;
  }

  private List<String> commercialSignal(Texts t) {
    Set<String> out = new LinkedHashSet<>();
    for (Term term : commerce) {
      String hit = term.match(t);
      if (hit != null) {
        out.add(hit);
      }
    }
    for (Pattern p : commercePatterns) {
      Matcher m = p.matcher(t.normalised());
      if (m.find()) {
        out.add(m.group());
      } else if (!t.compact().equals(t.normalised())) {
        Matcher c = p.matcher(t.compact());
        if (c.find()) {
          out.add(c.group());
        }
      }
    }
    return new ArrayList<>(out);
  }
}
