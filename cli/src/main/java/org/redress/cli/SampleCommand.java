package org.redress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress sample ...}: generate innocuous sample data for demos and tests. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = "Generate innocuous synthetic sample data (no real people, no real posts).",
    subcommands = {SampleCommand.TelegramExport.class})
public final class SampleCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code redress sample telegram-export DIR}. */
  @Command(
      name = "telegram-export",
      mixinStandardHelpOptions = true,
      description = {
        "Write a synthetic Telegram Desktop export (JSON, or HTML with --format html)",
        "to DIR: generated pictures,",
        "edited copies of 'victim' pictures (originals in DIR/victim-originals),",
        "skipped media, forwards, ad posts marked as synthetic, and DIR/planted.json",
        "saying what was planted where. Nothing in it shows a real person."
      })
  public static final class TelegramExport implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder to create (must be absent or empty).")
    Path dir;

    @Option(
        names = "--seed",
        paramLabel = "N",
        defaultValue = "1",
        description =
            "Random seed; the same seed gives the same export (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--messages",
        paramLabel = "N",
        defaultValue = "200",
        description = "Number of messages in all chats (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(
        names = "--single-chat",
        description =
            "Write a single-chat export (ChatExport_*) instead of a full one (DataExport_*).")
    boolean singleChat;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "json",
        description =
            "json (result.json, 'Machine-readable JSON') or html (messages.html, Telegram"
                + " Desktop's default) (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
      int min = SampleExport.minimumMessages(singleChat);
      if (messages < min) {
        throw new ExitCodes.UsageException(Msg.get("sample", "messages.min", min, messages));
      }
      if (messages > 1_000_000) {
        throw new ExitCodes.UsageException(Msg.get("sample", "messages.max", messages));
      }
      if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
        throw new ExitCodes.UsageException(Msg.get("sample", "not.empty", dir));
      }
      if (!format.equals("json") && !format.equals("html")) {
        throw new ExitCodes.UsageException(Msg.get("sample", "format", format));
      }
      SampleExport.Result r =
          SampleExport.generate(
              dir,
              new SampleExport.Options(
                  seed, messages, singleChat, format.equals("html"), SampleHtml.PER_PAGE));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          Msg.get("sample", format.equals("html") ? "export.html" : "export.json", r.export()));
      out.println(
          Msg.get(
              "sample",
              "totals",
              r.messages(),
              r.chats(),
              r.mediaFiles(),
              r.victimCopies(),
              r.adPosts()));
      out.println(Msg.get("sample", "originals", dir.resolve(SampleExport.VICTIM_DIR)));
      out.println(Msg.get("sample", "truth", r.manifest()));
      if (!r.video()) {
        out.println(
            Msg.get("sample", "note", Msg.zh() ? Msg.get("sample", "no.video") : r.videoNote()));
      }
      return ExitCodes.OK;
    }

    private static boolean isEmpty(Path dir) throws IOException {
      try (Stream<Path> s = Files.list(dir)) {
        return s.findAny().isEmpty();
      }
    }
  }
}
