package org.redress.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redress.cases.DatabaseMove;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code redress workspace ...}: the workspace itself (its database). */
@Command(
    name = "workspace",
    description = "The workspace itself: move its database from SQLite to PostgreSQL.",
    mixinStandardHelpOptions = true,
    subcommands = {WorkspaceCommand.MoveDb.class})
public final class WorkspaceCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing workspace subcommand");
  }

  static String m(String key, Object... args) {
    return Msg.get("workspace", key, args);
  }

  /** {@code redress workspace move-db}: parses, calls {@link DatabaseMove}, presents. */
  @Command(
      name = "move-db",
      mixinStandardHelpOptions = true,
      description = {
        "Move the workspace's database from its SQLite file to an empty PostgreSQL database:",
        "migrate the target, copy every table in one transaction, check row counts and checksums,",
        "then write database.properties (0600) and keep the SQLite file as",
        "redress.db.moved-YYYYMMDD. Until then the SQLite file stays in use; a failure changes",
        "nothing. Refused while 'redress serve' runs on this workspace: stop it first."
      })
  static final class MoveDb implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "URL",
        description = "The target: jdbc:postgresql://HOST:PORT/DATABASE (no password in it).")
    String to;

    @Option(names = "--user", paramLabel = "USER", description = "The database user.")
    String user;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description =
            "Read the database password from the first line of FILE ('-': standard input);"
                + " without it, asked on a terminal, else none.")
    Path passwordFile;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DatabaseMove.Target target;
      try {
        target = new DatabaseMove.Target(to, user, password());
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(
            m(e.getMessage().contains("password") ? "url.password" : "url.bad"));
      }
      DatabaseMove.Result r =
          DatabaseMove.move(
              workspace.dir(),
              target,
              Today.clock(),
              t -> {
                out.println(m("copied", Console.inert(t.name()), t.rows()));
                out.flush();
              });
      out.println(m("checked", r.tables().size(), r.rows()));
      out.println(m("moved", Console.inert(r.target()), r.settings()));
      if (r.renamed()) {
        out.println(m("kept", r.keptSqlite(), r.settings().getFileName()));
      } else {
        out.println(m("not.renamed", r.keptSqlite()));
      }
      return ExitCodes.OK;
    }

    /** The password from the file, standard input or the terminal; null for none. */
    private String password() {
      try {
        if (passwordFile != null && passwordFile.toString().equals("-")) {
          BufferedReader in =
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          return firstLine(in.readLine());
        }
        if (passwordFile != null) {
          try (BufferedReader in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
            return firstLine(in.readLine());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      java.io.Console c = System.console();
      if (c == null) {
        return null;
      }
      char[] pw = c.readPassword("%s", m("password.prompt"));
      return pw == null || pw.length == 0 ? null : new String(pw);
    }

    private String firstLine(String line) {
      if (line == null || line.isEmpty()) {
        throw new ExitCodes.DataException(m("password.none", passwordFile));
      }
      return line;
    }
  }
}
