package org.redress.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The legal engine's findings ({@code redress/findings@1}) as documents use them. */
public final class Findings {
  /** The schema identifier the file must declare. */
  public static final String SCHEMA = "redress/findings@1";

  static final Set<String> ROUTES = Set.of("administrative", "civil", "criminal", "other");
  static final Set<String> STATUSES =
      Set.of("applies", "possible", "time_barred", "not_applicable");

  /** One finding: a provision, its route and status, and what it needs. */
  public record Finding(
      String provision,
      String route,
      String status,
      Optional<String> tier,
      List<String> basis,
      Optional<Bilingual> penalty,
      List<String> missing,
      Optional<String> deadlineKind,
      Optional<LocalDate> deadline,
      Optional<Bilingual> authority,
      Optional<Bilingual> explanation) {

    /** Whether the finding supports action: it applies or possibly applies. */
    public boolean actionable() {
      return status.equals("applies") || status.equals("possible");
    }
  }

  private final Path file;
  private final LocalDate asOf;
  private final List<Finding> findings;

  private Findings(Path file, LocalDate asOf, List<Finding> findings) {
    this.file = file;
    this.asOf = asOf;
    this.findings = List.copyOf(findings);
  }

  /**
   * Reads a findings file (JSON as printed by {@code redress assess --json}, or YAML).
   *
   * @throws org.redress.documents.InputException naming the file and the field that is missing or
   *     of the wrong type
   */
  public static Findings read(Path file) {
    Src src = Src.read(file, false);
    src.requireSchema(SCHEMA);
    LocalDate asOf = src.date(src.root(), "", "as_of").orElse(null);
    src.require(src.root(), "", "findings");
    List<Finding> out = new ArrayList<>();
    List<JsonNode> nodes = src.array(src.root(), "", "findings");
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      String base = "findings[" + i + "]";
      if (!n.isObject()) {
        throw src.error(base, "must be a mapping");
      }
      String route = src.requireText(n, base, "route").toLowerCase(Locale.ROOT);
      if (!ROUTES.contains(route)) {
        throw src.error(base + ".route", "must be one of " + ROUTES + ", was \"" + route + "\"");
      }
      String status = src.requireText(n, base, "status").toLowerCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        throw src.error(
            base + ".status", "must be one of " + STATUSES + ", was \"" + status + "\"");
      }
      out.add(
          new Finding(
              src.requireText(n, base, "provision"),
              route,
              status,
              src.text(n, base, "tier"),
              src.texts(n, base, "basis"),
              Bilingual.read(src, n, base, "penalty"),
              src.texts(n, base, "missing"),
              src.text(n, base, "deadline.kind"),
              src.date(n, base, "deadline.date"),
              Bilingual.read(src, n, base, "authority"),
              Bilingual.read(src, n, base, "explanation")));
    }
    return new Findings(file, asOf, out);
  }

  /** The file the findings came from. */
  public Path file() {
    return file;
  }

  /** The date the findings were computed for, if given. */
  public Optional<LocalDate> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** Every finding in file order. */
  public List<Finding> all() {
    return findings;
  }

  /** The applicable or possibly applicable findings of the given routes, in file order. */
  public List<Finding> actionable(String... routes) {
    Set<String> r = Set.of(routes);
    return findings.stream().filter(f -> r.contains(f.route()) && f.actionable()).toList();
  }
}
