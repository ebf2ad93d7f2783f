package org.redress.dossier;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one reader and writer of {@code redress/dossier@1} JSON ({@code docs/dossiers.md}): the
 * records' components in snake case, instants as ISO-8601 UTC text. Reading is strict: an unknown
 * key or a wrong schema is refused.
 */
public final class DossierJson {
  private static final ObjectMapper MAPPER = mapper();

  private DossierJson() {}

  private static ObjectMapper mapper() {
    SimpleModule m = new SimpleModule("redress-dossier");
    m.addSerializer(
        Instant.class,
        new JsonSerializer<Instant>() {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    m.addDeserializer(
        Instant.class,
        new JsonDeserializer<Instant>() {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
              return Instant.parse(text);
            } catch (DateTimeParseException e) {
              throw ctxt.weirdStringException(text, Instant.class, "not an ISO-8601 instant");
            }
          }
        });
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .addModule(m)
        .build();
  }

  /** Writes the dossier (the stream is left open). */
  public static void write(Dossier dossier, OutputStream out) throws IOException {
    MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, dossier);
  }

  /** The dossier as JSON text. */
  public static String toText(Dossier dossier) {
    try {
      return MAPPER.writeValueAsString(dossier);
    } catch (IOException e) {
      throw new IllegalStateException("a dossier always serialises", e);
    }
  }

  /**
   * Reads a dossier.
   *
   * @throws IOException when it is not JSON, not a dossier, or has unknown keys
   */
  public static Dossier read(InputStream in) throws IOException {
    Dossier d = MAPPER.readValue(in, Dossier.class);
    if (!Dossier.SCHEMA.equals(d.schema())) {
      throw new IOException(
          "not a dossier: schema must be " + Dossier.SCHEMA + ", was " + d.schema());
    }
    return d;
  }
}
