package org.redress.documents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.documents.internal.CaseData;
import org.redress.documents.internal.EvidenceManifest;
import org.redress.documents.internal.Facts;
import org.redress.documents.internal.Findings;
import org.redress.documents.internal.Parties;
import org.redress.documents.internal.SpreadReport;

/**
 * What a case's documents are made from, read from files: the case facts (required), and when
 * available the findings, spread reports, an evidence package manifest and the parties file.
 * Readers ignore keys they do not use and check the ones they do.
 */
public final class CaseInputs {
  private final CaseData data;

  private CaseInputs(CaseData data) {
    this.data = data;
  }

  /** Starts describing the input files; only {@code facts} is required. */
  public static Files files(Path facts) {
    return new Files(facts);
  }

  /** The input files of a case. */
  public static final class Files {
    private final Path facts;
    private Path findings;
    private final List<Path> reports = new ArrayList<>();
    private Path evidence;
    private Path parties;

    private Files(Path facts) {
      if (facts == null) {
        throw new IllegalArgumentException("a facts file is required");
      }
      this.facts = facts;
    }

    /**
     * The assessment file ({@code redress assess --json}: the findings and the action plan the
     * documents follow); may be null.
     */
    public Files findings(Path file) {
      this.findings = file;
      return this;
    }

    /** Adds a spread report ({@code redress scan --json}). */
    public Files report(Path file) {
      reports.add(file);
      return this;
    }

    /** The evidence package's {@code manifest.json} or the package ZIP; may be null. */
    public Files evidence(Path file) {
      this.evidence = file;
      return this;
    }

    /** The parties file with names and contacts; may be null (all placeholders then). */
    public Files parties(Path file) {
      this.parties = file;
      return this;
    }

    /**
     * Reads every file.
     *
     * @throws InputException naming the first file that is missing, malformed or lacks a field
     */
    public CaseInputs read() {
      Facts f = Facts.read(facts);
      Optional<Findings> fi =
          Optional.ofNullable(findings).map(file -> Findings.read(file, f.caseFacts()));
      List<SpreadReport> rs = reports.stream().map(SpreadReport::read).toList();
      Optional<EvidenceManifest> ev = Optional.ofNullable(evidence).map(EvidenceManifest::read);
      Parties p = parties == null ? Parties.none() : Parties.read(parties);
      return new CaseInputs(new CaseData(f, fi, rs, ev, p));
    }
  }

  CaseData data() {
    return data;
  }
}
