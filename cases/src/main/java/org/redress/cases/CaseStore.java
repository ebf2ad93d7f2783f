package org.redress.cases;

import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * The workspace's cases in its database: one row per case (its name and its bank), every version of
 * its records (facts, parties: opaque sealed bytes, this module never sees a key), its consents per
 * scope (versioned: given, withdrawn) and the files it holds. Nothing is ever overwritten: a change
 * adds a version with its time and author.
 */
public final class CaseStore {
  /** A case name: lower-case letters, digits and dashes, at most 40 characters. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  private final Workspace ws;

  CaseStore(Workspace ws) {
    this.ws = ws;
  }

  /** One case. */
  public record CaseRow(String name, String bank, Instant created, String createdBy) {}

  /** One version of a record of a case; {@code sealed} is copied in and out. */
  public record Version(
      String kind, int version, Instant at, String author, String note, byte[] sealed) {
    /** Copies the bytes. */
    public Version {
      sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
      return sealed.clone();
    }
  }

  /** One version of a consent: given or withdrawn for a scope, when and by whom. */
  public record Consent(String scope, int version, boolean granted, Instant at, String author) {}

  /** A file a case holds, its path relative to the workspace. */
  public record Artifact(String kind, String path, String label, Instant at, String author) {}

  /** A case name that does not exist; a front end says where to find the names. */
  public static final class UnknownCase extends CasesException {
    private static final long serialVersionUID = 1L;

    /** The message names the case. */
    public UnknownCase(String name) {
      super(Reason.OTHER, "no such case: " + name, null, name);
    }
  }

  /**
   * Checks a case name.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "case name must be lower-case letters, digits and dashes (at most 40), was "
              + (name == null ? "null" : "\"" + name + "\""));
    }
    return name;
  }

  /**
   * Creates a case; empty when one of that name exists.
   *
   * @throws IllegalArgumentException for a bad name or a blank bank
   */
  public Optional<CaseRow> create(String name, String bank, String author) {
    checkName(name);
    if (bank == null || bank.isBlank()) {
      throw new IllegalArgumentException("a case needs a bank name");
    }
    return ws.tx(
        "create case " + name,
        h -> {
          if (find(h, name).isPresent()) {
            return Optional.empty();
          }
          insert(
              h,
              "case_file (name, bank, created_at, created_by)",
              name,
              bank,
              ws.clock().millis(),
              by(author));
          return find(h, name);
        });
  }

