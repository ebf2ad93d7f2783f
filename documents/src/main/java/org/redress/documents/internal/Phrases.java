package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.redress.documents.DocumentException;
import org.redress.documents.Lang;

/**
 * The words of the papers that a kind's template does not hold itself: the sentences, labels and
 * placeholders the model fills in, one file per language beside the templates ({@code
 * templates/phrases.zh.yaml}, {@code templates/phrases.en.yaml}). Each phrase is a Mustache text
 * over the values the model computes ({@code {{victim}}}, sections for a choice); Java chooses the
 * phrase and computes its values, and holds no prose. Phrases are not escaped here: the result is a
 * value that the kind's template escapes once, like any other.
 */
public final class Phrases {
  private static final Map<Lang, Map<String, String>> TEXTS = new EnumMap<>(Lang.class);
  private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();
  private static final DefaultMustacheFactory RAW =
      new DefaultMustacheFactory() {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(value);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private Phrases() {}

  /** Every phrase of a language, by key (for the tests that hold the two files together). */
  public static synchronized Map<String, String> all(Lang lang) {
    return TEXTS.computeIfAbsent(lang, Phrases::load);
  }

  /** The keys of a language's file. */
  public static Set<String> keys(Lang lang) {
    return all(lang).keySet();
  }

  /**
   * A phrase filled with values given as name, value pairs.
   *
   * @throws DocumentException when the phrase is missing (a bug: the files are held together by a
   *     test)
   */
  public static String say(Lang lang, String key, Object... pairs) {
    String text = all(lang).get(key);
    if (text == null) {
      throw new DocumentException("no phrase " + key + " in " + file(lang));
    }
    if (pairs.length == 0 && !text.contains("{{")) {
      return text;
    }
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("phrase " + key + ": values come in name, value pairs");
    }
    Map<String, Object> scope = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      scope.put((String) pairs[i], pairs[i + 1]);
    }
    Mustache m =
        COMPILED.computeIfAbsent(
            lang.code() + ":" + key, k -> RAW.compile(new StringReader(text), k));
    StringWriter out = new StringWriter();
    m.execute(out, scope);
    return out.toString();
  }

  private static String file(Lang lang) {
    return Templates.ROOT + "/phrases." + lang.code() + ".yaml";
  }

  private static Map<String, String> load(Lang lang) {
    String name = file(lang);
    try (InputStream in = Phrases.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new DocumentException("missing " + name);
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, String> out = new LinkedHashMap<>();
      if (root == null || !root.isObject()) {
        throw new DocumentException(name + ": not a map of phrases");
      }
      for (Map.Entry<String, JsonNode> e : root.properties()) {
        if (!e.getValue().isTextual()) {
          throw new DocumentException(name + ": " + e.getKey() + " must be text");
        }
        out.put(e.getKey(), e.getValue().asText());
      }
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new DocumentException("failed to read " + name + ": " + e.getMessage(), e);
    }
  }
}
