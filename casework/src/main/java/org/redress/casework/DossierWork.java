package org.redress.casework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.documents.JointInputs;
import org.redress.documents.JointPapers;
import org.redress.documents.Lang;
import org.redress.dossier.CaseInput;
import org.redress.dossier.Dossier;
import org.redress.dossier.Dossiers;
import org.redress.dossier.Joins;
import org.redress.dossier.PerpetratorIndex;
import org.redress.dossier.Sightings;
import org.redress.dossier.SightingsFile;
import org.redress.dossier.Target;
import org.redress.dossier.TradeSighting;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.Item;
import org.redress.evidence.JointPackage;
import org.redress.evidence.Metadata;
import org.redress.law.Assessment;
import org.redress.law.CaseFacts;
import org.redress.law.Finding;
import org.redress.report.ReportException;
import org.redress.report.ReportJson;
import org.redress.report.SpreadReport;

/**
 * Cross-case dossiers over the workspace's cases (issue 19): reads the finished scans of every case
 * whose victim consents to dossiers (and nothing of the others), builds the dossier with the
 * pseudonyms this dossier gave before, assesses the aggregate as the perpetrator's facts and says
 * which thresholds only the aggregate crosses. Who built which dossier goes to the audit log.
 */
public final class DossierWork {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Casework cw;

  DossierWork(Casework cw) {
    this.cw = cw;
  }

  /**
   * A dossier, the assessment of its aggregate (null when nothing dated was counted), and the
   * findings only the aggregate reaches.
   *
   * @param perpetratorFacts the aggregate as a {@code redress/case-facts@1} text
   * @param onlyTogether aggregate findings (provision and tier) that no single victim's share
   *     reaches
   */
  public record Result(
      Dossier dossier,
      String perpetratorFacts,
      Assessment aggregate,
      List<Finding> onlyTogether,
      Map<String, Assessment> byVictim) {}

  /**
   * Builds the dossier of {@code target} as {@code user}.
   *
   * @throws CaseworkException when a stored report is damaged
   */
  public Result build(Target target) throws CaseworkException {
    return build(target, 0);
  }

  /**
   * Builds the dossier of {@code target} with its list of posts starting at post {@code postsFrom}
   * (to page through every post behind the total; see {@link Dossiers#build(Target, List, Map, int,
   * long)}).
   *
   * @throws CaseworkException when a stored report is damaged
   */
  public Result build(Target target, long postsFrom) throws CaseworkException {
    return build(target, postsFrom, Dossier.LISTED);
  }

  /**
   * Builds the dossier of {@code target} with every list holding at most {@code listed} references;
   * {@link Dossier#ALL} for the complete JSON, where every number traces to its messages.
   *
   * @throws CaseworkException when a stored report is damaged
   */
  public Result build(Target target, long postsFrom, int listed) throws CaseworkException {
    List<CaseInput> inputs = inputs();
    Path names = pseudonymFile(target);
    Dossiers.Built built =
        Dossiers.build(
            target, inputs, readNames(names), Dossiers.DEFAULT_PDQ_RADIUS, postsFrom, listed);
    writeNames(names, built.pseudonyms());
    Dossier d = built.dossier();

    LocalDate today = cw.today();
    String facts = facts(d.totals(), today);
    if (d.totals().firstSeen() == null) {
      // Nothing dated was counted: no conduct to assess, so no finding either.
      cw.workspace()
          .accounts()
          .audit(cw.user(), "dossier.build", "", target.key() + " victims=" + d.victims().size());
      return new Result(d, facts, null, List.of(), Map.of());
    }
    Assessment aggregate = assess(facts, today);
    Map<String, Assessment> byVictim = byVictim(d, today);
    List<Finding> only = onlyTogether(aggregate, byVictim.values());
    cw.workspace()
        .accounts()
        .audit(cw.user(), "dossier.build", "", target.key() + " victims=" + d.victims().size());
    return new Result(d, facts, aggregate, only, byVictim);
  }

