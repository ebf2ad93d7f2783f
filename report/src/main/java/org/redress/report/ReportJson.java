package org.redress.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of the spread report's JSON. Writing streams (the report is never held
 * as text); reading is strict: an unknown key, a missing key, a value of the wrong type or a second
 * copy of a key is refused with its JSON path, so every command that reads a report accepts or
 * refuses the same file with the same message.
 */
public final class ReportJson {
  private static final Set<String> FACT_GROUPS = Set.of("conduct", "distribution", "trade");

  private static final ObjectMapper MAPPER = mapper();

  /**
   * The largest report file read: 1 GiB, far above a scan of a million matched posts (about 500
   * bytes each), and below what a machine with a few GiB of heap can parse.
   */
  public static final long MAX_BYTES = 1L << 30;

  private ReportJson() {}

  private static ObjectMapper mapper() {
    SimpleModule m = new SimpleModule("redress-report");
    m.addSerializer(Instant.class, new ToText<>());
    m.addSerializer(LocalDate.class, new ToText<>());
    m.addDeserializer(Instant.class, new InstantReader());
    m.addDeserializer(LocalDate.class, new DateReader());
    m.addSerializer(CaseFactsFragment.class, new FactsWriter());
    m.addDeserializer(CaseFactsFragment.class, new FactsReader());
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(m)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
  }

  /**
   * Writes the report to a file: to a temporary file beside it, then moved into place.
   *
   * @throws ReportException when it cannot be written
   */
  public static void write(SpreadReport report, Path out) throws ReportException {
    Files2.replace(out, os -> write(report, os));
  }

  /** Writes the report as indented UTF-8 JSON ending with a newline; does not close the stream. */
  public static void write(SpreadReport report, OutputStream out) throws IOException {
    OutputStream o = new BufferedOutputStream(new NonClosing(out), 64 * 1024);
    MAPPER.writeValue(o, report);
    o.write('\n');
    o.flush();
  }

