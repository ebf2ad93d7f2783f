package org.redress.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.redress.documents.internal.Citations;
import org.redress.documents.internal.Doc;
import org.redress.documents.internal.DocxWriter;
import org.redress.documents.internal.FontChain;
import org.redress.documents.internal.FontSource;
import org.redress.documents.internal.Markup;
import org.redress.documents.internal.Model;
import org.redress.documents.internal.PdfWriter;
import org.redress.documents.internal.Templates;
import org.redress.documents.internal.Words;
import org.redress.law.ActionPlan;

/**
 * Renders documents. Configure once with {@link #builder()}; the document date is always given
 * (never read from a clock here), and so is the generated-by line.
 *
 * <pre>{@code
 * Documents docs =
 *     Documents.builder().date(LocalDate.of(2026, 11, 24)).generator("Redress 0.1").build();
 * byte[] pdf = docs.render(DocumentKind.POLICE_REPORT, Lang.ZH, OutputFormat.PDF, inputs);
 * }</pre>
 */
public final class Documents {
  static {
    // Apache POI logs through the Log4j API; without a provider Log4j prints an error line on
    // stderr. Use its simple logger (errors only) unless the application configured one.
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty(
          "log4j2.loggerContextFactory",
          "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }

  /**
   * How the civil complaint and the private prosecution are laid out: the narrative form, or the
   * courts' element-style form (要素式, the SPC/MOJ/ACLA model texts of 2024 and 法〔2025〕82号). Other
   * kinds have one layout.
   */
  public enum Layout {
    /** Requests, then facts and reasons as prose. */
    NARRATIVE,
    /** The element-style form: every element of the model text with its answer or a blank. */
    ELEMENTS;

    /** The layout named {@code elements} or {@code narrative}, if it is one. */
    public static Optional<Layout> parse(String s) {
      return Arrays.stream(values())
          .filter(l -> l.name().equalsIgnoreCase(s == null ? "" : s.strip()))
          .findFirst();
    }
  }

  private final LocalDate date;
  private final String generator;
  private final Layout layout;
  private final Path font;
  private final List<Path> fallbackFonts;
  private final Consumer<MissingGlyph> missingGlyphs;

  private Documents(Builder b) {
    this.date = b.date;
    this.generator = b.generator;
    this.layout = b.layout;
    this.font = b.font;
    this.fallbackFonts = List.copyOf(b.fallbackFonts);
    Consumer<String> text = b.warnings;
    this.missingGlyphs = b.missingGlyphs != null ? b.missingGlyphs : g -> text.accept(g.toString());
  }

  /** A builder; {@link Builder#date} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configuration for {@link Documents}. */
  public static final class Builder {
    private LocalDate date;
    private String generator = "Redress";
    private Layout layout = Layout.NARRATIVE;
    private Path font;
    private List<Path> fallbackFonts = FontChain.DEBIAN_FALLBACKS;
    private Consumer<String> warnings = w -> {};
    private Consumer<MissingGlyph> missingGlyphs;

    private Builder() {}

    /** The layout of the civil complaint and the private prosecution (default narrative). */
    public Builder layout(Layout layout) {
      if (layout == null) {
        throw new IllegalArgumentException("the layout must not be null");
      }
      this.layout = layout;
      return this;
    }

    /**
     * Fonts tried, in order, for characters the main font lacks (default: {@link
     * FontChain#DEBIAN_FALLBACKS}; files that do not exist are skipped).
     */
    public Builder fallbackFonts(List<Path> ttfs) {
      this.fallbackFonts = List.copyOf(ttfs);
      return this;
    }

    /** Where warnings go, one line each: a character no font has (drawn as □ in the PDF). */
    public Builder warnings(Consumer<String> sink) {
      if (sink == null) {
        throw new IllegalArgumentException("the warning sink must not be null");
      }
      this.warnings = sink;
      return this;
    }

    /**
     * Where a character no font has goes, as a typed value, instead of a line to {@link #warnings}:
     * for a front end that words its own remedy (the CLI's {@code --font}).
     */
    public Builder missingGlyphs(Consumer<MissingGlyph> sink) {
      if (sink == null) {
        throw new IllegalArgumentException("the missing-glyph sink must not be null");
      }
      this.missingGlyphs = sink;
      return this;
    }

    /** The document date printed on every document (required). */
    public Builder date(LocalDate date) {
      if (date == null) {
        throw new IllegalArgumentException("the document date must be given");
      }
      this.date = date;
      return this;
    }

    /**
     * The software named in the generated-by line, e.g. {@code "Redress 0.1.0"}. A build suffix
     * ({@code 0.1.0-SNAPSHOT}, {@code 0.1.0+abc123}) is dropped: a person reads the release.
     */
    public Builder generator(String generator) {
      this.generator = forReaders(generator);
      return this;
    }

    /**
     * A TrueType font to embed in PDFs instead of the bundled Noto Serif SC subset (for characters
     * outside it). Must be TrueType (.ttf): PDFBox cannot embed CFF-based OpenType fonts.
     */
    public Builder font(Path ttf) {
      this.font = ttf;
      return this;
    }

    /**
     * Builds the renderer.
     *
     * @throws IllegalStateException when the date was not given
     */
    public Documents build() {
      if (date == null) {
        throw new IllegalStateException("the document date must be given");
      }
      return new Documents(this);
    }
  }

  /**
   * Renders one document.
   *
   * <p>A character no font has is drawn as □ in a PDF and reported to the warning sink; it never
   * stops the document.
   *
   * @throws DocumentException when a template is broken or the writer fails
   */
  public byte[] render(DocumentKind kind, Lang lang, OutputFormat format, CaseInputs inputs) {
    Doc doc = doc(kind, lang, inputs);
    return switch (format) {
      case DOCX -> DocxWriter.write(doc, date);
      case PDF -> {
        FontChain chain =
            new FontChain(
                font == null ? FontSource.bundled() : FontSource.file(font), fallbackFonts);
        byte[] pdf = PdfWriter.write(doc, chain, date);
        String file = fileName(kind, lang, format);
        chain.missing().forEach(cp -> missingGlyphs.accept(new MissingGlyph(file, cp)));
        yield pdf;
      }
    };
  }

  /**
   * The document as plain text, for pasting into a web form (the 12377 report): headings,
   * paragraphs and table rows one per line, no notes page.
   */
  public String plainText(DocumentKind kind, Lang lang, CaseInputs inputs) {
    StringBuilder out = new StringBuilder();
    plainText(Markup.parse(markup(kind, lang, inputs)), out);
    return out.toString();
  }

  private static void plainText(List<Doc.Block> blocks, StringBuilder out) {
    for (Doc.Block b : blocks) {
      if (b instanceof Doc.Keep k) {
        plainText(k.blocks(), out);
      } else if (b instanceof Doc.Title t) {
        out.append(plain(t.text())).append("\n\n");
      } else if (b instanceof Doc.Heading h) {
        out.append('\n').append(plain(h.text())).append('\n');
      } else if (b instanceof Doc.Para p) {
        out.append(plain(p.text())).append('\n');
      } else if (b instanceof Doc.Table t) {
        for (List<String> row : t.rows()) {
          out.append(String.join(" | ", row.stream().map(Documents::plain).toList())).append('\n');
        }
      }
    }
  }

  private static String plain(String markup) {
    return markup.replace("**", "").replace("`", "");
  }

  /**
   * Renders a document in each language and format into {@code dir} (created if needed), as {@code
   * <kind>.<lang>.<ext>}. Each file is written to a temporary name and moved into place.
   *
   * @return the files written, in order
   * @throws DocumentException when rendering or writing fails
   */
  public List<Path> write(
      DocumentKind kind,
      List<Lang> langs,
      List<OutputFormat> formats,
      CaseInputs inputs,
      Path dir) {
    List<Path> out = new ArrayList<>();
    createPrivateDirectory(dir);
    for (Lang lang : langs) {
      if (!kind.languages().contains(lang)) {
        continue;
      }
      for (OutputFormat f : formats) {
        out.add(writeFile(dir.resolve(fileName(kind, lang, f)), render(kind, lang, f, inputs)));
      }
      if (kind == DocumentKind.REPORT_12377) {
        out.add(
            writeFile(
                dir.resolve(kind.id() + "." + lang.code() + ".txt"),
                plainText(kind, lang, inputs).getBytes(StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /** Creates the folder readable by its owner only (0700) when it does not exist yet. */
  static void createPrivateDirectory(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        return;
      }
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new DocumentException("failed to create " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Writes a file readable by its owner only (0600): a temporary name, then moved into place. */
  static Path writeFile(Path target, byte[] bytes) {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DocumentException("failed to write " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /**
   * Writes every kind in both languages and both formats into {@code dir}, as {@link #write} does
   * for one kind (what {@code redress demo} needs).
   *
   * @return the files written, kind by kind
   * @throws DocumentException when rendering or writing fails
   */
  public List<Path> writeAll(CaseInputs inputs, Path dir) {
    return writeAll(List.of(Lang.values()), List.of(OutputFormat.values()), inputs, dir);
  }

  /**
   * Writes every kind in the given languages and formats into {@code dir} in one run ({@code
   * redress doc all}).
   *
   * @return the files written, kind by kind
   * @throws DocumentException when rendering or writing fails
   */
  public List<Path> writeAll(
      List<Lang> langs, List<OutputFormat> formats, CaseInputs inputs, Path dir) {
    List<Path> out = new ArrayList<>();
    for (DocumentKind k : offered(inputs)) {
      out.addAll(write(k, langs, formats, inputs, dir));
    }
    return out;
  }

  /**
   * The documents a case gets, in order: the assessment for her, then the papers of each action of
   * the law engine's action plan in the plan's order (evidence list for preserving evidence; police
   * report; the takedown notices, the agent's first, and the 12377 report; civil complaint; private
   * prosecution). An action with no paper (a protection order) adds none. Without an assessment
   * there is no plan, and every kind is offered in {@link DocumentKind} order.
   */
  public static List<DocumentKind> offered(CaseInputs inputs) {
    Optional<ActionPlan> plan = inputs.data().findings().map(f -> f.plan());
    if (plan.isEmpty()) {
      return List.of(DocumentKind.values());
    }
    List<DocumentKind> out = new ArrayList<>();
    out.add(DocumentKind.ASSESSMENT);
    for (ActionPlan.Action a : plan.get().actions()) {
      out.addAll(papers(a.kind()));
    }
    return List.copyOf(out);
  }

  /** The papers that carry out an action of the plan. */
  static List<DocumentKind> papers(ActionPlan.Kind action) {
    return switch (action) {
      case PRESERVE_EVIDENCE -> List.of(DocumentKind.EVIDENCE_LIST);
      case REPORT_TO_POLICE -> List.of(DocumentKind.POLICE_REPORT);
      case TAKEDOWN ->
          List.of(
              DocumentKind.TAKEDOWN_NOTICE_AGENT,
              DocumentKind.TAKEDOWN_NOTICE,
              DocumentKind.TAKEDOWN_NOTICE_FOREIGN,
              DocumentKind.REPORT_12377);
      case PROTECTION_ORDER -> List.of();
      case CIVIL_SUIT -> List.of(DocumentKind.CIVIL_COMPLAINT);
      case PRIVATE_PROSECUTION -> List.of(DocumentKind.PRIVATE_PROSECUTION);
    };
  }

  /**
   * The provisions a filing cites, from the action plan in its order (empty without a plan, or for
   * a kind that cites none by plan): the police report's leading provisions and the civil
   * complaint's basis. What the tests compare with the plan.
   */
  public static List<String> citedProvisions(DocumentKind kind, CaseInputs inputs) {
    Optional<ActionPlan> plan = inputs.data().findings().map(f -> f.plan());
    ActionPlan.Kind action =
        switch (kind) {
          case POLICE_REPORT -> ActionPlan.Kind.REPORT_TO_POLICE;
          case CIVIL_COMPLAINT -> ActionPlan.Kind.CIVIL_SUIT;
          case PRIVATE_PROSECUTION -> ActionPlan.Kind.PRIVATE_PROSECUTION;
          default -> null;
        };
    if (plan.isEmpty() || action == null) {
      return List.of();
    }
    boolean police = kind == DocumentKind.POLICE_REPORT;
    return plan.get()
        .action(action)
        .map(
            a ->
                Model.citedGrounds(a, police, police ? Model.POLICE_PROVISIONS : Integer.MAX_VALUE)
                    .stream()
                    .map(ActionPlan.Ground::provision)
                    .toList())
        .orElse(List.of());
  }

  /** The file name a document is written under: {@code police-report.zh.pdf}. */
  public static String fileName(DocumentKind kind, Lang lang, OutputFormat format) {
    return kind.id() + "." + lang.code() + "." + format.extension();
  }

  /**
   * The document's text as markup, before layout: what the writers receive. Useful for tests and
   * for checking a template.
   */
  public String markup(DocumentKind kind, Lang lang, CaseInputs inputs) {
    Map<String, Object> model = Model.build(kind, lang, inputs.data(), date, generatedBy(lang));
    return Templates.render(template(kind, lang), model);
  }

  /** The template of a kind: {@code civil-complaint.elements.zh} in the element layout. */
  private String template(DocumentKind kind, Lang lang) {
    boolean elements =
        layout == Layout.ELEMENTS
            && (kind == DocumentKind.CIVIL_COMPLAINT || kind == DocumentKind.PRIVATE_PROSECUTION);
    return kind.id() + (elements ? ".elements." : ".") + lang.code();
  }

  private String generatedBy(Lang lang) {
    return new Words(lang).say("generated_by", "generator", generator);
  }

  private static final java.util.regex.Pattern BUILD_SUFFIX =
      java.util.regex.Pattern.compile("(\\d)(?:-SNAPSHOT|\\+[0-9A-Za-z.]+)\\b");

  /**
   * The generator as a person reads it: stripped, without a build suffix ({@code Redress
   * 0.1.0-SNAPSHOT} becomes {@code Redress 0.1.0}).
   *
   * @throws IllegalArgumentException when it is blank
   */
  static String forReaders(String generator) {
    if (generator == null || generator.isBlank()) {
      throw new IllegalArgumentException("generator must not be blank");
    }
    return BUILD_SUFFIX.matcher(generator.strip()).replaceAll("$1");
  }

  Doc doc(DocumentKind kind, Lang lang, CaseInputs inputs) {
    Words w = new Words(lang);
    String footer = generatedBy(lang) + " · " + w.date(date);
    Map<String, Object> model = Model.build(kind, lang, inputs.data(), date, generatedBy(lang));
    String body = Citations.shortenRepeats(Templates.render(template(kind, lang), model), lang);
    List<Doc.Section> sections = new ArrayList<>();
    if (kind.filing()) {
      model.put("placeholders", placeholders(body));
      model.put("has_placeholders", !placeholders(body).isEmpty());
      List<String> secondary = secondary(Model.cited(model), lang, body);
      model.put("secondary", secondary);
      model.put("has_secondary", !secondary.isEmpty());
      model.put("footer", footer);
      model.put("elements", template(kind, lang).contains(".elements."));
      String notes = Templates.render("_notes_" + lang.code(), model);
      sections.add(new Doc.Section(false, Markup.parse(notes)));
    }
    sections.add(new Doc.Section(true, Markup.parse(body)));
    // The generated-by line is on the notes page (and the assessment's last line), not on
    // every page: pages carry only their numbers.
    return new Doc(kind.title(lang), lang, sections, "");
  }

  private static List<String> placeholders(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = Doc.PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return new ArrayList<>(out);
  }

  /** Citations in the text whose source the law reference confirms only from secondary sources. */
  private static List<String> secondary(Set<String> cited, Lang lang, String body) {
    List<String> out = new ArrayList<>();
    for (String id : cited) {
      Citations.of(id)
          .filter(c -> c.status() == Citations.Status.SECONDARY)
          .filter(c -> body.contains(c.get(lang)))
          // Chinese papers name the instrument only: the data ID is an internal key
          .ifPresent(
              c ->
                  out.add(
                      lang == Lang.ZH
                          ? c.get(lang)
                          : String.format(Locale.ROOT, "%s (%s)", c.get(lang), id)));
    }
    return out;
  }
}
