package org.redress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.cases.CasesException;
import org.redress.cases.HashValue;
import org.redress.cases.MatchJson;
import org.redress.match.Match;
import org.redress.match.MatchResult;
import org.redress.match.Matcher;
import org.redress.match.Query;
import org.redress.match.VpdqRule;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import org.redress.media.MediaKind;
import org.redress.phash.Dihedral;
import org.redress.phash.PdqResult;
import org.redress.screenshots.RegionSearch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code redress match}: matches files (hashed locally) or given hashes against the banks. Exit
 * codes as grep: 0 when something matched, 1 when nothing did, 2 on a usage error or when an input
 * could not be read and nothing matched. With {@code --dihedral}, images are also matched mirrored
 * and rotated ({@link Matcher#matchDihedral}) and each match names its transform.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Match files (hashed locally) or hashes against banks.",
      "Prints one line per match: path, bank, item, signal, distance, query %%, compared %%,"
          + " label (tab-separated; '-' where not applicable); with --dihedral, a ninth"
          + " column: the transform that matched.",
      "Exit status: 0 something matched, 1 nothing matched, 2 usage error or an unreadable"
          + " input with no match."
    })
public final class MatchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin WorkspaceOption workspace;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--bank",
      paramLabel = "NAME",
      description = "Match only these banks (repeatable; default: all).")
  List<String> banks = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object per input.")
  boolean json;

  @Option(
      names = "--hash",
      paramLabel = "HASH",
      description = "Match a hash computed elsewhere (pdq:HEX[,Q], md5:HEX, sha256:HEX, vpdq:...).")
  List<String> hashes = new ArrayList<>();

  @Option(
      names = "--query-percent",
      paramLabel = "P",
      description =
          "vPDQ: share of the query's frames that must match (default: ${DEFAULT-VALUE}).")
  double queryPercent = VpdqRule.DEFAULT_QUERY_PERCENT;

  @Option(
      names = "--compared-percent",
      paramLabel = "P",
      description =
          "vPDQ: share of the bank video's frames that must match (default: ${DEFAULT-VALUE}).")
  double comparedPercent = VpdqRule.DEFAULT_COMPARED_PERCENT;

  @Option(
      names = "--no-screenshots",
      description =
          "Do not search images that match nothing for picture regions (screenshots);"
              + " by default each matching region is printed as PATH#region=x,y,w,h.")
  boolean noScreenshots;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Image or video files, or directories (recursed).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--dihedral",
      description = {
        "Also match each image mirrored and rotated (PDQ of all 8 dihedral variants"
            + " from one DCT); every match names its transform (orig, rot90, rot180, rot270, flipx,"
            + " flipy, flipplus1, flipminus1; '-' for a video, which is matched only as it is).",
        "Files only: not with --hash."
      })
  boolean dihedral;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Hashing threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() {
    if (paths.isEmpty() && hashes.isEmpty()) {
      throw new ExitCodes.UsageException(Msg.get("match", "need.input"));
    }
    if (dihedral && !hashes.isEmpty()) {
      throw new ExitCodes.UsageException(Msg.get("match", "dihedral.hash", hashes.get(0)));
    }
    List<Query> hashQueries = new ArrayList<>();
    for (String h : hashes) {
      hashQueries.add(query(Workspaces.parseTagged(h)));
    }
    List<String> warnings = new ArrayList<>();
    Matcher matcher;
    try {
      matcher =
          Workspaces.open(workspace)
              .banks()
              .matcher(banks, Today.instant(), queryPercent, comparedPercent, warnings);
    } catch (CasesException | IllegalArgumentException e) {
      // As grep: 1 means "no match", so an unknown bank or an unusable database exits 2.
      throw new ExitCodes.UsageException(ExitCodes.message(e));
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String w : warnings) {
      err.println(Msg.warningPrefix() + Console.inert(Reasons.say(w, "match", "general.warning")));
    }
    if (matcher.banks().isEmpty()) {
      err.println(Msg.warningPrefix() + Msg.get("match", "no.banks"));
    }
    boolean matched = false;
    boolean unreadable = false;
    for (int i = 0; i < hashes.size(); i++) {
      matched |= emit(hashes.get(i), matcher.match(hashQueries.get(i)));
    }
    FileWalker.Result inputs = FileWalker.collect(paths);
    for (String problem : inputs.problems()) {
      unreadable = true;
      err.println(Msg.prefix() + Console.inert(problem));
    }
    boolean[] state = {matched, unreadable};
    // Hashing, matching and the screenshot search run on the workers; only printing is serial.
    ParallelHashing.forEachInOrder(
        inputs.files(),
        MediaHasher.builder().dihedral(dihedral).build(),
        threads == null ? ParallelHashing.defaultThreads() : threads,
        Progress.forFiles(inputs.files().size()),
        o -> matchOne(o, matcher),
        m -> {
          ParallelHashing.Outcome o = m.outcome();
          if (o.failed()) {
            state[1] = true;
            err.println(
                Msg.prefix()
                    + Console.inert(o.path())
                    + Msg.get("files", "sep")
                    + Console.inert(ParallelHashing.said(o.error())));
            if (json) {
              ObjectNode e = JsonNodeFactory.instance.objectNode();
              e.put("path", o.path().toString());
              e.put("error", o.error());
              print(e);
            }
            return;
          }
          boolean hit = emit(o.path().toString(), m.whole());
          for (RegionMatch r : m.regions()) {
            hit |= emit(o.path() + "#region=" + r.region(), r.result());
          }
          state[0] |= hit;
        });
    matched = state[0];
    unreadable = state[1];
    spec.commandLine().getOut().flush();
    return matched ? 0 : unreadable ? 2 : 1;
  }

  /** A file's outcome, what matched it as a whole and, when nothing did, its matching regions. */
  private record FileMatch(
      ParallelHashing.Outcome outcome, MatchResult whole, List<RegionMatch> regions) {}

  /** A picture region of a screenshot ({@code x,y,w,h}) and what matched it. */
  private record RegionMatch(String region, MatchResult result) {}

  /** On a worker thread: matches one hashed file, then its picture regions if nothing matched. */
  private FileMatch matchOne(ParallelHashing.Outcome o, Matcher matcher) {
    if (o.failed()) {
      return new FileMatch(o, null, List.of());
    }
    MediaHash h = o.hash();
    Query q = new Query(h.pdq(), h.vpdq(), h.md5(), h.sha256());
    // Only images have dihedral variants; a video is matched as it is.
    MatchResult r =
        h.dihedral() != null ? matcher.matchDihedral(q, h.dihedral()) : matcher.match(q);
    List<RegionMatch> regions =
        r.matches().isEmpty() && !noScreenshots && h.kind() == MediaKind.IMAGE
            ? regionMatches(o.path(), matcher)
            : List.of();
    return new FileMatch(o, r, regions);
  }

  /**
   * The picture regions of an image that matched nothing as a whole (a screenshot) that match a
   * bank item not already matched by an earlier region; each is printed as {@code
   * PATH#region=x,y,w,h}.
   */
  private static List<RegionMatch> regionMatches(Path file, Matcher matcher) {
    return RegionSearch.fresh(file, MediaHasher.DEFAULT_MAX_PIXELS, matcher).stream()
        .map(f -> new RegionMatch(f.region().toString(), f.result()))
        .toList();
  }

  private static Query query(HashValue v) {
    switch (v.signal()) {
      case PDQ:
        return Query.ofPdq(new PdqResult(v.pdq(), v.quality() == null ? 100 : v.quality()));
      case VPDQ:
        return Query.ofVpdq(v.frames());
      case MD5:
        return new Query(null, null, v.value(), null);
      default:
        return new Query(null, null, null, v.value());
    }
  }

  private boolean emit(String input, MatchResult r) {
    PrintWriter err = spec.commandLine().getErr();
    for (String w : r.warnings()) {
      err.println(
          Msg.warningPrefix()
              + Msg.get(
                  "match",
                  "input.warning",
                  Console.inert(input),
                  Console.inert(Reasons.say(w, "match", "general.warning"))));
    }
    for (MatchResult.Suppressed s : r.suppressed()) {
      err.println(
          Msg.prefix()
              + Msg.get(
                  "match",
                  "suppressed",
                  Console.inert(input),
                  s.match().item(),
                  Console.inert(s.match().label()),
                  s.match().bank(),
                  dihedral ? Msg.get("match", "transform", transform(s.match())) : "",
                  s.allowId(),
                  Console.inert(s.allowLabel())));
    }
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("path", input);
      ArrayNode ms = o.putArray("matches");
      for (Match m : r.matches()) {
        ms.add(MatchJson.of(m));
      }
      ArrayNode sup = o.putArray("suppressed");
      for (MatchResult.Suppressed s : r.suppressed()) {
        ObjectNode so = MatchJson.of(s.match());
        so.put("allow_id", s.allowId());
        so.put("allow_label", s.allowLabel());
        sup.add(so);
      }
      ArrayNode ws = o.putArray("warnings");
      r.warnings().forEach(ws::add);
      print(o);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      for (Match m : r.matches()) {
        out.printf(
            Locale.ROOT,
            "%s\t%s\t%d\t%s\t%d\t%s\t%s\t%s%s%n",
            Console.inert(input),
            m.bank(),
            m.item(),
            m.signal().id(),
            m.distance(),
            pct(m.queryPercent()),
            pct(m.comparedPercent()),
            Console.inert(m.label()),
            dihedral ? "\t" + transform(m) : "");
      }
    }
    return !r.matches().isEmpty();
  }

  /** The transform's reference name, or {@code -} when none was tried (a video). */
  private static String transform(Match m) {
    Dihedral t = m.transform();
    return t == null ? "-" : t.referenceName();
  }

  private void print(ObjectNode o) {
    try {
      spec.commandLine().getOut().println(JSON.writeValueAsString(o));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("failed to write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
