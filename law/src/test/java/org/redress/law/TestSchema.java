package org.redress.law;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The facts vocabulary the law module's own tests use (a copy of an older Chinese schema). */
final class TestSchema {
  static final FactsSchema SCHEMA = FactsSchema.parse(CaseFacts.SCHEMA, read());

  private TestSchema() {}

  static CaseFacts facts(String text) {
    return CaseFacts.parse(text, SCHEMA);
  }

  private static String read() {
    try (InputStream in = TestSchema.class.getResourceAsStream("test-facts-schema.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