  /**
   * Each victim's share assessed alone (victims with no file left out), in the dossier's order. The
   * law gives equal facts equal findings, so shares with the same facts (the same counts) are
   * assessed once; the distinct ones on every core.
   */
  private Map<String, Assessment> byVictim(Dossier d, LocalDate today) throws CaseworkException {
    Map<String, String> factsOf = new LinkedHashMap<>();
    Map<String, Integer> distinct = new LinkedHashMap<>();
    for (Dossier.Victim v : d.victims()) {
      if (v.files() > 0) {
        String f = victimFacts(v, d, today);
        factsOf.put(v.pseudonym(), f);
        distinct.putIfAbsent(f, distinct.size());
      }
    }
    List<String> texts = new ArrayList<>(distinct.keySet());
    Assessment[] assessed = new Assessment[texts.size()];
    Exception[] failed = new Exception[texts.size()];
    java.util.stream.IntStream.range(0, texts.size())
        .parallel()
        .forEach(
            i -> {
              try {
                assessed[i] = assess(texts.get(i), today);
              } catch (CaseworkException | RuntimeException e) {
                failed[i] = e;
              }
            });
    for (Exception e : failed) {
      if (e instanceof CaseworkException c) {
        throw c;
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
    }
    Map<String, Assessment> out = new LinkedHashMap<>();
    factsOf.forEach((victim, f) -> out.put(victim, assessed[distinct.get(f)]));
    return out;
  }

  /**
   * Dossiers built before, for a front end that shows the same dossier again and again (the
   * workspace page): a dossier is built again only when something it depends on changed (see {@link
   * #stamp}); a withdrawn consent or a new scan is effective at the next view. Holds at most {@code
   * size} dossiers, each with its listed posts only (memory bounded); thread-safe.
   */
  public static final class Cache {
    private final int size;
    private final Map<String, Result> results;

    /** A cache of at most {@code size} dossiers. */
    public Cache(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("size must be >= 1, was " + size);
      }
      this.size = size;
      this.results = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The dossier cached under {@code key}, or null. */
    private synchronized Result get(String key) {
      return results.get(key);
    }

    private synchronized void put(String key, Result r) {
      results.put(key, r);
      while (results.size() > size) {
        results.remove(results.keySet().iterator().next());
      }
    }
  }

  /**
   * The dossier of {@code target} with its posts from {@code postsFrom} (see {@link #build(Target,
   * long)}), from {@code cache} when nothing it depends on changed since it was built there. A view
   * from the cache is audited as a build is.
   *
   * @throws CaseworkException when a stored report is damaged
   */
  public Result build(Target target, long postsFrom, Cache cache) throws CaseworkException {
    String key = target.key() + "\n" + postsFrom + "\n" + stamp();
    Result r = cache.get(key);
    if (r != null) {
      audit(target, r.dossier());
      return r;
    }
    r = build(target, postsFrom);
    // Stamped after the build too: what changed while it ran is not cached under the old stamp.
    if (key.equals(target.key() + "\n" + postsFrom + "\n" + stamp())) {
      cache.put(key, r);
    }
    return r;
  }

  /**
   * What every dossier of the workspace depends on, cheaply (no report is read): today's date (the
   * law is applied as of today), each case's consent to dossiers (its version and answer) and, for
   * a consenting case, each finished scan's report by size, time and file key.
   *
   * @throws CaseworkException when the cases cannot be listed
   */
  public String stamp() throws CaseworkException {
    Cases cases = cw.cases();
    StringBuilder b = new StringBuilder(cw.today().toString());
    for (Cases.CaseInfo c : cases.list()) {
      Optional<Cases.Consent> k = cases.consentNowOf(c.id(), Cases.DOSSIERS);
      b.append('\n').append(c.id()).append(' ');
      if (k.isEmpty()) {
        b.append('-');
        continue;
      }
      b.append(k.get().version()).append(k.get().granted() ? " yes" : " no");
      if (k.get().granted()) {
        for (Path p : cases.reportsOf(c.id())) {
          b.append(' ').append(p.getParent().getFileName()).append('=').append(key(p));
        }
      }
    }
    return b.toString();
  }

  private void audit(Target target, Dossier d) {
    cw.workspace()
        .accounts()
        .audit(cw.user(), "dossier.build", "", target.key() + " victims=" + d.victims().size());
  }

  /**
   * The aggregate's findings with a tier (a threshold reached) that no victim's own share reaches
   * at the same tier for the same provision.
   */
  static List<Finding> onlyTogether(
      Assessment aggregate, java.util.Collection<Assessment> victims) {
    List<Finding> only = new ArrayList<>();
    for (Finding f : aggregate.findings().findings()) {
      if (f.tier() == null || f.status().equals("not_applicable")) {
        continue;
      }
      boolean alone = false;
      for (Assessment a : victims) {
        Optional<Finding> mine = a.findings().finding(f.provision());
        if (mine.isPresent()
            && f.tier().equals(mine.get().tier())
            && !mine.get().status().equals("not_applicable")) {
          alone = true;
          break;
        }
      }
      if (!alone) {
        only.add(f);
      }
    }
    return only;
  }

  /** Every case, read only when its victim consented to dossiers. */
  private List<CaseInput> inputs() throws CaseworkException {
    Cases cases = cw.cases();
    List<Cases.CaseInfo> all = cases.list();
    CaseInput[] inputs = new CaseInput[all.size()];
    List<Integer> toRead = new ArrayList<>();
    List<CaseInput.Consent> consents = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Cases.CaseInfo c = all.get(i);
      Optional<Cases.Consent> consent = cases.consentNowOf(c.id(), Cases.DOSSIERS);
      CaseInput.Consent k =
          consent
              .map(
                  x ->
                      new CaseInput.Consent(
                          x.granted(), x.at().atZone(cw.zone()).toLocalDate(), Cases.DOSSIERS))
              .orElse(null);
      if (k == null || !k.dossiers()) {
        inputs[i] = new CaseInput(c.id(), k, List.of(), List.of(), Map.of());
        continue;
      }
      toRead.add(i);
      consents.add(k);
    }
    CaseInput[] read = readAll(all, toRead, consents);
    for (int j = 0; j < toRead.size(); j++) {
      inputs[toRead.get(j)] = read[j];
    }
    return List.of(inputs);
  }

