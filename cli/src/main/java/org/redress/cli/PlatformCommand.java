package org.redress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;
import org.redress.cases.Platform;
import org.redress.cases.PlatformScope;
import org.redress.cases.PlatformStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress platform ...}: the accounts and keys of platforms that use the API. */
@Command(
    name = "platform",
    description = "Add, list and revoke the keys of platforms that use the API (serve --api).",
    mixinStandardHelpOptions = true,
    subcommands = {
      PlatformCommand.Add.class,
      PlatformCommand.ListPlatforms.class,
      PlatformCommand.Revoke.class
    })
public final class PlatformCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing platform subcommand");
  }

  /** The scopes as typed in --scopes; in Chinese text, as code (they are API names). */
  static String scopes(Set<PlatformScope> s) {
    String list = PlatformScope.toList(s);
    return Msg.zh() ? "`" + list + "`" : list;
  }

  static String m(String key, Object... args) {
    return Msg.get("platform", key, args);
  }

  abstract static class Sub implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PlatformStore store() {
      return Workspaces.open(workspace).platforms();
    }
  }

  @Command(
      name = "add",
      description = {
        "Issue a key for a platform. The key is printed once and stored only as its hash.",
        "Scopes: feed (FetchHashes), lookup (/h, /m), feedback (SubmitFeedback, SubmitHashes),"
            + " curate (/c); default all."
      },
      mixinStandardHelpOptions = true)
  static final class Add extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--scopes",
        paramLabel = "LIST",
        description = "Comma-separated scopes (default: all).")
    String scopes = "all";

    @Option(
        names = "--rate",
        paramLabel = "N",
        description = "Requests per second the key may make (default: ${DEFAULT-VALUE}).")
    int rate = PlatformStore.DEFAULT_RATE;

    @Option(names = "--json", description = "Print {\"name\": …, \"key\": …}.")
    boolean json;

    @Override
    public Integer call() {
      Set<PlatformScope> s;
      try {
        s = PlatformScope.parseList(scopes);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? m("scopes.bad", scopes) : "--scopes: " + e.getMessage());
      }
      Platform.Issued issued;
      try {
        issued = store().add(name, s, rate);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? m("add.bad", name, rate) : e.getMessage());
      }
      if (json) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("name", issued.platform().name());
        o.put("key", issued.key());
        out().println(o.toString());
      } else {
        out()
            .println(
                m(
                    "add.done",
                    issued.platform().name(),
                    scopes(issued.platform().scopes()),
                    issued.platform().ratePerSecond()));
        out().println(m("add.key", issued.key()));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      description = "List platforms: name, state, scopes, rate, key issued.",
      mixinStandardHelpOptions = true)
  static final class ListPlatforms extends Sub {
    @Override
    public Integer call() {
      for (Platform p : store().list()) {
        out()
            .println(
                m(
                    "list.line",
                    p.name(),
                    p.active() ? m("active") : m("revoked", Workspaces.iso(p.revokedAt())),
                    scopes(p.scopes()),
                    p.ratePerSecond(),
                    Workspaces.iso(p.createdAt())));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "revoke",
      description = "Revoke a platform's key at once (a running server forgets it within 2 s).",
      mixinStandardHelpOptions = true)
  static final class Revoke extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      Platform p = store().revoke(name);
      out().println(m("revoke.done", p.name()));
      return ExitCodes.OK;
    }
  }
}
