package org.redress.web.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The workspace's cases, one folder each under {@code cases/}: {@code case.json} holds the id, when
 * it was opened and the name of her bank. Nothing personal is stored here (no name, no facts);
 * scans and their reports sit beside it in {@code scans/}.
 *
 * <p>A stand-in until the spine's {@code casework} layer owns cases (issue 11); the web then calls
 * that instead.
 */
public final class CaseStore {
  /** A case id: lower-case letters, digits and dashes. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /** The case the demo builds ({@code redress demo}). */
  public static final String DEMO = "demo";

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final Clock clock;

  /** The store of {@code workspace}. */
  public CaseStore(Path workspace, Clock clock) {
    this.root = workspace.resolve("cases");
    this.clock = clock;
  }

  /** One case. */
  public record CaseInfo(String id, Instant created, String bank) {
    /** The day it was opened, in Beijing time. */
    public String createdDate() {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(created.atZone(BEIJING));
    }
  }

  /** Every case, newest first. */
  public List<CaseInfo> list() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<CaseInfo> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path dir : (Iterable<Path>) s::iterator) {
        String id = dir.getFileName().toString();
        if (ID.matcher(id).matches()) {
          read(id).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to list cases in " + root, e);
    }
    out.sort(Comparator.comparing(CaseInfo::created).reversed().thenComparing(CaseInfo::id));
    return out;
  }

  /** The case {@code id}, if it exists (a malformed id does not). */
  public Optional<CaseInfo> get(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return read(id);
  }

  /** The folder of case {@code id}. */
  public Path dir(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad case id \"" + id + "\"");
    }
    return root.resolve(id);
  }

  /** Opens a new case, named by today's date in Beijing and a number: {@code 20261206-1}. */
  public CaseInfo create() {
    String day = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock.withZone(BEIJING)));
    for (int n = 1; n < 10_000; n++) {
      String id = day + "-" + n;
      Optional<CaseInfo> made = create(id, "case-" + id);
      if (made.isPresent()) {
        return made.get();
      }
    }
    throw new IllegalStateException("more than 9999 cases opened on " + day);
  }

  /**
   * Creates case {@code id} with bank {@code bank}; empty when it exists already.
   *
   * @throws IllegalArgumentException for a malformed id
   */
  public Optional<CaseInfo> create(String id, String bank) {
    Path dir = dir(id);
    try {
      Files.createDirectories(root);
      try {
        Files.createDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        return Optional.empty();
      }
      CaseInfo c = new CaseInfo(id, clock.instant(), bank);
      ObjectNode n = JSON.createObjectNode();
      n.put("schema", "redress/web-case@1");
      n.put("id", id);
      n.put("created_at", c.created().toString());
      n.put("bank", bank);
      write(dir.resolve("case.json"), n.toPrettyString() + "\n");
      return Optional.of(c);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to create case " + id, e);
    }
  }

  private Optional<CaseInfo> read(String id) {
    Path f = root.resolve(id).resolve("case.json");
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
      return Optional.of(
          new CaseInfo(id, Instant.parse(n.path("created_at").asText()), n.path("bank").asText()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          String.format(Locale.ROOT, "failed to read %s: %s", f, e.getMessage()), e);
    }
  }

  /** Writes {@code text} to a temporary file and moves it into place. */
  static void write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
