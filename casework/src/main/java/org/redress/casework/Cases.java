package org.redress.casework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redress.cases.CaseStore;
import org.redress.cases.CasesException;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.law.CaseFacts;
import org.redress.match.BankRules;

/**
 * A case as one thing: its row in the workspace database (name, bank), its facts ({@code
 * redress/case-facts@1}) and parties, each versioned (every change kept with its time and author,
 * earlier versions readable) and sealed with the case's key by the evidence locker, its consents
 * (versioned, withdrawable), its scans and their reports ({@code cases/ID/scans/}), its evidence
 * (the locker's case of the same id) and its documents ({@code cases/ID/documents/}). Both front
 * ends reach cases only through here.
 */
public final class Cases {
  /** The case the demo builds. */
  public static final String DEMO = "demo";

  /** Record kind of the facts. */
  public static final String FACTS = "case-facts";

  /** Record kind of the parties (names, ID numbers, addresses). */
  public static final String PARTIES = "parties";

  /** Consent scope: the case may count in cross-case dossiers (issue 19). */
  public static final String DOSSIERS = "dossiers";

  /** Folder of the cases in a workspace. */
  public static final String DIR = "cases";

  private final Casework cw;

  Cases(Casework cw) {
    this.cw = cw;
  }

  /** One case: its id (its name), when it was opened (and that day in the casework's zone). */
  public record CaseInfo(String id, Instant created, String bank, String createdDate) {}

  /** One version of a record: which, when, who, why. */
  public record RecordVersion(int version, Instant at, String author, String note) {}

  /** A consent's state for a scope: given or withdrawn, when and by whom. */
  public record Consent(String scope, int version, boolean granted, Instant at, String author) {}

  private CaseStore store() {
    return cw.workspace().cases();
  }

  private CaseInfo info(CaseStore.CaseRow r) {
    return new CaseInfo(
        r.name(),
        r.created(),
        r.bank(),
        DateTimeFormatter.ISO_LOCAL_DATE.format(r.created().atZone(cw.zone())));
  }

  /** Every case, newest first. */
  public List<CaseInfo> list() {
    return store().list().stream().map(this::info).toList();
  }

  /** The case {@code id}, if it exists (a malformed id names none). */
  public Optional<CaseInfo> get(String id) {
    return store().get(id).map(this::info);
  }

  /**
   * The case {@code id}.
   *
   * @throws CaseworkException.UnknownCase when there is none
   */
  public CaseInfo require(String id) throws CaseworkException {
    return get(id).orElseThrow(() -> new CaseworkException.UnknownCase(id));
  }

  /**
   * Opens case {@code id} with its own bank {@code case-ID} (created when missing); empty when the
   * case exists.
   *
   * @throws IllegalArgumentException for a malformed id
   */
  public Optional<CaseInfo> create(String id) {
    return create(id, "case-" + CaseStore.checkName(id));
  }

  /**
   * Opens case {@code id} over bank {@code bank} (created with the default rules when missing);
   * empty when the case exists.
   *
   * @throws IllegalArgumentException for a malformed id
   */
  public Optional<CaseInfo> create(String id, String bank) {
    Optional<CaseInfo> made = store().create(id, bank, cw.user()).map(this::info);
    if (made.isPresent()) {
      ensureBank(bank);
      try {
        OwnerOnly.dirs(dir(id));
      } catch (IOException e) {
        throw new UncheckedIOException("failed to create the folder of case " + id, e);
      }
    }
    return made;
  }