  /**
   * Reads the cases {@code toRead} (indices into {@code all}) on every core: a case's reports are
   * read and turned into sightings apart from the others'. The first failure in case order is
   * thrown, as a single-threaded read would have thrown it.
   */
  private CaseInput[] readAll(
      List<Cases.CaseInfo> all, List<Integer> toRead, List<CaseInput.Consent> consents)
      throws CaseworkException {
    CaseInput[] out = new CaseInput[toRead.size()];
    Exception[] failed = new Exception[toRead.size()];
    // The workspace database was asked on the caller's thread (the cases were listed): here only
    // each case's folder is read, a case apart from the others, on every core.
    Cases cases = cw.cases();
    java.util.stream.IntStream.range(0, toRead.size())
        .parallel()
        .forEach(
            j -> {
              try {
                String id = all.get(toRead.get(j)).id();
                out[j] = read(id, consents.get(j), cases.reportsOf(id));
              } catch (CaseworkException | RuntimeException e) {
                failed[j] = e;
              }
            });
    for (Exception e : failed) {
      if (e instanceof CaseworkException c) {
        throw c;
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
    }
    return out;
  }

  /** The joint package's file name, beside the joint papers. */
  public static final String PACKAGE = "joint-evidence.zip";

  /**
   * The joint papers of a dossier and the package they refer to.
   *
   * @param result the dossier they were made from
   * @param files the papers written
   * @param pkg the joint evidence package, or null when no case had sealed evidence for it
   * @param parts the package's parts, one per victim with evidence
   * @param evidenceItems how many sealed items the papers list
   */
  public record Papers(
      Result result,
      List<Path> files,
      Path pkg,
      List<JointPackage.Written> parts,
      int evidenceItems) {}

  /**
   * Builds the dossier of {@code target} and writes into {@code out} (created 0700; must not hold
   * earlier papers) the joint police report and the joint evidence list in {@code langs}, DOCX and
   * PDF, and the joint evidence package {@value #PACKAGE}: each victim's items are the items of her
   * case's sealed evidence whose SHA-256 and post are among the sightings the dossier counted for
   * her. Victims appear by pseudonym only.
   *
   * @throws CaseworkException when a stored report is damaged or {@code out} holds a package
   * @throws EvidenceException when the locker cannot list or export the items
   */
  public Papers papers(
      Target target, EvidenceStore store, Path out, List<Lang> langs, String generator)
      throws CaseworkException, EvidenceException {
    Path pkg = out.resolve(PACKAGE);
    if (Files.exists(pkg)) {
      throw new CaseworkException(pkg + " exists already: give an empty folder");
    }
    Result r = build(target);
    Dossier d = r.dossier();
    List<JointInputs.Evidence> evidence = new ArrayList<>();
    List<JointPackage.Part> parts = new ArrayList<>();
    List<CaseInput> cases = inputs();
    Joins joins = Joins.of(target, cases);
    for (Dossier.Victim v : d.victims()) {
      CaseInput in =
          cases.stream()
              .filter(x -> x.caseId().equals(v.caseId()) && x.counted())
              .findFirst()
              .orElse(null);
      if (in == null) {
        continue; // withdrawn between the build and now: she contributes nothing
      }
      java.util.Set<String> counted = new java.util.HashSet<>();
      for (org.redress.dossier.Sighting s : Dossiers.counted(target, in, joins)) {
        counted.add(s.sha256() + "|" + s.locator());
      }
      List<Long> ids = new ArrayList<>();
      if (store.cases().contains(v.caseId()) && !store.isShredded(v.caseId())) {
        for (Item it : store.list(v.caseId())) {
          Metadata md = it.metadata();
          if (md == null) {
            continue;
          }
          String locator = md.sourceKind() + ":" + md.sourceValue();
          if (counted.contains(it.sha256() + "|" + locator)) {
            ids.add(it.id());
            evidence.add(
                new JointInputs.Evidence(
                    v.pseudonym(), it.id(), it.sha256(), locator, md.capturedAt()));
          }
        }
      }
      if (!ids.isEmpty()) {
        parts.add(new JointPackage.Part(v.pseudonym(), v.caseId(), ids));
      }
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new CaseworkException("failed to create " + out + ": " + e.getMessage(), e);
    }
    List<JointPackage.Written> written =
        parts.isEmpty() ? List.of() : JointPackage.write(store, parts, pkg);
    JointInputs inputs =
        jointInputs(target, r, evidence, written.isEmpty() ? "" : PACKAGE, written);
    List<Path> files = new JointPapers(cw.today(), generator, w -> {}).write(inputs, langs, out);
    cw.workspace()
        .accounts()
        .audit(
            cw.user(),
            "dossier.papers",
            "",
            target.key() + " victims=" + d.victims().size() + " items=" + evidence.size());
    return new Papers(r, files, written.isEmpty() ? null : pkg, written, evidence.size());
  }

  /** What the joint papers show: pseudonyms, totals, references; never a case id. */
  static JointInputs jointInputs(
      Target target,
      Result r,
      List<JointInputs.Evidence> evidence,
      String packageFile,
      List<JointPackage.Written> parts) {
    Dossier d = r.dossier();
    JointInputs.Target t;
    if (target instanceof Target.Chat c) {
      String name =
          d.chats().stream()
              .filter(x -> x.chatId() == c.id())
              .map(Dossier.ChatSeen::name)
              .findFirst()
              .orElse("");
      t = new JointInputs.Target("chat", Long.toString(c.id()), name);
    } else if (target instanceof Target.Sender s) {
      String name =
          d.accounts().stream()
              .filter(x -> x.id().equals(s.id()))
              .map(Dossier.AccountSeen::name)
              .findFirst()
              .orElse("");
      t = new JointInputs.Target("sender", s.id(), name);
    } else {
      t = new JointInputs.Target("contact", ((Target.Contact) target).contact(), "");
    }
    Dossier.Totals x = d.totals();
    JointInputs.Totals totals =
        new JointInputs.Totals(
            x.posts(),
            x.distinctFiles(),
            x.distinctSha256(),
            x.images(),
            x.videos(),
            x.victims(),
            x.chats(),
            x.senders(),
            x.tradePosts(),
            x.firstSeen(),
            x.lastSeen(),
            x.maxMembers());
    List<JointInputs.Victim> victims =
        d.victims().stream()
            .map(
                v ->
                    new JointInputs.Victim(
                        v.pseudonym(), v.posts(), v.files(), v.images(), v.videos()))
            .toList();
    List<JointInputs.Post> posts = new ArrayList<>();
    for (Dossier.Post p : d.posts()) {
      posts.add(
          new JointInputs.Post(
              p.seenIn().isEmpty() ? "" : p.seenIn().get(0).locator(),
              p.date(),
              p.seenIn().stream().map(Dossier.Ref::victim).distinct().toList()));
    }
    List<JointInputs.FileRow> files = new ArrayList<>();
    for (Dossier.FileGroup f : d.files()) {
      files.add(
          new JointInputs.FileRow(
              f.kind(),
              f.sha256().isEmpty() ? "" : f.sha256().get(0),
              f.sha256().size(),
              f.postsTotal(),
              f.posts().isEmpty() ? "" : f.posts().get(0).locator(),
              f.victims()));
    }
    List<JointInputs.Part> ps =
        parts.stream()
            .map(
                p ->
                    new JointInputs.Part(
                        p.victim(), p.entry(), p.items(), p.sha256(), p.treeSize(), p.rootHex()))
            .toList();
    return new JointInputs(
        t,
        totals,
        victims,
        posts,
        files,
        evidence,
        packageFile,
        ps,
        r.onlyTogether(),
        Dossier.JOIN_ALL_COPIES.equals(d.pdqJoin()),
        d.pdqRadius());
  }

  /** The perpetrator index over the consenting cases. */
  public PerpetratorIndex index() throws CaseworkException {
    Cases cases = cw.cases();
    List<Cases.CaseInfo> all = cases.list();
    List<Integer> toRead = new ArrayList<>();
    List<CaseInput.Consent> consents = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (cases
          .consentNowOf(all.get(i).id(), Cases.DOSSIERS)
          .map(Cases.Consent::granted)
          .orElse(false)) {
        toRead.add(i);
        consents.add(new CaseInput.Consent(true, cw.today(), Cases.DOSSIERS));
      }
    }
    return PerpetratorIndex.of(List.of(readAll(all, toRead, consents)));
  }

