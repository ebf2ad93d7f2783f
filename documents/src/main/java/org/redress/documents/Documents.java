package org.redress.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.redress.documents.internal.Citations;
import org.redress.documents.internal.Doc;
import org.redress.documents.internal.DocxWriter;
import org.redress.documents.internal.FontSource;
import org.redress.documents.internal.Markup;
import org.redress.documents.internal.Model;
import org.redress.documents.internal.PdfWriter;
import org.redress.documents.internal.Templates;
import org.redress.documents.internal.Words;

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
      System.setProperty("log4j2.loggerContextFactory",
          "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }

  private final LocalDate date;
  private final String generator;
  private final Path font;

  private Documents(Builder b) {
    this.date = b.date;
    this.generator = b.generator;
    this.font = b.font;
  }

  /** A builder; {@link Builder#date} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configuration for {@link Documents}. */
  public static final class Builder {
    private LocalDate date;
    private String generator = "Redress";
    private Path font;

    private Builder() {}

    /** The document date printed on every document (required). */
    public Builder date(LocalDate date) {
      if (date == null) {
        throw new IllegalArgumentException("the document date must be given");
      }
      this.date = date;
      return this;
    }

    /** The software named in the generated-by line, e.g. {@code "Redress 0.1.0"}. */
    public Builder generator(String generator) {
      if (generator == null || generator.isBlank()) {
        throw new IllegalArgumentException("generator must not be blank");
      }
      this.generator = generator.strip();
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
   * @throws DocumentException when a template is broken or the writer fails (e.g. a character
   *     the PDF font lacks)
   */
  public byte[] render(DocumentKind kind, Lang lang, OutputFormat format, CaseInputs inputs) {
    Doc doc = doc(kind, lang, inputs);
    return switch (format) {
      case DOCX -> DocxWriter.write(doc, date);
      case PDF -> PdfWriter.write(doc, font == null ? FontSource.bundled() : FontSource.file(font),
          date);
    };
  }

  /**
   * Renders a document in each language and format into {@code dir} (created if needed), as
   * {@code <kind>.<lang>.<ext>}. Each file is written to a temporary name and moved into place.
   *
   * @return the files written, in order
   * @throws DocumentException when rendering or writing fails
   */
  public List<Path> write(DocumentKind kind, List<Lang> langs, List<OutputFormat> formats,
      CaseInputs inputs, Path dir) {
    List<Path> out = new ArrayList<>();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DocumentException("failed to create " + dir + ": " + e.getMessage(), e);
    }
    for (Lang lang : langs) {
      for (OutputFormat f : formats) {
        byte[] bytes = render(kind, lang, f, inputs);
        Path target = dir.resolve(fileName(kind, lang, f));
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
          Files.write(tmp, bytes);
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new DocumentException("failed to write " + target + ": " + e.getMessage(), e);
        }
        out.add(target);
      }
    }
    return out;
  }

  /**
   * Writes every kind in both languages and both formats into {@code dir}, as
   * {@link #write} does for one kind (what {@code redress demo} needs).
   *
   * @return the files written, kind by kind
   * @throws DocumentException when rendering or writing fails
   */
  public List<Path> writeAll(CaseInputs inputs, Path dir) {
    List<Path> out = new ArrayList<>();
    for (DocumentKind k : DocumentKind.values()) {
      out.addAll(write(k, List.of(Lang.values()), List.of(OutputFormat.values()), inputs, dir));
    }
    return out;
  }

  /** The file name a document is written under: {@code police-report.zh.pdf}. */
  public static String fileName(DocumentKind kind, Lang lang, OutputFormat format) {
    return kind.id() + "." + lang.code() + "." + format.extension();
  }

  /**
   * The document's text as markup, before layout: what the writers receive. Useful for tests
   * and for checking a template.
   */
  public String markup(DocumentKind kind, Lang lang, CaseInputs inputs) {
    Map<String, Object> model = Model.build(kind, lang, inputs.data(), date, generatedBy(lang));
    return Templates.render(kind.id() + "." + lang.code(), model);
  }

  private String generatedBy(Lang lang) {
    return lang == Lang.ZH ? "由 " + generator + " 生成" : "Generated by " + generator;
  }

  Doc doc(DocumentKind kind, Lang lang, CaseInputs inputs) {
    Words w = new Words(lang);
    String footer = generatedBy(lang) + " · " + w.date(date);
    Map<String, Object> model = Model.build(kind, lang, inputs.data(), date, generatedBy(lang));
    String body = Templates.render(kind.id() + "." + lang.code(), model);
    List<Doc.Section> sections = new ArrayList<>();
    if (kind.filing()) {
      model.put("placeholders", placeholders(body));
      model.put("has_placeholders", !placeholders(body).isEmpty());
      List<String> secondary = secondary(Model.cited(model), lang, body);
      model.put("secondary", secondary);
      model.put("has_secondary", !secondary.isEmpty());
      model.put("footer", footer);
      String notes = Templates.render("_notes_" + lang.code(), model);
      sections.add(new Doc.Section(false, Markup.parse(notes)));
    }
    sections.add(new Doc.Section(true, Markup.parse(body)));
    return new Doc(kind.title(lang), lang, sections, footer);
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
      Citations.of(id).filter(c -> c.status() == Citations.Status.SECONDARY)
          .filter(c -> body.contains(c.get(lang)))
          .ifPresent(c -> out.add(String.format(Locale.ROOT, "%s (%s)", c.get(lang), id)));
    }
    return out;
  }
}
