package org.redress.lawcn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.law.CaseFacts;
import org.redress.law.FactsSchema;
import org.redress.law.Jurisdiction;
import org.redress.law.LawBook;
import org.redress.law.LawDataException;
import org.redress.law.Text;

/**
 * The Chinese law data shipped with Redress: the YAML files listed in {@code data/index.txt}, one
 * per instrument version, loaded into a {@link LawBook}, with the case-facts vocabulary ({@code
 * case-facts-1.yaml}) and the citation of every provision: the {@link Jurisdiction} {@code assess}
 * and the documents use.
 */
public final class ChineseLaw {
  private static final String DIR = "data/";

  private static volatile LawBook book;
  private static volatile Jurisdiction jurisdiction;

  private ChineseLaw() {}

  /** China as a jurisdiction: the law book, the facts vocabulary and the citation table. */
  public static Jurisdiction jurisdiction() {
    Jurisdiction j = jurisdiction;
    if (j == null) {
      j = new Jurisdiction("cn", new Text("中华人民共和国", "People's Republic of China"), book());
      jurisdiction = j;
    }
    return j;
  }

  private static volatile FactsSchema factsSchema;

  /**
   * The case-facts vocabulary ({@code redress/case-facts@1}) for Chinese law, read once: every
   * facts reader and the interview's re-assessment after each answer use it, and it never changes
   * while the program runs.
   */
  public static FactsSchema factsSchema() {
    FactsSchema f = factsSchema;
    if (f == null) {
      f = FactsSchema.parse(CaseFacts.SCHEMA, read("case-facts-1.yaml"));
      factsSchema = f;
    }
    return f;
  }

  /**
   * The law book, loaded once.
   *
   * @throws LawDataException when the shipped data is malformed (a build error)
   */
  public static LawBook book() {
    LawBook b = book;
    if (b == null) {
      synchronized (ChineseLaw.class) {
        b = book;
        if (b == null) {
          b = LawBook.load(files(), factsSchema());
          book = b;
        }
      }
    }
    return b;
  }

  /** The data files by name, in index order (for tests that check the data itself). */
  public static Map<String, String> files() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : index()) {
      out.put(name, read(DIR + name));
    }
    return out;
  }

  private static List<String> index() {
    List<String> names = new ArrayList<>();
    for (String line : read(DIR + "index.txt").split("\n", -1)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        names.add(s);
      }
    }
    return names;
  }

  private static String read(String resource) {
    try (InputStream in = ChineseLaw.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new LawDataException("law data file missing: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read law data " + resource, e);
    }
  }
}
