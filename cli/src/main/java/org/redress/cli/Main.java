package org.redress.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code redress} command. Subcommands are registered here, in one list; exceptions are turned
 * into a one-line message and an exit code here, in one place (see {@link ExitCodes}).
 */
@Command(
    name = "redress",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Find, take down and prove the spread of image-based abuse. Hashes stay local.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order {@code redress --help} lists them (add one line per command).
   * Picocli builds a command's model from its annotations by reflection, and the whole tree costs
   * more CPU than hashing one photo; so a run that names one command builds only that command's
   * model, and only a run that needs the list (help, no command, a typo) builds them all.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          HashCommand.class,
          DemoCommand.class,
          SampleCommand.class,
          BankCommand.class,
          AllowCommand.class,
          MatchCommand.class,
          ScanCommand.class,
          FactsCommand.class,
          CaseCommand.class,
          DossierCommand.class,
          BulkCommand.class,
          CaptureCommand.class,
          AssessCommand.class,
          LawCommand.class,
          EvidenceCommand.class,
          DocCommand.class,
          ServeCommand.class,
          AccountCommand.class,
          HasherCommand.class,
          PlatformCommand.class,
          TakedownCommand.class,
          WorkspaceCommand.class);

  @Option(
      names = "--debug",
      description = "Print stack traces for errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @Option(
      names = "--lang",
      paramLabel = "zh|en",
      description =
          "Language of help and messages: zh or en (also REDRESS_LANG; default: the locale's).")
  String lang;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the CLI and returns the exit code (0 ok, 1 bad data, 2 usage, 3 internal error). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /** The same with the environment given (tests set {@code REDRESS_LANG} here). */
  static int run(
      String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
    java.util.Locale ui;
    try {
      ui = UiLang.resolve(args, env);
    } catch (ExitCodes.UsageException e) {
      err.println("redress: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    java.util.Locale before = Msg.use(ui);
    try {
      Integer quick = QuickHash.run(args, out, err); // `hash PATH...` without picocli (issue 21)
      return quick != null ? quick : execute(args, out, err, ui);
    } finally {
      Msg.use(before);
    }
  }

  private static int execute(String[] args, PrintWriter out, PrintWriter err, java.util.Locale ui) {
    boolean zh = UiLang.chinese(ui);
    Main main = new Main();
    CommandLine cl = commandLine(main, args);
    UiLang.apply(cl, ui);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(ExitCodes::of);
    cl.setParameterExceptionHandler(
        (ex, ignored) -> {
          CommandLine sub = ex.getCommandLine();
          ex.getCommandLine()
              .getErr()
              .println(
                  Msg.prefix()
                      + (zh ? ParseErrorsZh.message(ex) : ExitCodes.message(ex))
                      + (zh ? "（查看帮助：`" : " (see '")
                      + sub.getCommandSpec().qualifiedName()
                      + (zh ? " --help`）" : " --help')"));
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          boolean debug = main.debug || java.util.Arrays.asList(args).contains("--debug");
          line.getErr().println(Msg.prefix() + Console.inert(ExitCodes.message(ex)));
          if (debug) {
            ex.printStackTrace(line.getErr());
          }
          line.getErr().flush();
          return ExitCodes.of(ex);
        });
    cl.setExecutionStrategy(
        parsed -> {
          OwnerOnly owner = OwnerOnly.before(parsed);
          try {
            return new CommandLine.RunLast().execute(parsed);
          } finally {
            owner.after();
          }
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The command line for {@code args}: only the named subcommand, or all when none is named. */
  static CommandLine commandLine(Main main, String[] args) {
    CommandLine cl = new CommandLine(main);
    String first = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang")) {
        i++; // its value (zh or en), not a command
      } else if (!args[i].startsWith("-")) {
        first = args[i];
        break;
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      if (c.getAnnotation(Command.class).name().equals(first)) {
        return cl.addSubcommand(c);
      }
    }
    cl.addSubcommand(CommandLine.HelpCommand.class);
    for (Class<?> c : SUBCOMMANDS) {
      cl.addSubcommand(c);
    }
    return cl;
  }

  public static void main(String[] args) {
    java.io.Writer o = new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    java.io.Writer e = new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8);
    // What a person reads is filtered; standard output piped to a file or a program is data.
    PrintWriter out = new PrintWriter(System.console() != null ? Console.filter(o) : o, true);
    PrintWriter err = new PrintWriter(Console.filter(e), true);
    System.exit(run(args, out, err));
  }

  /** Version from the jar manifest, or "dev". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"redress " + (v == null ? "dev" : v)};
    }
  }
}
