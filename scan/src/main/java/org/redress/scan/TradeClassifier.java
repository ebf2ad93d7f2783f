package org.redress.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, explainable text classifier for trade posts: multinomial logistic regression over binary
 * features of the post's text as the lexicon normalises and compacts it ({@link
 * TradeLexicon#normalise}, {@link TradeLexicon#compact}: full-width and case folded, traditional
 * characters folded, separators and emoji between Chinese characters removed, leetspeak read as
 * letters, letters spelled out with dots or hyphens joined). The features are Chinese character 1-
 * to 3-grams and pairs of characters one apart, Latin words and word pairs, pairs of syllables as
 * they sound (toneless pinyin, so homophones and syllables typed in Latin letters read alike), cue
 * groups and their pairs (teaching words with covert words, a drug word with an effect word…;
 * {@code trade-cues.txt}), a token for any number, and what the lexicon sees (a commercial signal,
 * a category's topic, a warning or news exclusion, a detection).
 *
 * <p>The shipped model ({@code trade-model.tsv} in this package) is trained by {@link #train} on
 * the {@code train} and {@code dev} parts of the labelled set with the settings and seed written in
 * its header ({@code TradeModelTrainer} writes it; {@code TradeClassifierTest} checks that
 * retraining gives the same model). Training is deterministic: a fixed seed orders the examples.
 * Immutable and thread-safe.
 *
 * <p>A post is predicted to be an ad of the category with the highest probability when that is not
 * {@code none} and the probability reaches the model's threshold; the prediction names the features
 * that weighed most for it, so a case worker can see why.
 */
public final class TradeClassifier {
  /** The schema the model file declares. */
  public static final String SCHEMA = "redress/trade-model@2";

  /** The label of a post that is not a trade ad. */
  public static final String NONE = "none";

  private static final String RESOURCE = "trade-model.tsv";
  private static final Pattern TOKEN =
      Pattern.compile("\\p{IsHan}+|[\\p{L}\\p{N}&&[^\\p{IsHan}]]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /** Weights are kept and written in thousandths. */
  private static final double SCALE = 1000;

  private final Settings settings;
  private final List<String> classes;
  private final Map<String, double[]> weights;
  private final double[] bias;

  /**
   * How a model is trained and used.
   *
   * @param epochs passes over the training examples
   * @param learningRate the first step size of stochastic gradient descent (it decays per epoch)
   * @param l2 the L2 penalty on each weight
   * @param minPosts a feature is learned from when at least this many training posts have it
   * @param minWeight after training, a feature is kept when one of its weights (centred over the
   *     labels) is at least this far from zero; the others change a probability by little
   * @param seed the seed that orders the examples in each pass
   * @param threshold the probability a category needs to be predicted
   */
  public record Settings(
      int epochs,
      double learningRate,
      double l2,
      int minPosts,
      double minWeight,
      long seed,
      double threshold) {
    /** Checks the ranges. */
    public Settings {
      if (epochs < 1 || learningRate <= 0 || l2 < 0 || minPosts < 1 || minWeight < 0) {
        throw new IllegalArgumentException("bad classifier settings");
      }
      if (threshold < 0 || threshold > 1) {
        throw new IllegalArgumentException("threshold must be in 0..1, was " + threshold);
      }
    }

    /** The same settings with another threshold. */
    public Settings withThreshold(double t) {
      return new Settings(epochs, learningRate, l2, minPosts, minWeight, seed, t);
    }
  }

  /**
   * One labelled post.
   *
   * @param text the post's text
   * @param label a category code or {@link #NONE}
   */
  public record Example(String text, String label) {
    /** Checks for nulls. */
    public Example {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * The classifier's reading of a post.
   *
   * @param category the most probable label ({@link #NONE} for an ordinary post)
   * @param probability its probability, 0..1
   * @param ad whether the post is predicted to be an ad of {@code category} (not none, and at or
   *     over the threshold)
   * @param reasons the readable features that weighed most for the category (Chinese character runs
   *     or words of the post as normalised), strongest first; at most four
   */
  public record Prediction(String category, double probability, boolean ad, List<String> reasons) {
    /** Copies the list. */
    public Prediction {
      Objects.requireNonNull(category, "category");
      reasons = List.copyOf(reasons);
    }
  }

  private TradeClassifier(
      Settings settings, List<String> classes, Map<String, double[]> weights, double[] bias) {
    this.settings = settings;
    this.classes = List.copyOf(classes);
    this.weights = weights;
    this.bias = bias;
  }

  /** The model shipped with Redress. */
  public static TradeClassifier builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final TradeClassifier BUILT_IN = load();
  }

  private static TradeClassifier load() {
    try (InputStream in = TradeClassifier.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + RESOURCE, e);
    }
  }

  /** The settings the model was trained with, and its threshold. */
  public Settings settings() {
    return settings;
  }

  /** The labels, {@link #NONE} first, then the category codes in order. */
  public List<String> classes() {
    return classes;
  }

  /** The number of features with a weight. */
  public int featureCount() {
    return weights.size();
  }

  /** The same model with another threshold. */
  public TradeClassifier withThreshold(double threshold) {
    return new TradeClassifier(settings.withThreshold(threshold), classes, weights, bias);
  }

  /**
   * The features of a text, each once, in the order found: {@code k:} pairs of Chinese characters
   * one apart (so two words that differ in their middle character share a feature: "偷偷拍" and "偷着拍"
   * both give {@code k:偷拍}), {@code h:} Chinese character 1- to 3-grams, {@code w:} Latin words,
   * {@code b:} pairs of consecutive Latin words, {@code #n} for a number, {@code p:} pairs of
   * syllables as they sound, {@code g:} cue groups and pairs of them, {@code s:commerce} when the
   * lexicon sees a commercial signal, {@code s:topic:CODE} and {@code s:unless:CODE} for a
   * category's topic or exclusion, {@code s:lexicon:CODE} for a detection.
   */
  static List<String> features(String text) {
    return features(text, TradeLexicon.builtIn().read(text));
  }

  /** {@link #features(String)} with the built-in lexicon's reading of the text already made. */
  static List<String> features(String text, TradeLexicon.Reading lexicon) {
    Set<String> out = new LinkedHashSet<>();
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String compact = TradeLexicon.compact(TradeLexicon.normalise(text));
    Matcher m = TOKEN.matcher(compact);
    String prev = null;
    while (m.find()) {
      String tok = m.group();
      if (tok.codePoints()
          .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
        int[] cps = tok.codePoints().toArray();
        for (int i = 0; i + 2 < cps.length; i++) {
          out.add("k:" + new String(cps, i, 1) + new String(cps, i + 2, 1));
        }
        for (int n = 1; n <= 3; n++) {
          for (int i = 0; i + n <= cps.length; i++) {
            out.add("h:" + new String(cps, i, n));
          }
        }
        prev = null;
        continue;
      }
      if (DIGITS.matcher(tok).matches()) {
        out.add("#n");
        prev = null;
        continue;
      }
      out.add("w:" + tok);
      if (prev != null) {
        out.add("b:" + prev + "_" + tok);
      }
      prev = tok;
    }
    soundFeatures(compact, out);
    latinSoundFeatures(compact, out);
    cueFeatures(TradeLexicon.normalise(text), compact, out);
    if (lexicon.commerce()) {
      out.add("s:commerce");
    }
    lexicon.cues().forEach(cue -> out.add("s:" + cue));
    lexicon.detections().forEach(d -> out.add("s:lexicon:" + d.category()));
    return List.copyOf(out);
  }

  /**
   * Adds {@code p:} features, pairs of consecutive syllables as they sound (toneless pinyin), so
   * that a homophone or a syllable typed in Latin letters gives the same feature as the word it
   * stands for: "米药", "迷yao" and "迷药" all give {@code p:mi_yao}, "tou拍" and "偷拍" give {@code
   * p:tou_pai}. Only inside a run of text without spaces that holds at least one Chinese character;
   * a Latin part counts when it reads as whole syllables ("hanyao": han, yao).
   */
  private static void soundFeatures(String compact, Set<String> out) {
    for (String chunk : compact.split(" ")) {
      if (chunk
          .codePoints()
          .noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
        continue;
      }
      List<String> run = new ArrayList<>();
      int i = 0;
      while (i < chunk.length()) {
        int cp = chunk.codePointAt(i);
        if (cp >= 'a' && cp <= 'z') {
          int j = i;
          while (j < chunk.length() && chunk.charAt(j) >= 'a' && chunk.charAt(j) <= 'z') {
            j++;
          }
          List<String> syl = j - i > 24 ? null : Pinyin.split(chunk.substring(i, j));
          if (syl == null) {
            emitPairs(run, out);
          } else {
            run.addAll(syl);
          }
          i = j;
          continue;
        }
        String syl = cp < 0x10000 ? Pinyin.of((char) cp) : null;
        if (syl == null) {
          emitPairs(run, out);
        } else {
          run.add(syl);
        }
        i += Character.charCount(cp);
      }
      emitPairs(run, out);
    }
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * Adds {@code p:} features for Chinese typed in Latin letters only, word by word ("jiu dian tou
   * pai", "Zhēn kǒng shè xiàng tóu"): a run of at least two consecutive Latin words that each read
   * as whole toneless syllables gives the same pairs of syllables as the characters it stands for
   * ({@code p:tou_pai}). A Chinese character, a number or a word that is not pinyin ends the run.
   * Tone marks are dropped. Round 19: round 14's test part missed offers written in pinyin only.
   */
  private static void latinSoundFeatures(String compact, Set<String> out) {
    List<String> run = new ArrayList<>();
    int words = 0;
    Matcher m = TOKEN.matcher(compact);
    while (m.find()) {
      String tok =
          MARKS.matcher(Normalizer.normalize(m.group(), Normalizer.Form.NFD)).replaceAll("");
      List<String> syl =
          tok.length() > 12 || !tok.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')
              ? null
              : Pinyin.split(tok);
      if (syl == null) {
        if (words >= 2) {
          emitPairs(run, out);
        }
        run.clear();
        words = 0;
      } else {
        run.addAll(syl);
        words++;
      }
    }
    if (words >= 2) {
      emitPairs(run, out);
    }
  }

  /**
   * Adds {@code g:} features from the cue groups ({@code trade-cues.txt}): {@code g:GROUP} for each
   * group the text holds, on the normalised or the compacted text, and for each stance derived from
   * them ({@link #stances}), and {@code g:A+B} for each pair of them, in the file's order, stances
   * last.
   */
  private static void cueFeatures(String normalised, String compact, Set<String> out) {
    List<String> held = new ArrayList<>();
    Cues.GROUPS.forEach(
        (group, words) -> {
          if (words.in(normalised) || words.in(compact)) {
            held.add(group);
          }
        });
    held.addAll(stances(held));
    for (int i = 0; i < held.size(); i++) {
      out.add("g:" + held.get(i));
      for (int j = i + 1; j < held.size(); j++) {
        out.add("g:" + held.get(i) + "+" + held.get(j));
      }
    }
  }

  /**
   * Stances derived from the cue groups a post holds, crossed with them like groups: {@code offer}
   * when it holds a payment or contact word and no word of a report, a warning, a rule or a
   * question (a seller's post); {@code talk} when it holds such a word and no payment word (a post
   * about the trade, not in it); {@code bare} when it names no covert, unaware, intrusion,
   * disguise, drug-name or covert-use word (a paid course, group or product that is not the
   * trade's). So "a teaching word in an offer" and "a teaching word in an offer with nothing
   * covert" weigh apart, and a warning, a news item or a group's rules naming the trade's words
   * weighs apart from an offer naming them (round 14; docs/trade-lexicon-eval.md).
   */
  private static List<String> stances(List<String> held) {
    List<String> out = new ArrayList<>();
    boolean talk = STANCE_TALK.stream().anyMatch(held::contains);
    boolean pay = held.contains("pay");
    if (pay && !talk) {
      out.add("offer");
    }
    if (talk && !pay) {
      out.add("talk");
    }
    if (STANCE_COVERT.stream().noneMatch(held::contains)) {
      out.add("bare");
    }
    return out;
  }

  /** The cue groups of a post about the trade rather than in it. */
  private static final List<String> STANCE_TALK = List.of("warn", "news", "rule", "question");

  /** The cue groups that name the covert part of the trade. */
  private static final List<String> STANCE_COVERT =
      List.of("covert", "unaware", "intrude", "tiny", "drugname", "covertuse");

  /**
   * The words of one cue group, normalised: a word with a Latin letter matches where no Latin
   * letter comes just before it (at the start of a word), any other word anywhere. Matched with
   * {@link String#indexOf}, word by word: a regular expression of all the group's words as
   * alternatives cost several times more per post.
   */
  private record CueWords(List<String> anywhere, List<String> wordStart) {
    boolean in(String text) {
      for (String w : anywhere) {
        if (text.contains(w)) {
          return true;
        }
      }
      for (String w : wordStart) {
        for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
          char before = at == 0 ? ' ' : text.charAt(at - 1);
          if (before < 'a' || before > 'z') {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** The cue groups ({@code trade-cues.txt}); a Latin word matches at the start of a word. */
  private static final class Cues {
    static final Map<String, CueWords> GROUPS = new LinkedHashMap<>();

    static {
      try (InputStream in = TradeClassifier.class.getResourceAsStream("trade-cues.txt")) {
        if (in == null) {
          throw new IllegalStateException("missing resource trade-cues.txt");
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          }
          String[] f = line.split("\t", 2);
          List<String> anywhere = new ArrayList<>();
          List<String> wordStart = new ArrayList<>();
          for (String w : f[1].split("\\|")) {
            String n = TradeLexicon.normalise(w);
            if (n.isEmpty()) {
              continue;
            }
            (n.chars().anyMatch(ch -> ch >= 'a' && ch <= 'z') ? wordStart : anywhere).add(n);
          }
          GROUPS.put(f[0], new CueWords(List.copyOf(anywhere), List.copyOf(wordStart)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("failed to read trade-cues.txt", e);
      }
    }
  }

  private static void emitPairs(List<String> run, Set<String> out) {
    for (int k = 0; k + 1 < run.size(); k++) {
      out.add("p:" + run.get(k) + "_" + run.get(k + 1));
    }
    run.clear();
  }

  /** The toneless pinyin table ({@code pinyin.txt}): a character's syllable, and all syllables. */
  private static final class Pinyin {
    static final Map<Character, String> OF = new HashMap<>();
    static final Set<String> SYLLABLES = new LinkedHashSet<>();

    static {
      try (InputStream in = TradeClassifier.class.getResourceAsStream("pinyin.txt")) {
        if (in == null) {
          throw new IllegalStateException("missing resource pinyin.txt");
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          }
          String[] f = line.split("\t", 2);
          SYLLABLES.add(f[0]);
          for (char c : f[1].toCharArray()) {
            OF.put(c, f[0]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("failed to read pinyin.txt", e);
      }
    }

    static String of(char c) {
      return OF.get(c);
    }

    /** The Latin letters as whole syllables, longest first, or null when they are not. */
    static List<String> split(String letters) {
      if (letters.isEmpty()) {
        return new ArrayList<>();
      }
      for (int n = Math.min(6, letters.length()); n >= 1; n--) {
        if (SYLLABLES.contains(letters.substring(0, n))) {
          List<String> rest = split(letters.substring(n));
          if (rest != null) {
            rest.add(0, letters.substring(0, n));
            return rest;
          }
        }
      }
      return null;
    }
  }

  /**
   * Trains a model: softmax regression by stochastic gradient descent, one pass per epoch over the
   * examples in an order drawn from {@code settings.seed()}, the step size decaying as {@code
   * learningRate / (1 + epoch / 4)}, each post's feature vector scaled to unit length. Features
   * found in fewer than {@code minPosts} posts are dropped. The same examples and settings always
   * give the same model.
   *
   * @param categories the category codes, in order (labels other than these and none are refused)
   */
  public static TradeClassifier train(
      List<Example> examples, List<String> categories, Settings settings) {
    List<String> classes = new ArrayList<>();
    classes.add(NONE);
    classes.addAll(categories);
    Map<String, Integer> docFreq = new TreeMap<>();
    List<List<String>> feats = new ArrayList<>();
    int[] labels = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      labels[i] = classes.indexOf(e.label());
      if (labels[i] < 0) {
        throw new IllegalArgumentException("unknown label " + e.label());
      }
      List<String> f = features(e.text());
      feats.add(f);
      f.forEach(x -> docFreq.merge(x, 1, Integer::sum));
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    docFreq.forEach(
        (f, n) -> {
          if (n >= settings.minPosts()) {
            index.put(f, index.size());
          }
        });
    int k = classes.size();
    double[][] w = new double[index.size()][k];
    double[] b = new double[k];
    int[][] x = new int[examples.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = feats.get(i).stream().filter(index::containsKey).mapToInt(index::get).toArray();
    }
    int[] order = new int[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom rnd = new SplittableRandom(settings.seed());
    double[] p = new double[k];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double lr = settings.learningRate() / (1 + epoch / 4.0);
      for (int d : order) {
        int[] xs = x[d];
        double v = xs.length == 0 ? 0 : 1 / Math.sqrt(xs.length);
        scores(w, b, xs, v, p);
        softmax(p);
        for (int c = 0; c < k; c++) {
          double g = p[c] - (labels[d] == c ? 1 : 0);
          for (int f : xs) {
            w[f][c] -= lr * (g * v + settings.l2() * w[f][c]);
          }
          b[c] -= lr * g;
        }
      }
    }
    Map<String, double[]> weights = new HashMap<>();
    index.forEach(
        (f, i) -> {
          double[] q = compactWeights(w[i]);
          if (Arrays.stream(q).anyMatch(y -> Math.abs(y) >= settings.minWeight())) {
            weights.put(f, q);
          }
        });
    return new TradeClassifier(settings, classes, weights, compactWeights(b));
  }

  /**
   * A feature's weights as the model keeps them: centred over the labels (adding the same number to
   * every label's weight changes no probability) and rounded to thousandths, as written.
   */
  private static double[] compactWeights(double[] w) {
    double mean = Arrays.stream(w).average().orElse(0);
    double[] out = new double[w.length];
    for (int c = 0; c < w.length; c++) {
      out[c] = Math.round(SCALE * (w[c] - mean)) / SCALE;
    }
    return out;
  }

  private static void scores(double[][] w, double[] b, int[] xs, double v, double[] out) {
    System.arraycopy(b, 0, out, 0, b.length);
    for (int f : xs) {
      for (int c = 0; c < out.length; c++) {
        out[c] += v * w[f][c];
      }
    }
  }

  private static void softmax(double[] s) {
    double max = Arrays.stream(s).max().orElse(0);
    double sum = 0;
    for (int c = 0; c < s.length; c++) {
      s[c] = Math.exp(s[c] - max);
      sum += s[c];
    }
    for (int c = 0; c < s.length; c++) {
      s[c] /= sum;
    }
  }

  /** The probability of each label ({@link #classes()} order). */
  public double[] probabilities(String text) {
    return probabilities(features(text));
  }

  private double[] probabilities(List<String> features) {
    List<String> f = features.stream().filter(weights::containsKey).toList();
    double[] p = bias.clone();
    double v = f.isEmpty() ? 0 : 1 / Math.sqrt(f.size());
    for (String x : f) {
      double[] wx = weights.get(x);
      for (int c = 0; c < p.length; c++) {
        p[c] += v * wx[c];
      }
    }
    softmax(p);
    return p;
  }

  /** Reads a post: the most probable label, whether it is an ad, and why. */
  public Prediction predict(String text) {
    return read(text, TradeLexicon.builtIn().read(text)).prediction();
  }

  /**
   * The classifier's reading of a post, from one pass over its features: every label's probability
   * and the prediction.
   */
  record Reading(double[] probabilities, Prediction prediction) {}

  /** Reads a post whose built-in lexicon reading is already made. */
  Reading read(String text, TradeLexicon.Reading lexicon) {
    List<String> features = features(text, lexicon);
    double[] p = probabilities(features);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    boolean ad = best != 0 && p[best] >= settings.threshold();
    return new Reading(
        p,
        new Prediction(
            classes.get(best), p[best], ad, ad ? reasons(text, features, best) : List.of()));
  }

  /**
   * The readable features that pushed most toward class {@code c} against none: of the six
   * strongest, Chinese runs of two or three characters are marked where they first occur in the
   * compacted text and overlapping or touching runs joined ("偷拍教" and "拍教程", or "偷拍教" and "程从零",
   * give one run); Latin words and word pairs are given as they are, each once. At most four,
   * Chinese runs first in text order, then words.
   */
  private List<String> reasons(String text, List<String> features, int c) {
    record Push(String feature, String shown, double by) {}
    List<Push> pushes = new ArrayList<>();
    for (String f : features) {
      double[] wx = weights.get(f);
      if (wx == null) {
        continue;
      }
      double by = wx[c] - wx[0];
      String shown = readable(f);
      if (by > 0 && shown != null) {
        pushes.add(new Push(f, shown, by));
      }
    }
    pushes.sort(Comparator.comparingDouble(Push::by).reversed().thenComparing(Push::shown));
    String compact = TradeLexicon.compact(TradeLexicon.normalise(text));
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (Push push : pushes.subList(0, Math.min(6, pushes.size()))) {
      if (push.feature().startsWith("h:")) {
        int at = compact.indexOf(push.shown());
        if (at >= 0) {
          spans.add(new int[] {at, at + push.shown().length()});
        }
      } else if (words.stream().noneMatch(w -> w.contains(push.shown()))) {
        words.removeIf(w -> push.shown().contains(w));
        words.add(push.shown());
      }
    }
    spans.sort(Comparator.comparingInt((int[] x) -> x[0]).thenComparingInt(x -> x[1]));
    List<String> out = new ArrayList<>();
    int from = -1;
    int to = -1;
    for (int[] x : spans) {
      if (x[0] <= to) {
        to = Math.max(to, x[1]);
        continue;
      }
      if (from >= 0) {
        out.add(compact.substring(from, to));
      }
      from = x[0];
      to = x[1];
    }
    if (from >= 0) {
      out.add(compact.substring(from, to));
    }
    out.addAll(words);
    return out.subList(0, Math.min(4, out.size()));
  }

  private static String readable(String feature) {
    if (feature.startsWith("h:") && feature.codePointCount(2, feature.length()) >= 2) {
      return feature.substring(2);
    }
    if (feature.startsWith("w:") && feature.length() > 3) {
      return feature.substring(2);
    }
    if (feature.startsWith("b:")) {
      return feature.substring(2).replace('_', ' ');
    }
    return null;
  }

  /**
   * The model as text: a header (schema, settings), the labels, the biases, then one line per
   * feature with its weight for each label, features in name order, weights as whole thousandths.
   */
  public String write() {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(SCHEMA).append('\n');
    b.append(
        "# A trade-post classifier (org.redress.scan.TradeClassifier). Written by"
            + " TradeModelTrainer from the train and dev parts of trade-posts.tsv; do not edit.\n");
    b.append(
        String.format(
            Locale.ROOT,
            "settings\t%d\t%s\t%s\t%d\t%s\t%d\t%s%n",
            settings.epochs(),
            num(settings.learningRate()),
            num(settings.l2()),
            settings.minPosts(),
            num(settings.minWeight()),
            settings.seed(),
            num(settings.threshold())));
    b.append("classes\t").append(String.join("\t", classes)).append('\n');
    b.append("bias");
    for (double x : bias) {
      b.append('\t').append(weight(x));
    }
    b.append('\n');
    new TreeMap<>(weights)
        .forEach(
            (f, wx) -> {
              b.append(f);
              for (double x : wx) {
                b.append('\t').append(weight(x));
              }
              b.append('\n');
            });
    return b.toString();
  }

  private static String num(double x) {
    return Double.toString(x);
  }

  private static String weight(double x) {
    return Long.toString(Math.round(SCALE * x));
  }

  /**
   * Reads a model written by {@link #write()}.
   *
   * @throws IllegalArgumentException naming the line when the text is not such a model
   */
  public static TradeClassifier read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@link #read(String)} from the model's UTF-8 bytes. A weight line is read from the bytes as
   * they are and only its feature's name is decoded: decoding the whole file at once took most of
   * the load time on a busy machine (the decoder runs byte by byte, not yet compiled, once the text
   * holds a Chinese character).
   */
  static TradeClassifier read(byte[] utf8) {
    int lineNo = 0;
    int from = 0;
    Settings settings = null;
    List<String> classes = null;
    double[] bias = null;
    Map<String, double[]> weights = new HashMap<>(utf8.length / 16);
    while (from < utf8.length) {
      int to = from;
      while (to < utf8.length && utf8[to] != '\n') {
        to++;
      }
      lineNo++;
      int start = from;
      from = to + 1;
      if (lineNo == 1) {
        if (!new String(utf8, start, to - start, StandardCharsets.UTF_8).equals("# " + SCHEMA)) {
          throw new IllegalArgumentException("trade model: the first line must be # " + SCHEMA);
        }
        continue;
      }
      // a comment starts with "# "; the number feature's line starts with "#n"
      if (to == start || (to - start >= 2 && utf8[start] == '#' && utf8[start + 1] == ' ')) {
        continue;
      }
      try {
        if (classes != null) {
          double[] wx = new double[classes.size()];
          String name = weightLine(utf8, start, to, wx);
          if (name == null) {
            throw new IllegalArgumentException("trade model: line " + lineNo + ": not understood");
          }
          if (name.equals("bias")) {
            bias = wx;
          } else {
            weights.put(name, wx);
          }
          continue;
        }
        String[] f = new String(utf8, start, to - start, StandardCharsets.UTF_8).split("\t", -1);
        if (f[0].equals("settings") && f.length == 8) {
          settings =
              new Settings(
                  Integer.parseInt(f[1]),
                  Double.parseDouble(f[2]),
                  Double.parseDouble(f[3]),
                  Integer.parseInt(f[4]),
                  Double.parseDouble(f[5]),
                  Long.parseLong(f[6]),
                  Double.parseDouble(f[7]));
        } else if (f[0].equals("classes") && settings != null) {
          classes = List.of(Arrays.copyOfRange(f, 1, f.length));
        } else {
          throw new IllegalArgumentException("trade model: line " + lineNo + ": not understood");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("trade model: line " + lineNo + ": bad number", e);
      }
    }
    if (lineNo < 4) {
      throw new IllegalArgumentException("trade model: the first line must be # " + SCHEMA);
    }
    if (settings == null || classes == null || bias == null || !NONE.equals(classes.get(0))) {
      throw new IllegalArgumentException("trade model: settings, classes or bias missing");
    }
    return new TradeClassifier(settings, classes, weights, bias);
  }

  /**
   * Reads a weight line, bytes {@code from} to {@code to} (a name, then one whole number of
   * thousandths per label, tab-separated) into {@code out}; returns the name, or null when the line
   * has another number of fields.
   *
   * @throws NumberFormatException when a weight is not a whole number
   */
  private static String weightLine(byte[] b, int from, int to, double[] out) {
    int tab = from;
    while (tab < to && b[tab] != '\t') {
      tab++;
    }
    if (tab == from || tab == to) {
      return null;
    }
    int at = tab + 1;
    for (int c = 0; c < out.length; c++) {
      if (at > to) {
        return null;
      }
      boolean negative = at < to && b[at] == '-';
      int i = negative ? at + 1 : at;
      if (i >= to || b[i] == '\t') {
        throw new NumberFormatException("empty weight");
      }
      long v = 0;
      while (i < to && b[i] != '\t') {
        int d = b[i] - '0';
        if (d < 0 || d > 9 || v > Integer.MAX_VALUE) {
          throw new NumberFormatException("not a whole number");
        }
        v = 10 * v + d;
        i++;
      }
      out[c] = (negative ? -v : v) / SCALE;
      if (c == out.length - 1 && i != to) {
        return null;
      }
      at = i + 1;
    }
    return new String(b, from, tab - from, StandardCharsets.UTF_8);
  }
}
