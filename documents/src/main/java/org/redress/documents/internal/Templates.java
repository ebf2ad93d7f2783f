package org.redress.documents.internal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import org.redress.documents.DocumentException;

/**
 * Mustache templates under {@code org/redress/documents/templates/}, named {@code
 * <kind>.<lang>.mustache}; partials start with an underscore. Every {@code {{value}}} is passed
 * through {@link Markup#escape}, so input text cannot change the document's structure.
 */
public final class Templates {
  /** Where templates live on the class path. */
  public static final String ROOT = "org/redress/documents/templates";

  private static final DefaultMustacheFactory FACTORY =
      new DefaultMustacheFactory(ROOT) {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(Markup.escape(value));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private Templates() {}

  /**
   * Renders a template to markup.
   *
   * @throws DocumentException when the template is missing or broken
   */
  public static String render(String name, Map<String, Object> model) {
    Mustache m;
    try {
      m = FACTORY.compile(name + ".mustache");
    } catch (MustacheException e) {
      throw new DocumentException("template " + name + ": " + e.getMessage(), e);
    }
    StringWriter w = new StringWriter();
    try {
      m.execute(w, model).flush();
    } catch (IOException | MustacheException e) {
      throw new DocumentException("template " + name + " failed: " + e.getMessage(), e);
    }
    return w.toString();
  }
}