  /**
   * Registers the case folders an older workspace made without a database row ({@code
   * cases/ID/case.json}, from before cases moved into {@code casework}), over the bank named there;
   * returns their ids. Their scans stay where they are.
   *
   * @throws UncheckedIOException when the folder cannot be listed
   */
  public List<String> adoptFolders() {
    Path root = cw.layout().root().resolve(DIR);
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (var s = Files.list(root)) {
      for (Path d : (Iterable<Path>) s::iterator) {
        String id = d.getFileName().toString();
        Path f = d.resolve("case.json");
        if (CaseStore.NAME.matcher(id).matches()
            && Files.isRegularFile(f)
            && store().get(id).isEmpty()) {
          String bank;
          try {
            bank =
                Yaml.requireMapping(Files.readString(f, StandardCharsets.UTF_8), f.toString())
                    .path("bank")
                    .asText("case-" + id);
          } catch (CaseworkException e) {
            bank = "case-" + id;
          }
          if (create(id, bank.isBlank() ? "case-" + id : bank).isPresent()) {
            out.add(id);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to list the cases in " + root, e);
    }
    return out;
  }

  /** Opens a new case named by today's date and a number: {@code 20261206-1}. */
  public CaseInfo create() {
    String day = DateTimeFormatter.BASIC_ISO_DATE.format(cw.today());
    for (int n = 1; n < 10_000; n++) {
      Optional<CaseInfo> made = create(day + "-" + n);
      if (made.isPresent()) {
        return made.get();
      }
    }
    throw new IllegalStateException("more than 9999 cases opened on " + day);
  }

  /**
   * Creates bank {@code bank} with the default rules when it does not exist (a case opened by an
   * older workspace may lack its bank).
   */
  public void ensureBank(String bank) {
    var banks = cw.workspace().banks();
    if (banks.list().stream().noneMatch(b -> b.name().equals(bank))) {
      try {
        banks.create(bank, BankRules.DEFAULT_THRESHOLD, BankRules.DEFAULT_MIN_QUALITY);
      } catch (CasesException e) {
        if (banks.list().stream().noneMatch(b -> b.name().equals(bank))) {
          throw e;
        }
      }
    }
  }

  /**
   * The folder of case {@code id} in the workspace ({@code cases/ID/}).
   *
   * @throws IllegalArgumentException for a malformed id
   */
  public Path dir(String id) {
    return cw.layout().root().resolve(DIR).resolve(CaseStore.checkName(id));
  }

  // ------------------------------------------------------------------ facts and parties

  /**
   * Stores a new version of the case's facts after reading them with the strict reader every
   * command uses; sealed with the case key.
   *
   * @param source what the text came from (a file name, "interview"), kept as the version's note
   * @throws CaseworkException for invalid facts (naming {@code source}) or an unknown case
   * @throws EvidenceException when the locker cannot seal (read-only, shredded case)
   */
  public RecordVersion putFacts(String id, String text, String source, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    Facts.parse(text, source);
    return put(id, FACTS, text, source, cw.user(), locker);
  }

  /**
   * As {@link #putFacts(String, String, String, EvidenceStore)} with the version's author named
   * (the signed-in account of the workspace, or its local user).
   *
   * @throws CaseworkException for invalid facts or an unknown case
   * @throws EvidenceException when the locker cannot seal
   */
  public RecordVersion putFacts(
      String id, String text, String source, String author, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    Facts.parse(text, source);
    return put(id, FACTS, text, source, author, locker);
  }

  /**
   * As {@link #putParties(String, String, String, EvidenceStore)} with the version's author named.
   *
   * @throws CaseworkException when the text is not a mapping, or for an unknown case
   * @throws EvidenceException when the locker cannot seal
   */
  public RecordVersion putParties(
      String id, String text, String source, String author, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    Yaml.requireMapping(text, source);
    return put(id, PARTIES, text, source, author, locker);
  }

  /** The record kind of the intake interview's answers ({@code redress/interview-answers@1}). */
  public static final String INTERVIEW = "interview";

  /**
   * Stores a new version of the case's interview answers (a draft saved after each answer), sealed
   * with the case key like the facts.
   *
   * @throws CaseworkException for an unknown case
   * @throws EvidenceException when the locker cannot seal
   */
  public RecordVersion putInterview(String id, String json, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    return put(id, INTERVIEW, json, "interview", cw.user(), locker);
  }

  /**
   * The latest interview answers of the case, opened with the case key; empty when none.
   *
   * @throws CaseworkException for an unknown case
   * @throws EvidenceException when the locker cannot open them
   */
  public Optional<String> interviewText(String id, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    return latest(id, INTERVIEW, locker);
  }

  /** The note (provenance) of a facts or parties version written from an interview answer. */
  public static final String FROM_INTERVIEW = "interview";

  /**
   * Writes what her answer to {@code q} changes into the case's facts (or, for a parties question,
   * its parties) as a new sealed version with provenance {@value #FROM_INTERVIEW}; an "I don't
   * know", a skip or an unchanged value writes nothing (see {@link Interview#factsVersion}).
   *
   * @param answers her answers, the new one included
   * @param proved the facts the case's scans proved (JSON, may be empty)
   * @param author who answered (the signed-in account, or the local user)
   * @return the version written, or empty
   * @throws CaseworkException for facts the strict reader refuses, or an unknown case
   * @throws EvidenceException when the locker cannot seal or open
   */
  public Optional<RecordVersion> keepAnswer(
      String id,
      Interview interview,
      Interview.Question q,
      InterviewAnswers answers,
      String proved,
      LocalDate asOf,
      String author,
      EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    if (q.party()) {
      Optional<String> next = interview.partiesVersion(partiesText(id, locker), q, answers);
      return next.isEmpty()
          ? Optional.empty()
          : Optional.of(putParties(id, next.get(), FROM_INTERVIEW, author, locker));
    }
    Optional<String> next = interview.factsVersion(factsText(id, locker), q, answers, proved, asOf);
    return next.isEmpty()
        ? Optional.empty()
        : Optional.of(putFacts(id, next.get(), FROM_INTERVIEW, author, locker));
  }

  /**
   * Stores a new version of the case's parties (a {@code redress/parties@1} YAML or JSON mapping),
   * sealed with the case key.
   *
   * @throws CaseworkException when the text is not a mapping, or for an unknown case
   * @throws EvidenceException when the locker cannot seal
   */
  public RecordVersion putParties(String id, String text, String source, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    Yaml.requireMapping(text, source);
    return put(id, PARTIES, text, source, cw.user(), locker);
  }

  private RecordVersion put(
      String id, String kind, String text, String note, String author, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    require(id);
    byte[] sealed = locker.seal(id, kind, text.getBytes(StandardCharsets.UTF_8));
    CaseStore.Version v = store().addVersion(id, kind, sealed, author, note);
    return new RecordVersion(v.version(), v.at(), v.author(), v.note());
  }

  /**
   * The latest facts text of the case, opened with the case key; empty when none were stored.
   *
   * @throws CaseworkException for an unknown case
   * @throws EvidenceException when the locker cannot open them (shredded, altered)
   */
  public Optional<String> factsText(String id, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    return latest(id, FACTS, locker);
  }

  /**
   * The latest parties text of the case; empty when none were stored.
   *
   * @throws CaseworkException for an unknown case
   * @throws EvidenceException when the locker cannot open them
   */
  public Optional<String> partiesText(String id, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    return latest(id, PARTIES, locker);
  }

  /**
   * The facts text a case is assessed and drafted from: {@code factsText} with the case's takedown
   * tracker merged in as {@code platform_notice} (the day the platform was told under Art 1195, and
   * whether it acted by {@code today}), source {@code takedown_tracker}. Unchanged when the tracker
   * has no notice for the case, and when the text is not a facts mapping (its reader then says what
   * is wrong). The stored facts are not changed.
   */
  public String withTracker(String id, String factsText, LocalDate today) {
    Optional<Takedowns.NoticeFacts> n =
        new Takedowns(cw.workspace().takedowns()).noticeFacts(id, today);
    if (n.isEmpty()) {
      return factsText;
    }
    try {
      return FactsMerge.withNotice(factsText, "facts of case " + id, n.get());
    } catch (CaseworkException e) {
      return factsText;
    }
  }

  /**
   * The case's latest facts, read strictly; empty when none were stored.
   *
   * @throws CaseworkException for an unknown case or stored facts the reader now refuses
   * @throws EvidenceException when the locker cannot open them
   */
  public Optional<CaseFacts> facts(String id, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    Optional<String> t = factsText(id, locker);
    return t.isEmpty()
        ? Optional.empty()
        : Optional.of(Facts.parse(t.get(), "facts of case " + id));
  }

  /**
   * Version {@code version} of a record ({@link #FACTS} or {@link #PARTIES}), opened.
   *
   * @throws CaseworkException for an unknown case or version
   * @throws EvidenceException when the locker cannot open it
   */
  public String version(String id, String kind, int version, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    require(id);
    for (CaseStore.Version v : store().versions(id, kind)) {
      if (v.version() == version) {
        return open(id, kind, v, locker);
      }
    }
    throw new CaseworkException(
        String.format(Locale.ROOT, "case %s has no version %d of its %s", id, version, kind));
  }

  /**
   * Every version of a record, oldest first (nothing is opened).
   *
   * @throws CaseworkException for an unknown case
   */
  public List<RecordVersion> history(String id, String kind) throws CaseworkException {
    require(id);
    return store().versions(id, kind).stream()
        .map(v -> new RecordVersion(v.version(), v.at(), v.author(), v.note()))
        .toList();
  }

  private Optional<String> latest(String id, String kind, EvidenceStore locker)
      throws CaseworkException, EvidenceException {
    require(id);
    Optional<CaseStore.Version> v = store().latest(id, kind);
    return v.isEmpty() ? Optional.empty() : Optional.of(open(id, kind, v.get(), locker));
  }

  private static String open(String id, String kind, CaseStore.Version v, EvidenceStore locker)
      throws EvidenceException {
    return new String(locker.unseal(id, kind, v.sealed()), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ consent

  /**
   * Records that consent for {@code scope} is given or withdrawn, with today's time and the
   * casework's user; every earlier state is kept.
   *
   * @throws CaseworkException for an unknown case
   */
  public Consent consent(String id, String scope, boolean granted) throws CaseworkException {
    require(id);
    return consent(store().consent(id, scope, granted, cw.user()));
  }

  /**
   * The consent for {@code scope} as it stands: empty when never given (which counts as no).
   *
   * @throws CaseworkException for an unknown case
   */
  public Optional<Consent> consentNow(String id, String scope) throws CaseworkException {
    List<Consent> all = consentHistory(id, scope);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * {@link #consentNow} of a case known to exist (just listed): one query instead of two. Throws
   * the store's unknown-case failure when it was removed since.
   */
  Optional<Consent> consentNowOf(String id, String scope) {
    List<CaseStore.Consent> all = store().consents(id, scope);
    return all.isEmpty() ? Optional.empty() : Optional.of(consent(all.get(all.size() - 1)));
  }

  /**
   * Whether the case consents to {@code scope} now (never asked: no).
   *
   * @throws CaseworkException for an unknown case
   */
  public boolean consents(String id, String scope) throws CaseworkException {
    return consentNow(id, scope).map(Consent::granted).orElse(false);
  }

  /**
   * Every state of the consent for {@code scope}, oldest first.
   *
   * @throws CaseworkException for an unknown case
   */
  public List<Consent> consentHistory(String id, String scope) throws CaseworkException {
    require(id);
    return store().consents(id, scope).stream().map(Cases::consent).toList();
  }

  private static Consent consent(CaseStore.Consent c) {
    return new Consent(c.scope(), c.version(), c.granted(), c.at(), c.author());
  }

  // ------------------------------------------------------------------ files the case holds

  /**
   * Records a file the case holds (a document, an assessment), by its path inside the workspace.
   *
   * @throws CaseworkException for an unknown case
   * @throws IllegalArgumentException when the file is outside the workspace
   */
  public void addFile(String id, String kind, Path file, String label) throws CaseworkException {
    require(id);
    Path root = cw.layout().root();
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(root)) {
      throw new IllegalArgumentException(abs + " is outside the workspace " + root);
    }
    store().addArtifact(id, kind, root.relativize(abs).toString(), label, cw.user());
  }

  /** A file a case holds. */
  public record CaseFile(String kind, Path path, String label, Instant at, String author) {}

  /**
   * The files of a kind the case holds that still exist, oldest first.
   *
   * @throws CaseworkException for an unknown case
   */
  public List<CaseFile> files(String id, String kind) throws CaseworkException {
    require(id);
    Path root = cw.layout().root();
    List<CaseFile> out = new ArrayList<>();
    for (CaseStore.Artifact a : store().artifacts(id, kind)) {
      Path p = root.resolve(a.path()).normalize();
      if (p.startsWith(root) && Files.isRegularFile(p)) {
        out.add(new CaseFile(kind, p, a.label(), a.at(), a.author()));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ scans

  /** A scan id: {@code 20261206-101500-1}. */
  public static final java.util.regex.Pattern SCAN_ID =
      java.util.regex.Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{1,4}");

  /** The folder of the case's scans ({@code cases/ID/scans/}). */
  public Path scansDir(String id) {
    return dir(id).resolve("scans");
  }

  /**
   * Writes a finished scan's report into its folder {@code dir} of case {@code id}: {@code
   * report.json} (owner-only) and beside it the compact form dossiers read ({@code
   * report.sightings}, derived data). Every front end keeps a scan's report through here (the CLI's
   * {@link #keepScan}, the web's scans), so no dossier has to parse a report a scan just wrote.
   * Returns the report's path.
   *
   * @throws org.redress.report.ReportException when the report cannot be written
   * @throws IOException when its mode cannot be set
   */
  public Path writeReport(String id, Path dir, org.redress.report.SpreadReport report)
      throws org.redress.report.ReportException, IOException {
    Path json = dir.resolve("report.json");
    org.redress.report.ReportJson.write(report, json);
    OwnerOnly.tighten(json);
    DossierWork.keepSightings(id, json, report);
    return json;
  }

  /**
   * Keeps the compact form dossiers read beside a report already stored at {@code report} (a copy
   * imported as it is), made from {@code parsed}, that report read. Derived data: when it cannot be
   * written, the first dossier parses the report instead.
   */
  public void keepSightings(String id, Path report, org.redress.report.SpreadReport parsed) {
    DossierWork.keepSightings(id, report, parsed);
  }

  /**
   * Keeps a finished scan's report in the case as a scan of its own ({@code
   * cases/ID/scans/SCAN/report.json} beside its {@code scan.json}), as the workspace's scan page
   * lists them. Returns the scan's folder.
   *
   * @throws CaseworkException for an unknown case
   * @throws org.redress.report.ReportException when the report cannot be written
   * @throws IOException when the folder or the record cannot be written
   */
  public Path keepScan(String id, org.redress.report.SpreadReport report, List<Path> paths)
      throws CaseworkException, org.redress.report.ReportException, IOException {
    require(id);
    Instant now = cw.clock().instant();
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC)
            .format(now);
    Path dir = scansDir(id).resolve(stamp + "-1");
    for (int n = 2; Files.exists(dir); n++) {
      dir = scansDir(id).resolve(stamp + "-" + n);
    }
    OwnerOnly.dirs(dir);
    writeReport(id, dir, report);
    long checked = report.totals().mediaChecked();
    ScanRecord rec =
        new ScanRecord(
            dir.getFileName().toString(),
            id,
            paths,
            now,
            report.partial() ? "partial" : "done",
            checked,
            checked,
            null);
    rec.save(dir);
    return dir;
  }

  /**
   * The reports of the case's finished scans (done or partial), newest first, read with the one
   * report reader.
   *
   * @throws CaseworkException for an unknown case
   * @throws org.redress.report.ReportException when a stored report is damaged
   */
  public List<Path> reports(String id) throws CaseworkException {
    require(id);
    return reportsOf(id);
  }

  /** {@link #reports} of a case known to exist (just listed): no query, only its folder read. */
  List<Path> reportsOf(String id) {
    Path root = scansDir(id);
    List<ScanRecord> recs = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (var s = Files.list(root)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          if (SCAN_ID.matcher(p.getFileName().toString()).matches()) {
            ScanRecord.load(p, id).ifPresent(recs::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("failed to list the scans in " + root, e);
      }
    }
    recs.sort(java.util.Comparator.comparing(ScanRecord::started).reversed());
    List<Path> out = new ArrayList<>();
    for (ScanRecord r : recs) {
      Path f = root.resolve(r.id()).resolve("report.json");
      if ((r.state().equals("done") || r.state().equals("partial")) && Files.isRegularFile(f)) {
        out.add(f);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ documents

  /** Record kind of a kept assessment. */
  public static final String ASSESSMENT = "assessment";

  /**
   * Keeps an assessment of the case ({@code redress/findings@1} JSON) as {@code
   * cases/ID/assessments/STAMP.json} and records it in the case. Returns the file.
   *
   * @throws CaseworkException for an unknown case
   * @throws IOException when it cannot be written
   */
  public Path keepAssessment(String id, org.redress.law.Assessment a)
      throws CaseworkException, IOException {
    require(id);
    Path d = stampedDir(id, "assessments");
    OwnerOnly.dirs(d.getParent());
    Path f = d.resolveSibling(d.getFileName() + ".json");
    OwnerOnly.writeString(f, a.toJson());
    addFile(id, ASSESSMENT, f, "findings");
    return f;
  }

  /** Record kind of a drafted document file. */
  public static final String DOCUMENT = "document";

  /**
   * What a case's documents are made from, as {@code redress doc} reads them: the case's latest
   * facts and parties (opened with the case key into a private temporary folder that is deleted
   * before this returns), the findings of assessing those facts today, and the reports of the
   * case's finished scans.
   *
   * @throws CaseworkException for an unknown case, a case without facts, or facts now refused
   * @throws EvidenceException when the locker cannot open them
   * @throws IOException when the temporary folder cannot be made
   */
  public org.redress.documents.CaseInputs inputs(String id, EvidenceStore locker)
      throws CaseworkException, EvidenceException, IOException {
    return inputs(id, locker, null);
  }

  /**
   * As {@link #inputs(String, EvidenceStore)}, with an evidence package (its ZIP, verified before
   * any hash is quoted, or a bare manifest) or null.
   *
   * @throws CaseworkException for an unknown case, a case without facts, or facts now refused
   * @throws EvidenceException when the locker cannot open them
   * @throws IOException when the temporary folder cannot be made
   */
  public org.redress.documents.CaseInputs inputs(String id, EvidenceStore locker, Path evidence)
      throws CaseworkException, EvidenceException, IOException {
    String facts =
        factsText(id, locker)
            .orElseThrow(
                () ->
                    new CaseworkException(
                        "case "
                            + id
                            + " has no facts yet (store them: redress facts set "
                            + id
                            + " FILE)"));
    facts = withTracker(id, facts, cw.today());
    CaseFacts parsed = Facts.parse(facts, "facts of case " + id);
    LocalDate asOf = parsed.asOf().orElseGet(cw::today);
    String findings = cw.assess(parsed, asOf).toJson();
    Optional<String> parties = partiesText(id, locker);
    Path tmp = PrivateTemp.create(cw.layout().root());
    try {
      Path f = PrivateTemp.write(tmp, "facts.yaml", facts);
      Path fi = PrivateTemp.write(tmp, "findings.json", findings);
      org.redress.documents.CaseInputs.Files files =
          org.redress.documents.CaseInputs.files(f).findings(fi).evidence(evidence);
      if (parties.isPresent()) {
        files.parties(PrivateTemp.write(tmp, "parties.yaml", parties.get()));
      }
      reports(id).forEach(files::report);
      return files.read();
    } finally {
      PrivateTemp.delete(tmp);
    }
  }

  /** Documents drafted for a case: the folder, the files, what each still needs. */
  public record Drafted(Path dir, List<Path> files, List<Gap> gaps) {}

  /**
   * A placeholder left in a document and, when known, the facts or parties path whose answer fills
   * it (the interview asks for that path).
   */
  public record Gap(org.redress.documents.DocumentKind kind, String label, Optional<String> path) {}

  /**
   * Drafts every document kind for the case into a new folder {@code cases/ID/documents/STAMP/},
   * the way {@code redress doc all} does, records each file in the case, and lists the placeholders
   * left in the Chinese texts with the question that fills each.
   *
   * @throws CaseworkException for an unknown case or one without facts
   * @throws EvidenceException when the locker cannot open the facts or parties
   * @throws IOException when the folder cannot be written
   */
  public Drafted draftAll(
      String id,
      List<org.redress.documents.Lang> langs,
      List<org.redress.documents.OutputFormat> formats,
      String generator,
      EvidenceStore locker,
      java.util.function.Consumer<String> warnings)
      throws CaseworkException, EvidenceException, IOException {
    org.redress.documents.CaseInputs in = inputs(id, locker);
    org.redress.documents.Documents docs =
        org.redress.documents.Documents.builder()
            .date(cw.today())
            .generator(generator)
            .warnings(warnings)
            .build();
    Path out = stampedDir(id, "documents");
    OwnerOnly.dirs(out);
    List<Path> written = docs.writeAll(langs, formats, in, out);
    OwnerOnly.tightenTree(out);
    for (Path p : written) {
      addFile(id, DOCUMENT, p, p.getFileName().toString());
    }
    List<Gap> gaps = gaps(docs, in);
    StringBuilder tsv = new StringBuilder();
    for (Gap g : gaps) {
      tsv.append(g.kind().id()).append('\t').append(g.label()).append('\t');
      tsv.append(g.path().orElse("")).append('\n');
    }
    OwnerOnly.writeString(out.resolve(GAPS), tsv.toString());
    return new Drafted(out, written, gaps);
  }

  /**
   * File in a drafted folder listing the placeholders left (labels and paths; nothing personal).
   */
  static final String GAPS = "placeholders.tsv";

  /**
   * The documents drafted last for the case, with the placeholders they left; empty before the
   * first draft.
   *
   * @throws CaseworkException for an unknown case
   */
  public Optional<Drafted> latestDraft(String id) throws CaseworkException {
    List<CaseFile> all = documents(id);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    Path dir = all.get(all.size() - 1).path().getParent();
    List<Path> files =
        all.stream().map(CaseFile::path).filter(p -> p.getParent().equals(dir)).toList();
    List<Gap> gaps = new ArrayList<>();
    Path tsv = dir.resolve(GAPS);
    try {
      if (Files.isRegularFile(tsv)) {
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t", -1);
          if (f.length == 3) {
            var kind = org.redress.documents.DocumentKind.tryParse(f[0]);
            if (kind.isPresent()) {
              gaps.add(
                  new Gap(kind.get(), f[1], f[2].isEmpty() ? Optional.empty() : Optional.of(f[2])));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + tsv, e);
    }
    return Optional.of(new Drafted(dir, files, gaps));
  }

  private static List<Gap> gaps(
      org.redress.documents.Documents docs, org.redress.documents.CaseInputs in) {
    List<Gap> out = new ArrayList<>();
    for (org.redress.documents.DocumentKind k : org.redress.documents.Documents.offered(in)) {
      if (!k.languages().contains(org.redress.documents.Lang.ZH)) {
        continue;
      }
      String text = docs.markup(k, org.redress.documents.Lang.ZH, in);
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        seen.add(m.group(1));
      }
      for (String label : seen) {
        out.add(new Gap(k, label, Placeholders.path(label)));
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern PLACEHOLDER =
      java.util.regex.Pattern.compile("【待填写：([^】]*)】");

  /**
   * The documents drafted for the case, oldest first.
   *
   * @throws CaseworkException for an unknown case
   */
  public List<CaseFile> documents(String id) throws CaseworkException {
    return files(id, DOCUMENT);
  }

  /** A folder under the case named by today's time, for files made now. */
  Path stampedDir(String id, String what) {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .format(cw.clock().instant().atZone(cw.zone()));
    Path base = dir(id).resolve(what);
    Path d = base.resolve(stamp);
    for (int n = 2; Files.exists(d); n++) {
      d = base.resolve(stamp + "-" + n);
    }
    return d;
  }

  /** Today in the casework's zone (for messages). */
  LocalDate today() {
    return cw.today();
  }
}
