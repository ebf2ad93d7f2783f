package org.redress.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.cases.AccountStore;
import org.redress.cases.Workspace;
import org.redress.web.account.Accounts;
import org.redress.web.account.Passwords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress account ...}: accounts of a workspace served beyond this computer. */
@Command(
    name = "account",
    description = "Accounts for 'redress serve --bind ADDR': add, list, grant access to a case.",
    mixinStandardHelpOptions = true,
    subcommands = {
      AccountCommand.Add.class,
      AccountCommand.ListAccounts.class,
      AccountCommand.Grant.class
    })
public final class AccountCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing account subcommand");
  }

  static String m(String key, Object... args) {
    return Msg.get("account", key, args);
  }

  /** A role as stored (victim, advocate, lawyer, admin), in the interface language. */
  static String role(String role) {
    return Msg.zh() && AccountStore.ROLES.contains(role) ? m("role." + role) : role;
  }

  abstract static class Sub implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    AccountStore store() {
      Workspace ws = Workspaces.open(workspace);
      return ws.accounts();
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add an account. The password is asked twice on a terminal, else read as one line from",
        "standard input (at least " + Passwords.MIN_LENGTH + " characters); it is stored only as",
        "an Argon2id hash."
      })
  static final class Add extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "victim, advocate, lawyer or admin.")
    String role;

    @Override
    public Integer call() {
      String r = role.toLowerCase(Locale.ROOT);
      if (!AccountStore.ROLES.contains(r)) {
        throw new ExitCodes.UsageException(
            m(
                "role.bad",
                Msg.zh()
                    ? "`" + String.join("`、`", AccountStore.ROLES) + "`"
                    : String.join(", ", AccountStore.ROLES),
                role));
      }
      char[] pw = readPassword();
      try {
        Accounts.Who w;
        try {
          w = new Accounts(store(), new Passwords()).add(name, r, pw);
        } catch (IllegalArgumentException e) {
          if (!Msg.zh()) {
            throw e;
          }
          throw new ExitCodes.DataException(
              pw.length < Passwords.MIN_LENGTH
                  ? m("password.short", Passwords.MIN_LENGTH)
                  : m("name.bad", name),
              e);
        }
        out().println(m("add.done", Console.inert(w.name()), role(w.role())));
      } finally {
        Arrays.fill(pw, '\0');
      }
      return ExitCodes.OK;
    }

    private char[] readPassword() {
      java.io.Console c = System.console();
      if (c != null) {
        char[] a = c.readPassword("%s", m("password.prompt", name));
        char[] b = c.readPassword("%s", m("password.again"));
        if (a == null || b == null || !Arrays.equals(a, b)) {
          throw new ExitCodes.DataException(m("password.differ"));
        }
        Arrays.fill(b, '\0');
        return a;
      }
      try {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
          throw new ExitCodes.DataException(m("password.none"));
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException("failed to read the password from standard input", e);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
  static final class ListAccounts extends Sub {
    @Override
    public Integer call() {
      for (AccountStore.Account a : store().list()) {
        out()
            .printf(
                Locale.ROOT,
                "%s\t%s\t%s%n",
                Console.inert(a.name()),
                role(a.role()),
                Workspaces.iso(a.created()));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = "Put an account on a case's access list.")
  static final class Grant extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "CASE")
    String caseId;

    @Override
    public Integer call() {
      store().grant(caseId, name, System.getProperty("user.name", "cli"));
      out().println(m("grant.done", Console.inert(name), Console.inert(caseId)));
      return ExitCodes.OK;
    }
  }
}
