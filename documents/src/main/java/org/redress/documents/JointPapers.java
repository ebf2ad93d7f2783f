package org.redress.documents;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.redress.documents.internal.Citations;
import org.redress.documents.internal.Doc;
import org.redress.documents.internal.DocxWriter;
import org.redress.documents.internal.FontChain;
import org.redress.documents.internal.FontSource;
import org.redress.documents.internal.JointModel;
import org.redress.documents.internal.Markup;
import org.redress.documents.internal.PdfWriter;
import org.redress.documents.internal.Templates;
import org.redress.documents.internal.Words;

/**
 * The joint papers of a dossier (issue 19 point 4): the joint police report of several victims
 * (多名被害人联名报案材料) and the joint evidence list across their cases, in Chinese and English, DOCX and
 * PDF, through the same writers as a single case's papers. Victims appear only by pseudonym.
 *
 * <pre>{@code
 * JointPapers p = new JointPapers(LocalDate.of(2026, 12, 6), "Redress 0.1", w -> {});
 * List<Path> files = p.write(inputs, List.of(Lang.ZH, Lang.EN), dir);
 * }</pre>
 */
public final class JointPapers {
  /** The two joint papers. */
  public enum Kind {
    /** 多名被害人联名报案材料. */
    JOINT_POLICE_REPORT(
        "joint-police-report", "多名被害人联名报案材料", "Joint police report of several victims"),
    /** 多名被害人联合证据目录. */
    JOINT_EVIDENCE_LIST(
        "joint-evidence-list", "多名被害人联合证据目录", "Joint evidence list of several victims");

    private final String id;
    private final String zh;
    private final String en;

    Kind(String id, String zh, String en) {
      this.id = id;
      this.zh = zh;
      this.en = en;
    }

    /** The file name stem: {@code joint-police-report}. */
    public String id() {
      return id;
    }

    /** The title in a language. */
    public String title(Lang lang) {
      return lang == Lang.ZH ? zh : en;
    }
  }

  private final LocalDate date;
  private final String generator;
  private final Consumer<String> warnings;

  /**
   * A renderer.
   *
   * @param date the document date printed on every paper
   * @param generator the software named in the generated-by line
   * @param warnings where a character no font has is reported
   */
  public JointPapers(LocalDate date, String generator, Consumer<String> warnings) {
    if (date == null) {
      throw new IllegalArgumentException("the document date must be given");
    }
    if (generator == null || generator.isBlank()) {
      throw new IllegalArgumentException("generator must not be blank");
    }
    this.date = date;
    this.generator = Documents.forReaders(generator);
    this.warnings = warnings == null ? w -> {} : warnings;
  }

  /** The paper as markup, before layout (for tests and for checking the templates). */
  public String markup(Kind kind, Lang lang, JointInputs in) {
    Map<String, Object> model = JointModel.build(kind.id(), lang, in, date, generatedBy(lang));
    return Citations.shortenRepeats(Templates.render(kind.id() + "." + lang.code(), model), lang);
  }

  /**
   * Renders one paper.
   *
   * @throws DocumentException when a template is broken or the writer fails
   */
  public byte[] render(Kind kind, Lang lang, OutputFormat format, JointInputs in) {
    Doc doc =
        new Doc(kind.title(lang), lang, List.of(notes(kind, lang, in), body(kind, lang, in)), "");
    return switch (format) {
      case DOCX -> DocxWriter.write(doc, date);
      case PDF -> {
        FontChain chain = new FontChain(FontSource.bundled(), FontChain.DEBIAN_FALLBACKS);
        byte[] pdf = PdfWriter.write(doc, chain, date);
        chain.warnings().forEach(w -> warnings.accept(fileName(kind, lang, format) + ": " + w));
        yield pdf;
      }
    };
  }

  /**
   * Writes both papers in each language and both formats into {@code dir} (created 0700 if needed),
   * each file 0600 under a temporary name and moved into place.
   *
   * @return the files written
   * @throws DocumentException when rendering or writing fails
   */
  public List<Path> write(JointInputs in, List<Lang> langs, Path dir) {
    List<Path> out = new ArrayList<>();
    Documents.createPrivateDirectory(dir);
    for (Kind k : Kind.values()) {
      for (Lang lang : langs) {
        for (OutputFormat f : OutputFormat.values()) {
          out.add(Documents.writeFile(dir.resolve(fileName(k, lang, f)), render(k, lang, f, in)));
        }
      }
    }
    return out;
  }

  private Doc.Section body(Kind kind, Lang lang, JointInputs in) {
    return new Doc.Section(true, Markup.parse(markup(kind, lang, in)));
  }

  /**
   * The notes page before the paper, as a single case's filings have (removed before filing): the
   * generated-by line with the version, that this is information, and what is to be filled in.
   */
  private Doc.Section notes(Kind kind, Lang lang, JointInputs in) {
    Words w = new Words(lang);
    List<String> placeholders = new ArrayList<>();
    Matcher m = Doc.PLACEHOLDER.matcher(markup(kind, lang, in));
    while (m.find()) {
      if (!placeholders.contains(m.group())) {
        placeholders.add(m.group());
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", kind.title(lang));
    model.put("footer", generatedBy(lang) + " · " + w.date(date));
    model.put("joint", true);
    model.put("placeholders", placeholders);
    model.put("has_placeholders", !placeholders.isEmpty());
    model.put("has_secondary", false);
    return new Doc.Section(false, Markup.parse(Templates.render("_notes_" + lang.code(), model)));
  }

  /** The file name of a paper: {@code joint-police-report.zh.pdf}. */
  public static String fileName(Kind kind, Lang lang, OutputFormat format) {
    return kind.id() + "." + lang.code() + "." + format.extension();
  }

  private String generatedBy(Lang lang) {
    return new Words(lang).say("generated_by", "generator", generator);
  }
}
