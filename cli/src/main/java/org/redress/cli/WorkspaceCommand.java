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
        "nothing. Refused while 'redress serve' runs on this workspace: stop it first.",
        "With --to sqlite, the way back: the server's tables are copied into a new redress.db,",
        "checked the same way, and database.properties is kept as",
        "database.properties.moved-YYYYMMDD; the server's data is only read."
      })
  static final class MoveDb implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "URL",
        description =
            "The target: jdbc:postgresql://HOST:PORT/DATABASE (no password in it), or 'sqlite' to"
                + " move back to the workspace's SQLite file.")
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
      if (to.equals("sqlite")) {
        return back(out);
      }
      DatabaseMove.Target target;
      try {
        target = new DatabaseMove.Target(to, user, password());
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(
            m(e.getMessage().contains("password") ? "url.password" : "url.bad"));
      }
      DatabaseMove.Result r =
          DatabaseMove.move(workspace.dir(), target, Today.clock(), copied(out));
      out.println(m("checked", r.tables().size(), r.rows()));
      out.println(m("moved", Console.inert(r.target()), r.settings()));
      if (r.renamed()) {
        out.println(m("kept", r.keptSqlite(), r.settings().getFileName()));
      } else {
        out.println(m("not.renamed", r.keptSqlite()));
      }
      return ExitCodes.OK;
    }

    /** {@code --to sqlite}: back from the server to a new SQLite file. */
    private int back(PrintWriter out) {
      if (user != null || passwordFile != null) {
        throw new ExitCodes.UsageException(m("sqlite.options"));
      }
      DatabaseMove.BackResult r = DatabaseMove.back(workspace.dir(), Today.clock(), copied(out));
      out.println(m("checked", r.tables().size(), r.rows()));
      out.println(m("moved.sqlite", r.sqlite()));
      out.println(m("kept.settings", r.keptSettings(), Console.inert(r.from())));
      return ExitCodes.OK;
    }

    private static java.util.function.Consumer<DatabaseMove.Table> copied(PrintWriter out) {
      return t -> {
        out.println(m("copied", Console.inert(t.name()), t.rows()));
        out.flush();
      };
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