  /** Every case, newest first. */
  public List<CaseRow> list() {
    return ws.tx(
        "list cases",
        h ->
            h
                .createQuery("SELECT name, bank, created_at, created_by FROM case_file")
                .map(
                    (rs, ctx) ->
                        new CaseRow(
                            rs.getString(1),
                            rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4)))
                .list()
                .stream()
                .sorted(
                    Comparator.comparing(CaseRow::created).reversed().thenComparing(CaseRow::name))
                .toList());
  }

  /** The case of that name, if any (a malformed name names none). */
  public Optional<CaseRow> get(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return ws.tx("read case " + name, h -> find(h, name));
  }

  /**
   * Adds the next version of a record.
   *
   * @throws UnknownCase when there is no such case
   */
  public Version addVersion(String name, String kind, byte[] sealed, String author, String note) {
    checkKind(kind);
    Objects.requireNonNull(sealed, "sealed");
    return ws.tx(
        "store " + kind + " of case " + name,
        h -> {
          long id = id(h, name);
          int next = nextVersion(h, "case_record", "kind", id, kind);
          Version v =
              new Version(
                  kind,
                  next,
                  Instant.ofEpochMilli(ws.clock().millis()),
                  by(author),
                  note == null ? "" : note,
                  sealed);
          insert(
              h,
              "case_record (case_id, kind, version, created_at, author, note, sealed)",
              id,
              kind,
              next,
              v.at().toEpochMilli(),
              v.author(),
              v.note(),
              Base64.getEncoder().encodeToString(sealed));
          return v;
        });
  }

  /**
   * Every version of a record, oldest first.
   *
   * @throws UnknownCase when there is no such case
   */
  public List<Version> versions(String name, String kind) {
    checkKind(kind);
    return rows(
        "read " + kind + " of case " + name,
        name,
        "SELECT version, created_at, author, note, sealed FROM case_record"
            + " WHERE case_id = :c AND kind = :k ORDER BY version",
        kind,
        (rs, ctx) ->
            new Version(
                kind,
                rs.getInt(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3),
                rs.getString(4),
                Base64.getDecoder().decode(rs.getString(5))));
  }

  /** The latest version of a record, if any. */
  public Optional<Version> latest(String name, String kind) {
    List<Version> all = versions(name, kind);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * Records that consent for {@code scope} is given or withdrawn (a new version).
   *
   * @throws UnknownCase when there is no such case
   */
  public Consent consent(String name, String scope, boolean granted, String author) {
    checkKind(scope);
    return ws.tx(
        "record consent of case " + name,
        h -> {
          long id = id(h, name);
          int next = nextVersion(h, "case_consent", "scope", id, scope);
          Consent c =
              new Consent(
                  scope, next, granted, Instant.ofEpochMilli(ws.clock().millis()), by(author));
          insert(
              h,
              "case_consent (case_id, scope, version, granted, created_at, author)",
              id,
              scope,
              next,
              granted ? 1 : 0,
              c.at().toEpochMilli(),
              c.author());
          return c;
        });
  }

  /**
   * Every version of the consent for {@code scope}, oldest first (empty: never asked).
   *
   * @throws UnknownCase when there is no such case
   */
  public List<Consent> consents(String name, String scope) {
    checkKind(scope);
    return rows(
        "read consent of case " + name,
        name,
        "SELECT version, granted, created_at, author FROM case_consent"
            + " WHERE case_id = :c AND scope = :k ORDER BY version",
        scope,
        (rs, ctx) ->
            new Consent(
                scope,
                rs.getInt(1),
                rs.getInt(2) != 0,
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4)));
  }

  /**
   * Records a file the case holds.
   *
   * @throws UnknownCase when there is no such case
   */
  public Artifact addArtifact(String name, String kind, String path, String label, String author) {
    checkKind(kind);
    return ws.tx(
        "record a file of case " + name,
        h -> {
          Artifact a =
              new Artifact(
                  kind,
                  Objects.requireNonNull(path, "path"),
                  label == null ? "" : label,
                  Instant.ofEpochMilli(ws.clock().millis()),
                  by(author));
          insert(
              h,
              "case_artifact (case_id, kind, path, label, created_at, author)",
              id(h, name),
              kind,
              a.path(),
              a.label(),
              a.at().toEpochMilli(),
              a.author());
          return a;
        });
  }

  /**
   * The files of a kind the case holds, oldest first.
   *
   * @throws UnknownCase when there is no such case
   */
  public List<Artifact> artifacts(String name, String kind) {
    checkKind(kind);
    return rows(
        "list files of case " + name,
        name,
        "SELECT path, label, created_at, author FROM case_artifact"
            + " WHERE case_id = :c AND kind = :k ORDER BY id",
        kind,
        (rs, ctx) ->
            new Artifact(
                kind,
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4)));
  }

  private Optional<CaseRow> find(Handle h, String name) {
    return h.createQuery("SELECT name, bank, created_at, created_by FROM case_file WHERE name = :n")
        .bind("n", name)
        .map(
            (rs, ctx) ->
                new CaseRow(
                    rs.getString(1),
                    rs.getString(2),
                    Instant.ofEpochMilli(rs.getLong(3)),
                    rs.getString(4)))
        .findOne();
  }

  /**
   * The rows of a case that {@code select} reads (its {@code :c} the case's id, its {@code :k} the
   * kind or scope), as {@code row} maps them: what reading records, consents and files share.
   */
  private <T> List<T> rows(
      String verb, String name, String select, String value, RowMapper<T> row) {
    return ws.tx(
        verb, h -> h.createQuery(select).bind("c", id(h, name)).bind("k", value).map(row).list());
  }

  /** The next version number of the case's rows in {@code table} whose {@code column} is value. */
  private static int nextVersion(Handle h, String table, String column, long id, String value) {
    return h.createQuery(
                "SELECT COALESCE(MAX(version), 0) FROM "
                    + table
                    + " WHERE case_id = :c AND "
                    + column
                    + " = :k")
            .bind("c", id)
            .bind("k", value)
            .mapTo(Integer.class)
            .one()
        + 1;
  }

  /** Inserts one row: {@code into} names the table and its columns, then their values in order. */
  private static void insert(Handle h, String into, Object... values) {
    Update u =
        h.createUpdate(
            "INSERT INTO "
                + into
                + " VALUES ("
                + String.join(", ", Collections.nCopies(values.length, "?"))
                + ")");
    for (int i = 0; i < values.length; i++) {
      u.bind(i, values[i]);
    }
    u.execute();
  }

  private static long id(Handle h, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UnknownCase(String.valueOf(name));
    }
    return h.createQuery("SELECT id FROM case_file WHERE name = :n")
        .bind("n", name)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new UnknownCase(name));
  }

  private static void checkKind(String kind) {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("bad record kind \"" + kind + "\"");
    }
  }

  private String by(String author) {
    return author == null || author.isBlank() ? ws.user() : author;
  }
}