  /** Writes the report as indented JSON ending with a newline; does not close the writer. */
  public static void write(SpreadReport report, java.io.Writer out) throws IOException {
    MAPPER
        .writer()
        .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, report);
    out.write('\n');
    out.flush();
  }

  /**
   * Reads a report file.
   *
   * @throws ReportException naming the file, the JSON path and what is wrong
   */
  public static SpreadReport read(Path file) throws ReportException {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new ReportException.NotARegularFile(file);
    }
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ReportException.TooLarge(file, size, MAX_BYTES);
      }
    } catch (NoSuchFileException e) {
      throw new ReportException(file + ": no such file", e);
    } catch (IOException e) {
      throw new ReportException("failed to read " + file + ": " + e.getMessage(), e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new ReportException(file + ": no such file", e);
    } catch (IOException e) {
      throw new ReportException("failed to read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a report from a stream ({@code name} is used in messages).
   *
   * @throws ReportException naming the JSON path and what is wrong
   */
  public static SpreadReport read(InputStream in, String name) throws ReportException {
    try {
      SpreadReport r = MAPPER.readValue(in, SpreadReport.class);
      if (r == null) {
        throw new ReportException(name + ": not a spread report (empty)", null);
      }
      return r;
    } catch (JsonMappingException e) {
      throw new ReportException(name + ": " + describe(e), e);
    } catch (JsonProcessingException e) {
      throw new ReportException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ReportException("failed to read " + name + ": " + e.getMessage(), e);
    }
  }

  /** The report as text (tests, small reports). */
  public static String toText(SpreadReport report) {
    var bytes = new java.io.ByteArrayOutputStream();
    try {
      write(report, bytes);
    } catch (IOException e) {
      throw new IllegalStateException("failed to write the report: " + e.getMessage(), e);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The facts fragment as a standalone facts file ({@code redress/case-facts@1}). */
  public static String factsText(CaseFactsFragment facts) {
    try {
      return MAPPER.writeValueAsString(facts) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write the facts: " + e.getMessage(), e);
    }
  }

  private static String describe(JsonMappingException e) {
    String path = path(e);
    Throwable cause =
        e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : e;
    @Nullable String what;
    if (e instanceof UnrecognizedPropertyException u) {
      what = "unknown key \"" + u.getPropertyName() + "\"";
      path =
          path.endsWith("." + u.getPropertyName())
              ? path.substring(0, path.length() - u.getPropertyName().length() - 1)
              : path;
      return what + (path.isEmpty() ? "" : " in " + path);
    }
    what = cause == e ? e.getOriginalMessage() : cause.getMessage();
    if (what != null && what.startsWith("Missing creator property '")) {
      String key = what.substring(26, what.indexOf('\'', 26));
      path =
          path.endsWith("." + key)
              ? path.substring(0, path.length() - key.length() - 1)
              : path.equals(key) ? "" : path;
      return "missing key \"" + key + "\"" + (path.isEmpty() ? "" : " in " + path);
    }
    if (what != null && what.indexOf('\n') >= 0) {
      what = what.substring(0, what.indexOf('\n'));
    }
    return (path.isEmpty() ? "" : "at " + path + ": ") + (what == null ? "not valid" : what);
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static final class ToText<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeString(value.toString());
    }
  }

  private static final class InstantReader extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
      String s = p.getValueAsString();
      if (s == null || !p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
        throw JsonMappingException.from(p, "must be an ISO-8601 instant text");
      }
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw JsonMappingException.from(p, "not an ISO-8601 instant: \"" + s + "\"");
      }
    }
  }

  private static final class DateReader extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
      String s = p.getValueAsString();
      if (s == null || !p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
        throw JsonMappingException.from(p, "must be a date text (YYYY-MM-DD)");
      }
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw JsonMappingException.from(p, "not a date (YYYY-MM-DD): \"" + s + "\"");
      }
    }
  }

  private static final class FactsWriter extends JsonSerializer<CaseFactsFragment> {
    @Override
    public void serialize(CaseFactsFragment f, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeStringField("schema", CaseFactsFragment.CASE_FACTS);
      if (f.firstAct() != null || f.lastAct() != null) {
        g.writeObjectFieldStart("conduct");
        if (f.firstAct() != null) {
          g.writeStringField("first_act", f.firstAct().toString());
        }
        if (f.lastAct() != null) {
          g.writeStringField("last_act", f.lastAct().toString());
        }
        g.writeEndObject();
      }
      if (f.shared() != null
          || f.online() != null
          || f.images() != null
          || f.videos() != null
          || f.clicks() != null
          || f.members() != null) {
        g.writeObjectFieldStart("distribution");
        if (f.shared() != null) {
          g.writeBooleanField("shared", f.shared());
        }
        if (f.online() != null) {
          g.writeBooleanField("online", f.online());
        }
        if (f.images() != null || f.videos() != null || f.clicks() != null) {
          g.writeObjectFieldStart("counts");
          if (f.images() != null) {
            g.writeNumberField("images", f.images());
          }
          if (f.videos() != null) {
            g.writeNumberField("videos", f.videos());
          }
          if (f.clicks() != null) {
            g.writeNumberField("clicks", f.clicks());
          }
          g.writeEndObject();
        }
        if (f.members() != null) {
          g.writeObjectFieldStart("group");
          g.writeNumberField("members", f.members());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      if (f.adPosts() != null) {
        g.writeObjectFieldStart("trade");
        g.writeNumberField("ad_posts", f.adPosts());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  /** Reads the facts fragment strictly: only the keys a report may show. */
  private static final class FactsReader extends JsonDeserializer<CaseFactsFragment> {
    @Override
    public CaseFactsFragment deserialize(JsonParser p, DeserializationContext c)
        throws IOException {
      JsonNode n = c.readTree(p);
      if (n == null || !n.isObject()) {
        throw JsonMappingException.from(p, "facts must be an object");
      }
      if (!CaseFactsFragment.CASE_FACTS.equals(n.path("schema").asText(null))) {
        throw JsonMappingException.from(p, "facts.schema must be " + CaseFactsFragment.CASE_FACTS);
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!k.equals("schema") && !FACT_GROUPS.contains(k)) {
          throw JsonMappingException.from(p, "unknown key \"facts." + k + "\"");
        }
      }
      only(p, n.path("conduct"), "conduct", Set.of("first_act", "last_act"));
      only(
          p, n.path("distribution"), "distribution", Set.of("shared", "online", "counts", "group"));
      only(
          p,
          n.path("distribution").path("counts"),
          "distribution.counts",
          Set.of("images", "videos", "clicks"));
      only(p, n.path("distribution").path("group"), "distribution.group", Set.of("members"));
      only(p, n.path("trade"), "trade", Set.of("ad_posts"));
      try {
        return new CaseFactsFragment(
            date(p, n.path("conduct"), "conduct.first_act", "first_act"),
            date(p, n.path("conduct"), "conduct.last_act", "last_act"),
            bool(p, n.path("distribution"), "distribution.shared", "shared"),
            bool(p, n.path("distribution"), "distribution.online", "online"),
            count(p, n.path("distribution").path("counts"), "distribution.counts.images", "images"),
            count(p, n.path("distribution").path("counts"), "distribution.counts.videos", "videos"),
            count(p, n.path("trade"), "trade.ad_posts", "ad_posts"),
            count(p, n.path("distribution").path("counts"), "distribution.counts.clicks", "clicks"),
            count(
                p, n.path("distribution").path("group"), "distribution.group.members", "members"));
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, "facts: " + e.getMessage());
      }
    }

    private static void only(JsonParser p, JsonNode n, String where, Set<String> keys)
        throws JsonMappingException {
      if (n.isMissingNode()) {
        return;
      }
      if (!n.isObject()) {
        throw JsonMappingException.from(p, "facts." + where + " must be an object");
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!keys.contains(e.getKey())) {
          throw JsonMappingException.from(
              p, "unknown key \"facts." + where + "." + e.getKey() + "\"");
        }
      }
    }

    private static @Nullable LocalDate date(JsonParser p, JsonNode o, String key, String field)
        throws JsonMappingException {
      JsonNode v = o.get(field);
      if (v == null) {
        return null;
      }
      try {
        if (v.isTextual()) {
          return LocalDate.parse(v.asText());
        }
      } catch (DateTimeParseException e) {
        // below
      }
      throw JsonMappingException.from(p, "facts." + key + " must be a date (YYYY-MM-DD), was " + v);
    }

    private static @Nullable Boolean bool(JsonParser p, JsonNode o, String key, String field)
        throws JsonMappingException {
      JsonNode v = o.get(field);
      if (v == null) {
        return null;
      }
      if (!v.isBoolean()) {
        throw JsonMappingException.from(p, "facts." + key + " must be true or false, was " + v);
      }
      return v.asBoolean();
    }

    private static @Nullable Long count(JsonParser p, JsonNode o, String key, String field)
        throws JsonMappingException {
      JsonNode v = o.get(field);
      if (v == null) {
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        throw JsonMappingException.from(p, "facts." + key + " must be a whole number, was " + v);
      }
      return v.asLong();
    }
  }

  /** Keeps Jackson from closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  static ObjectNode tree(SpreadReport r) {
    return MAPPER.valueToTree(r);
  }
}
