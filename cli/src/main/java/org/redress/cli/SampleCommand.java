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
        throw new ExitCodes.UsageException(
            "--messages must be at least " + min + " to hold the planted content, was " + messages);
      }
      if (messages > 1_000_000) {
        throw new ExitCodes.UsageException("--messages must be at most 1000000, was " + messages);
      }
      if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
        throw new ExitCodes.UsageException(
            dir + " exists and is not an empty folder; choose a new folder (nothing was written)");
      }
      if (!format.equals("json") && !format.equals("html")) {
        throw new ExitCodes.UsageException("--format must be json or html, was " + format);
      }
      SampleExport.Result r =
          SampleExport.generate(
              dir,
              new SampleExport.Options(
                  seed, messages, singleChat, format.equals("html"), SampleHtml.PER_PAGE));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Synthetic Telegram "
              + (format.equals("html") ? "HTML " : "")
              + "export (no real people or posts): "
              + r.export());
      out.println(
          "  "
              + r.messages()
              + " messages in "
              + r.chats()
              + " chat(s), "
              + r.mediaFiles()
              + " media files, "
              + r.victimCopies()
              + " copies of victim pictures, "
              + r.adPosts()
              + " ad posts");
      out.println("  victim originals: " + dir.resolve(SampleExport.VICTIM_DIR));
      out.println("  ground truth: " + r.manifest());
      if (!r.video()) {
        out.println("  note: " + r.videoNote());
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
