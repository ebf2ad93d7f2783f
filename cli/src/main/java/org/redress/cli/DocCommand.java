package org.redress.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.redress.documents.CaseInputs;
import org.redress.documents.DocumentKind;
import org.redress.documents.Documents;
import org.redress.documents.Lang;
import org.redress.documents.OutputFormat;
import org.redress.law.InvalidFactsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redress doc KIND ...}: writes a document for a case (police report, takedown notice,
 * complaints, 12377 report, evidence list, assessment report) as DOCX and/or PDF, in Chinese and/or
 * English. {@code redress doc list} lists the kinds. Prints one line per file written; never prints
 * anything from the parties file.
 */
@Command(
    name = "doc",
    mixinStandardHelpOptions = true,
    // Chinese help where the locale asks for it (DocMessages_zh.properties); the base bundle is
    // empty, so other locales read the English texts below.
    resourceBundle = "org.redress.cli.DocMessages",
    description = {
      "Write a document for a case as DOCX and/or PDF, in Chinese (authoritative) and/or "
          + "English. KIND is one of the kinds shown by 'redress doc list'. Unknown values "
          + "become visible placeholders (【待填写：…】 / [to fill in: …]). Information, not "
          + "legal advice."
    })
public final class DocCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      descriptionKey = "kind",
      description = "Document kind, 'all' for every kind in one run, or 'list'.")
  String kind;

  @Option(
      names = "--facts",
      paramLabel = "FILE",
      description = "Case facts (redress/case-facts@1, YAML or JSON). Required.")
  Path facts;

  @Option(
      names = "--findings",
      paramLabel = "FILE",
      description = "Findings (redress/findings@1) from 'redress assess --json'.")
  Path findings;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Spread report (redress/spread-report@1); may be repeated.")
  List<Path> reports = new ArrayList<>();

  @Option(
      names = "--evidence-manifest",
      paramLabel = "FILE",
      description =
          "The evidence package .zip (verified before any hash is quoted), or a bare "
              + "manifest.json (quoted unverified, with a warning).")
  Path manifest;

  @Option(
      names = "--parties",
      paramLabel = "FILE",
      description = "Parties file (redress/parties@1): names, ID numbers, addresses, contacts.")
  Path parties;

  @Option(
      names = "--lang",
      paramLabel = "zh|en|both",
      defaultValue = "both",
      description = "Language(s) (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--format",
      paramLabel = "docx|pdf|both",
      defaultValue = "both",
      description = "Format(s) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Required.")
  Path out;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Document date (default: today).")
  String date;

  @Option(
      names = "--layout",
      paramLabel = "elements|narrative",
      defaultValue = "narrative",
      description =
          "Layout of the civil complaint and private prosecution: the courts' "
              + "element-style form (要素式) or the narrative one (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(
      names = "--font",
      paramLabel = "FILE.ttf",
      description = "TrueType font to embed in PDFs instead of the bundled Noto Serif SC subset.")
  Path font;

  @Option(
      names = "--case",
      paramLabel = "NAME",
      description =
          "Draft from the case's stored facts and parties, its scans' reports and the findings of"
              + " assessing them today, when no --facts file is given.")
  String caseName;

  /** Workspace and the key options that open a case's sealed facts and parties. */
  @picocli.CommandLine.Mixin EvidenceOptions evidence;

  @Override
  public Integer call() {
    PrintWriter pw = spec.commandLine().getOut();
    if (kind.equals("list")) {
      for (DocumentKind k : DocumentKind.values()) {
        pw.println(Msg.get("doc", "list", k.id(), k.title(Lang.ZH), k.title(Lang.EN)));
      }
      return ExitCodes.OK;
    }
    boolean all = kind.equals("all");
    DocumentKind k =
        all
            ? null
            : DocumentKind.tryParse(kind)
                .orElseThrow(
                    () ->
                        new ExitCodes.UsageException(
                            msg(
                                "error.kind",
                                kind,
                                Arrays.stream(DocumentKind.values())
                                    .map(DocumentKind::id)
                                    .collect(Collectors.joining(msg("list.separator"))))));
    if (facts == null && caseName == null) {
      throw new ExitCodes.UsageException(msg("error.facts"));
    }
    if (out == null) {
      throw new ExitCodes.UsageException(msg("error.out"));
    }
    List<Lang> langs = langs(lang);
    List<OutputFormat> formats = formats(format);
    LocalDate d = date == null ? Today.date() : parseDate(date);

    CaseInputs inputs;
    try {
      if (facts == null) {
        inputs = caseInputs();
      } else {
        CaseInputs.Files files =
            CaseInputs.files(facts).findings(findings).evidence(manifest).parties(parties);
        reports.forEach(files::report);
        inputs = files.read();
      }
    } catch (InvalidFactsException e) {
      // Word for word what 'redress assess' says about the same file, with the same exit code.
      throw new ExitCodes.DataException(
          Msg.get(
              "doc",
              "bad.facts",
              facts != null ? facts.toString() : Msg.get("doc", "facts.of.case", caseName),
              ExitCodes.message(e)));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (manifest != null
        && !manifest.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      err.println(warning("warning.manifest", manifest));
    }
    Documents docs =
        Documents.builder()
            .date(d)
            .generator(version())
            .font(font)
            .layout(
                Documents.Layout.parse(layout)
                    .orElseThrow(() -> new ExitCodes.UsageException(msg("error.layout", layout))))
            .missingGlyphs(
                g ->
                    err.println(
                        Msg.warningPrefix()
                            + Msg.get(
                                "doc",
                                "glyph",
                                Console.inert(g.file()),
                                g.codePoint(),
                                org.redress.documents.MissingGlyph.FONT_PACKAGES)))
            .build();
    if (!all && findings != null && !Documents.offered(inputs).contains(k)) {
      err.println(warning("warning.plan", findings, k.id()));
    }
    List<Path> written =
        all
            ? docs.writeAll(langs, formats, inputs, out)
            : docs.write(k, langs, formats, inputs, out);
    for (Path p : written) {
      pw.println(p);
    }
    err.flush();
    return ExitCodes.OK;
  }

  /** The case's inputs, as the workspace's documents page drafts from them. */
  private CaseInputs caseInputs() {
    if (findings != null || parties != null || !reports.isEmpty()) {
      throw new ExitCodes.UsageException(Msg.get("doc", "case.inputs"));
    }
    org.redress.casework.Cases cases = Today.casework(evidence.workspace.dir()).cases();
    try (org.redress.evidence.EvidenceStore locker = evidence.open()) {
      cases.require(caseName);
      return cases.inputs(caseName, locker, manifest);
    } catch (org.redress.casework.CaseworkException.UnknownCase e) {
      throw new ExitCodes.UsageException(ExitCodes.message(e));
    } catch (org.redress.casework.CaseworkException | org.redress.evidence.EvidenceException e) {
      // worded with its next step here; the cause is not kept so the step is said once
      throw new ExitCodes.DataException(ExitCodes.message(e));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<Lang> langs(String s) {
    if (s.equalsIgnoreCase("both")) {
      return List.of(Lang.ZH, Lang.EN);
    }
    return List.of(
        Lang.tryParse(s).orElseThrow(() -> new ExitCodes.UsageException(msg("error.lang", s))));
  }

  private List<OutputFormat> formats(String s) {
    if (s.equalsIgnoreCase("both")) {
      return List.of(OutputFormat.DOCX, OutputFormat.PDF);
    }
    return List.of(
        OutputFormat.tryParse(s)
            .orElseThrow(() -> new ExitCodes.UsageException(msg("error.format", s))));
  }

  private LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new ExitCodes.UsageException(msg("error.date", s));
    }
  }

  /** A message of this command in the interface language ({@code DocMessages}). */
  private String msg(String key, Object... args) {
    java.util.ResourceBundle b = spec.resourceBundle();
    java.util.ResourceBundle base = UiLang.bundle("org.redress.cli.DocMessages", Locale.ROOT);
    String pattern = UiLang.text(b, key, base.getString(key));
    return String.format(Locale.ROOT, pattern, args);
  }

  private String warning(String key, Object... args) {
    boolean zh =
        spec.resourceBundle() != null
            && spec.resourceBundle().getLocale().getLanguage().equals("zh");
    return (zh ? "redress：警告：" : "redress: warning: ") + msg(key, args);
  }

  /** "Redress 0.1.0" from the jar's manifest; just "Redress" when run from classes. */
  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "Redress" : "Redress " + v;
  }
}
