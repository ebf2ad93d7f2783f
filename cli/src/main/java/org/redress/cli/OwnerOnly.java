package org.redress.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Keeps what Redress writes owner-only (docs/security.md "Workspace permissions"): the one place
 * that does it for every command, so a new writer gets it without doing anything.
 *
 * <p>Around each command {@link Main} calls {@link #before} and {@link #after}. Before: the
 * workspace folder, if it exists, is made 0700, so nothing inside can be read by others while the
 * command writes. After: every folder in the workspace becomes 0700 and every file 0600 (the
 * database and its journals, scans, cases, reports, packages, documents, bank exports, demo
 * outputs), and so does every file or folder the command wrote at an output path outside it (an
 * option named {@code --out}, {@code --output} or {@code --publish}, or a parameter labelled {@code
 * OUT...}). Symbolic links are not followed. The {@code redress} launcher also sets umask 077, so a
 * real run creates everything owner-only from the first byte.
 */
final class OwnerOnly {
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static final Set<String> OUTPUT_OPTIONS = Set.of("--out", "--output", "--publish");

  private final List<Path> workspaces;
  private final Map<Path, Boolean> outputsExisted;
  private final FileTime started;

  private OwnerOnly(List<Path> workspaces, Map<Path, Boolean> outputs, FileTime started) {
    this.workspaces = workspaces;
    this.outputsExisted = outputs;
    this.started = started;
  }

  /** Notes the command's workspace and outputs and closes the workspace folder to others. */
  static OwnerOnly before(ParseResult parsed) {
    List<Path> ws = new ArrayList<>();
    Map<Path, Boolean> outs = new LinkedHashMap<>();
    for (CommandLine cl : parsed.asCommandLineList()) {
      findWorkspaces(cl.getCommandSpec(), ws);
      ParseResult pr = cl.getParseResult();
      if (pr == null) {
        continue;
      }
      List<ArgSpec> args = new ArrayList<>(pr.matchedOptions());
      args.addAll(pr.matchedPositionals());
      for (ArgSpec a : args) {
        if (isOutput(a)) {
          for (Path p : paths(a.getValue())) {
            Path abs = p.toAbsolutePath().normalize();
            outs.put(abs, Files.exists(abs, LinkOption.NOFOLLOW_LINKS));
          }
        }
      }
    }
    // File times have coarse granularity on some file systems: allow two seconds.
    FileTime t = FileTime.fromMillis(System.currentTimeMillis() - 2000);
    OwnerOnly o = new OwnerOnly(ws, outs, t);
    for (Path w : ws) {
      tighten(w);
    }
    return o;
  }

  /** Makes everything in the workspace, and everything the command wrote, owner-only. */
  void after() {
    for (Path w : workspaces) {
      tightenTree(w, null);
    }
    for (Map.Entry<Path, Boolean> e : outputsExisted.entrySet()) {
      // A path the command created is tightened whole; in one that existed, what it wrote.
      tightenTree(e.getKey(), e.getValue() ? started : null);
    }
  }

  private static void findWorkspaces(CommandSpec spec, List<Path> out) {
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof WorkspaceOption w) {
        Path d = w.dir();
        if (!out.contains(d)) {
          out.add(d);
        }
      }
      findWorkspaces(mixin, out);
    }
  }

  private static boolean isOutput(ArgSpec a) {
    if (a instanceof CommandLine.Model.OptionSpec o) {
      for (String n : o.names()) {
        if (OUTPUT_OPTIONS.contains(n)) {
          return true;
        }
      }
    }
    return a.paramLabel() != null && a.paramLabel().startsWith("OUT");
  }

  private static List<Path> paths(Object value) {
    List<Path> out = new ArrayList<>();
    if (value instanceof Path p) {
      out.add(p);
    } else if (value instanceof Iterable<?> it) {
      for (Object o : it) {
        if (o instanceof Path p) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * Removes group and other permissions from {@code root} and everything below it (links are not
   * followed); with {@code since}, only from entries modified since then, and never from {@code
   * root} itself. A missing path or one that cannot be changed (a read-only file system) is left.
   */
  static void tightenTree(Path root, FileTime since) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.forEach(
          p -> {
            if (since == null || !p.equals(root)) {
              tighten(p, since);
            }
          });
    } catch (IOException | UncheckedIOException ex) {
      // a folder vanished or cannot be read while walking: what was reached is tightened
    }
  }

  private static void tighten(Path p) {
    tighten(p, null);
  }

  private static void tighten(Path p, FileTime since) {
    try {
      PosixFileAttributes a =
          Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink() || since != null && a.lastModifiedTime().compareTo(since) < 0) {
        return;
      }
      Set<PosixFilePermission> perms = a.permissions();
      if (perms.removeAll(OTHERS)) {
        Files.setPosixFilePermissions(p, perms);
      }
    } catch (UnsupportedOperationException | IOException ex) {
      // not a POSIX file system, gone, or read-only: nothing to do here
    }
  }
}
