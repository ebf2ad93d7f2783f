package org.redress.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.phash.Dihedral;
import org.redress.phash.Pdq;
import org.redress.testing.Vectors;

/**
 * Every file the C++ reference hashed ({@code pdq/expected/cpp-reference*.tsv}) hashed by {@link
 * MediaHasher} with {@link Orientation#IGNORE}: bit-identical, or exactly the distances {@code
 * reference-exceptions.tsv} records for the documented exceptions.
 */
class MediaReferenceTest {
  private static final MediaHasher HASHER =
      MediaHasher.builder().orientation(Orientation.IGNORE).dihedral(true).build();

  static Stream<Arguments> dihedralRows() {
    return rows("expected/cpp-reference-dihedral.tsv").stream()
        .map(r -> Arguments.of(r[0], (Object) r));
  }

  static Stream<String[]> plainRows() {
    return rows("expected/cpp-reference.tsv").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainRows")
  void hash_referenceFile_matchesReferenceOrRecordedException(String file, String hex, String q)
      throws MediaException {
    MediaHash h = MediaHasher.builder().orientation(Orientation.IGNORE).build().hash(path(file));
    int[] expected = exceptions().getOrDefault(file, new int[8]);
    assertThat(h.kind()).isEqualTo(MediaKind.IMAGE);
    assertThat(h.dihedral()).isNull();
    assertThat(h.pdq().pdq().distance(Pdq.parse(hex))).as(file).isEqualTo(expected[0]);
    assertThat(h.pdq().quality()).as(file).isEqualTo(Integer.parseInt(q));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dihedralRows")
  void hashDihedral_referenceFile_allEightMatchReferenceOrRecordedException(
      String file, String[] row) throws MediaException {
    MediaHash h = HASHER.hash(path(file));
    int[] expected = exceptions().getOrDefault(file, new int[8]);
    assertThat(h.pdq().quality()).as(file).isEqualTo(Integer.parseInt(row[1]));
    assertThat(h.pdq().pdq()).isEqualTo(h.dihedral().get(Dihedral.ORIGINAL));
    for (Dihedral d : Dihedral.values()) {
      assertThat(h.dihedral().get(d).distance(Pdq.parse(row[2 + d.ordinal()])))
          .as(file + " " + d.referenceName())
          .isEqualTo(expected[d.ordinal()]);
    }
  }

  @Test
  void exceptions_everyListedFile_isInTheReferenceList() {
    List<String> files = new ArrayList<>();
    for (String[] r : rows("expected/cpp-reference.tsv")) {
      files.add(r[0]);
    }
    assertThat(files).hasSize(49).containsAll(exceptions().keySet());
    assertThat(exceptions()).hasSize(5);
  }

  private static Path path(String file) {
    return Vectors.pdq().resolve(file);
  }

  private static List<String[]> rows(String tsv) {
    try {
      List<String> lines = Files.readAllLines(Vectors.pdq().resolve(tsv), StandardCharsets.UTF_8);
      List<String[]> out = new ArrayList<>();
      for (String l : lines.subList(1, lines.size())) {
        out.add(l.split("\t"));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, int[]> exceptions() {
    Map<String, int[]> m = new LinkedHashMap<>();
    try (InputStream in =
        MediaReferenceTest.class.getResourceAsStream("/reference-exceptions.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        String[] d = f[1].split(",");
        int[] dist = new int[8];
        for (int i = 0; i < 8; i++) {
          dist[i] = Integer.parseInt(d[i]);
        }
        m.put(f[0], dist);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
