package org.redress.spark;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes the cache's {@link HashRow}s and the results' {@link ResultRow}s as Parquet files from a
 * task, with the Parquet schema Spark itself writes for these beans (and Spark's schema in the
 * footer), so that {@code spark.read().parquet(…)} reads them as it reads its own. Written here
 * rather than through a Dataset: a Spark SQL write costs a query plan, generated code and its
 * compilation on the driver, which at 20,000 files was about a third of the job's fixed cost.
 *
 * <p>A file is written under a name Spark skips ({@code .NAME.tmp}) and renamed when complete, so a
 * killed task never leaves a broken file in the cache.
 */
final class ParquetRows {
  static final MessageType HASHES =
      MessageTypeParser.parseMessageType(
          "message spark_schema {\n"
              + "  required int64 attempt;\n"
              + "  optional binary dihedral (STRING);\n"
              + "  optional binary error (STRING);\n"
              + "  optional binary kind (STRING);\n"
              + "  optional binary md5 (STRING);\n"
              + "  optional binary path (STRING);\n"
              + "  optional binary pdq (STRING);\n"
              + "  optional int32 quality;\n"
              + "  optional binary sha256 (STRING);\n"
              + "  required int64 size;\n"
              + "  optional binary source (STRING);\n"
              + "  required int64 sourceMtime;\n"
              + "  required int64 sourceSize;\n"
              + "  optional binary vpdq (STRING);\n"
              + "}");

  private static final String MATCH =
      "    repeated group list {\n"
          + "      optional group element {\n"
          + "        optional int64 allowId;\n"
          + "        optional binary allowLabel (STRING);\n"
          + "        optional binary bank (STRING);\n"
          + "        optional double comparedPercent;\n"
          + "        required int32 distance;\n"
          + "        required int64 item;\n"
          + "        optional binary label (STRING);\n"
          + "        optional double queryPercent;\n"
          + "        optional binary signal (STRING);\n"
          + "        optional binary transform (STRING);\n"
          + "      }\n"
          + "    }\n";

  static final MessageType RESULTS =
      MessageTypeParser.parseMessageType(
          "message spark_schema {\n"
              + "  optional binary error (STRING);\n"
              + "  optional binary kind (STRING);\n"
              + "  optional group matches (LIST) {\n"
              + MATCH
              + "  }\n"
              + "  optional binary md5 (STRING);\n"
              + "  optional binary path (STRING);\n"
              + "  optional binary pdq (STRING);\n"
              + "  optional binary sha256 (STRING);\n"
              + "  required int64 size;\n"
              + "  optional binary source (STRING);\n"
              + "  optional group suppressed (LIST) {\n"
              + MATCH
              + "  }\n"
              + "  optional group warnings (LIST) {\n"
              + "    repeated group list {\n"
              + "      optional binary element (STRING);\n"
              + "    }\n"
              + "  }\n"
              + "}");

  /** The footer key under which Spark keeps a file's Spark schema (as JSON). */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  private ParquetRows() {}

  /** Writes {@code rows} to the Parquet file {@code file}, replacing it. */
  static void writeHashes(Path file, List<HashRow> rows, String sparkSchema, Configuration conf)
      throws IOException {
    SimpleGroupFactory g = new SimpleGroupFactory(HASHES);
    write(
        file,
        HASHES,
        sparkSchema,
        conf,
        w -> {
          for (HashRow r : rows) {
            Group x = g.newGroup();
            x.add("attempt", r.getAttempt());
            str(x, "dihedral", r.getDihedral());
            str(x, "error", r.getError());
            str(x, "kind", r.getKind());
            str(x, "md5", r.getMd5());
            str(x, "path", r.getPath());
            str(x, "pdq", r.getPdq());
            if (r.getQuality() != null) {
              x.add("quality", r.getQuality().intValue());
            }
            str(x, "sha256", r.getSha256());
            x.add("size", r.getSize());
            str(x, "source", r.getSource());
            x.add("sourceMtime", r.getSourceMtime());
            x.add("sourceSize", r.getSourceSize());
            str(x, "vpdq", r.getVpdq());
            w.write(x);
          }
        });
  }

  /** Writes {@code rows} (without their JSON line) to the Parquet file {@code file}. */
  static void writeResults(Path file, List<ResultRow> rows, String sparkSchema, Configuration conf)
      throws IOException {
    SimpleGroupFactory g = new SimpleGroupFactory(RESULTS);
    write(
        file,
        RESULTS,
        sparkSchema,
        conf,
        w -> {
          for (ResultRow r : rows) {
            Group x = g.newGroup();
            str(x, "error", r.getError());
            str(x, "kind", r.getKind());
            matches(x.addGroup("matches"), r.getMatches());
            str(x, "md5", r.getMd5());
            str(x, "path", r.getPath());
            str(x, "pdq", r.getPdq());
            str(x, "sha256", r.getSha256());
            x.add("size", r.getSize());
            str(x, "source", r.getSource());
            matches(x.addGroup("suppressed"), r.getSuppressed());
            Group ws = x.addGroup("warnings");
            for (String w1 : r.getWarnings()) {
              str(ws.addGroup("list"), "element", w1);
            }
            w.write(x);
          }
        });
  }

  private static void matches(Group list, List<MatchRow> ms) {
    for (MatchRow m : ms) {
      Group e = list.addGroup("list").addGroup("element");
      if (m.getAllowId() != null) {
        e.add("allowId", m.getAllowId().longValue());
      }
      str(e, "allowLabel", m.getAllowLabel());
      str(e, "bank", m.getBank());
      if (m.getComparedPercent() != null) {
        e.add("comparedPercent", m.getComparedPercent().doubleValue());
      }
      e.add("distance", m.getDistance());
      e.add("item", m.getItem());
      str(e, "label", m.getLabel());
      if (m.getQueryPercent() != null) {
        e.add("queryPercent", m.getQueryPercent().doubleValue());
      }
      str(e, "signal", m.getSignal());
      str(e, "transform", m.getTransform());
    }
  }

  private static void str(Group g, String field, String v) {
    if (v != null) {
      g.add(field, v);
    }
  }

  private interface Rows {
    void writeTo(ParquetWriter<Group> w) throws IOException;
  }

  private static void write(
      Path file, MessageType type, String sparkSchema, Configuration conf, Rows rows)
      throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(HadoopOutputFile.fromPath(tmp, conf))
            .withConf(conf)
            .withType(type)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withExtraMetaData(Map.of(SPARK_SCHEMA_KEY, sparkSchema))
            .build()) {
      rows.writeTo(w);
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("failed to rename " + tmp + " to " + file);
    }
  }
}