  /** Beside each stored report: what dossiers read of it ({@link SightingsFile}). */
  static final String SIGHTINGS = "report.sightings";

  /**
   * What a consenting case's finished scans saw, read with the one report reader; a report read
   * before is read from the compact form kept beside it ({@value #SIGHTINGS}) while the report is
   * unchanged.
   */
  private static CaseInput read(String caseId, CaseInput.Consent consent, List<Path> reports)
      throws CaseworkException {
    List<org.redress.dossier.Sighting> sightings = new ArrayList<>();
    List<TradeSighting> trade = new ArrayList<>();
    Map<Long, Long> members = new HashMap<>();
    for (Path p : reports) {
      SightingsFile.Contents c = contents(caseId, p);
      sightings.addAll(c.sightings());
      trade.addAll(c.trade());
      c.members().forEach((chat, m) -> members.merge(chat, m, Math::max));
    }
    return new CaseInput(caseId, consent, sightings, trade, members);
  }

  /** One report's contents: from its compact form when that was made from it, else parsed. */
  private static SightingsFile.Contents contents(String caseId, Path report)
      throws CaseworkException {
    Path kept = report.resolveSibling(SIGHTINGS);
    String key = key(report);
    if (key != null && Files.isRegularFile(kept)) {
      try {
        Optional<SightingsFile.Contents> c =
            SightingsFile.decode(Files.readAllBytes(kept), key, caseId);
        if (c.isPresent()) {
          return c.get();
        }
      } catch (IOException e) {
        // Unreadable: read the report itself below (and write the form again).
      }
    }
    SpreadReport r;
    try {
      r = ReportJson.read(report);
    } catch (ReportException e) {
      throw new CaseworkException("case " + caseId + ": " + e.getMessage(), e);
    }
    SightingsFile.Contents c = contents(caseId, r);
    if (key != null) {
      keep(kept, key, c);
    }
    return c;
  }

  /** What dossiers read of a report. */
  private static SightingsFile.Contents contents(String caseId, SpreadReport r) {
    Map<Long, Long> members = new HashMap<>();
    Long m = r.facts().members();
    if (m != null && r.chats().size() == 1) {
      members.put(r.chats().get(0).chatId(), m);
    }
    return new SightingsFile.Contents(Sightings.of(caseId, r), Sightings.trade(caseId, r), members);
  }

  /**
   * Keeps the compact form of a report just stored at {@code report} beside it, so the next dossier
   * does not parse the report ({@link Cases#keepScan}). Derived data: when it cannot be written,
   * the report is parsed instead.
   */
  static void keepSightings(String caseId, Path report, SpreadReport r) {
    String key = key(report);
    if (key != null) {
      keep(report.resolveSibling(SIGHTINGS), key, contents(caseId, r));
    }
  }

  private static void keep(Path kept, String key, SightingsFile.Contents c) {
    Path tmp = null;
    try {
      byte[] data = SightingsFile.encode(key, c);
      tmp = OwnerOnly.tempFile(kept.getParent(), ".sightings", ".tmp");
      Files.write(tmp, data);
      Files.move(
          tmp,
          kept,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // Derived data only: the report is parsed again next time.
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }

  /** What names a report file's version: size, time and file key (null when it has none). */
  private static String key(Path report) {
    try {
      java.nio.file.attribute.BasicFileAttributes a =
          Files.readAttributes(report, java.nio.file.attribute.BasicFileAttributes.class);
      return a.size() + "|" + a.lastModifiedTime() + "|" + a.fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private Assessment assess(String facts, LocalDate today) throws CaseworkException {
    CaseFacts f = Casework.readFacts(facts, "dossier facts");
    return cw.assess(f, today);
  }

  /** The aggregate as the perpetrator's facts: only what the dossier counted. */
  static String facts(Dossier.Totals t, LocalDate today) {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", CaseFacts.SCHEMA);
    root.put("as_of", today.toString());
    if (t.firstSeen() != null && t.lastSeen() != null) {
      ObjectNode conduct = root.putObject("conduct");
      String first = t.firstSeen().atZone(zone).toLocalDate().toString();
      String last = t.lastSeen().atZone(zone).toLocalDate().toString();
      conduct.put("first_act", first);
      conduct.put("last_act", last);
      conduct.put("spread_first", first);
      conduct.put("spread_last", last);
    }
    if (t.victims() > 0) {
      root.putObject("victims").put("count", t.victims());
    }
    ObjectNode dist = root.putObject("distribution");
    if (t.posts() > 0) {
      dist.put("shared", true);
      dist.put("online", true);
    }
    ObjectNode counts = dist.putObject("counts");
    counts.put("images", t.images());
    counts.put("videos", t.videos());
    if (t.maxMembers() != null) {
      dist.putObject("group").put("members", t.maxMembers());
    }
    if (t.tradePosts() > 0) {
      root.putObject("trade").put("ad_posts", t.tradePosts());
    }
    return root.toPrettyString();
  }

  static String victimFacts(Dossier.Victim v, Dossier d, LocalDate today) {
    Dossier.Totals t = d.totals();
    Dossier.Totals mine =
        new Dossier.Totals(
            v.posts(),
            v.files(),
            v.files(),
            v.images(),
            v.videos(),
            v.files() > 0 ? 1 : 0,
            t.chats(),
            t.senders(),
            t.forwardSources(),
            0,
            t.firstSeen(),
            t.lastSeen(),
            t.maxMembers(),
            0);
    return facts(mine, today);
  }

  private Path pseudonymFile(Target target) {
    String safe = target.key().replaceAll("[^A-Za-z0-9_.-]", "_");
    return cw.layout().root().resolve("dossiers").resolve(safe + ".pseudonyms.json");
  }

  private static Map<String, String> readNames(Path f) {
    if (!Files.isRegularFile(f)) {
      return Map.of();
    }
    try {
      return JSON.readValue(
          Files.readString(f, StandardCharsets.UTF_8),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + f, e);
    }
  }

  private static void writeNames(Path f, Map<String, String> names) {
    try {
      Files.createDirectories(f.getParent());
      ObjectNode n = JSON.createObjectNode();
      new java.util.TreeMap<>(names).forEach(n::put);
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      Files.writeString(tmp, n.toPrettyString() + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp,
          f,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + f, e);
    }
  }
}
