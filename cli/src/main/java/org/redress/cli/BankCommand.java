package org.redress.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.cases.AddReport;
import org.redress.cases.Bank;
import org.redress.cases.BankStore;
import org.redress.cases.HashValue;
import org.redress.cases.Item;
import org.redress.cases.ItemFormat;
import org.redress.cases.NewItem;
import org.redress.cases.Workspace;
import org.redress.casework.BankItems;
import org.redress.casework.HashList;
import org.redress.match.BankRules;
import org.redress.media.MediaHash;
import org.redress.media.MediaHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code redress bank ...}: banks of hashed items in the workspace database. */
@Command(
    name = "bank",
    description = "Create, fill, inspect and export banks of hashes (never media).",
    mixinStandardHelpOptions = true,
    subcommands = {
      BankCommand.Create.class,
      BankCommand.ListBanks.class,
      BankCommand.Show.class,
      BankCommand.Add.class,
      BankCommand.AddHash.class,
      BankCommand.Import.class,
      BankCommand.Export.class,
      BankCommand.Disable.class,
      BankCommand.Enable.class,
      BankCommand.Remove.class,
      BankCommand.Delete.class,
      BankShareCommand.Share.class,
      BankShareCommand.Unshare.class,
    })
public final class BankCommand implements Runnable {
  /** "Disabled until" used for an indefinite disable. */
  static final Instant FOREVER = Instant.parse("9999-12-31T23:59:59Z");

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing bank subcommand");
  }

  static String m(String key, Object... args) {
    return Msg.get("bank", key, args);
  }

  /** Shared by subcommands: the workspace option and output streams. */
  abstract static class Sub implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @Spec CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    BankStore store() {
      return Workspaces.open(workspace).banks();
    }

    /** Prints one line per outcome; warnings to stderr. */
    int report(AddReport r, List<String> sources) {
      for (String line : reportLines(r, sources)) {
        if (line.startsWith("\u0000")) {
          err().println(line.substring(1));
        } else {
          out().println(line);
        }
      }
      return ExitCodes.OK;
    }

    /** The note of an outcome in the interface language (the store words it in English). */
    static String note(AddReport.Outcome o) {
      if (!Msg.zh()) {
        return o.note();
      }
      if (o.status() == AddReport.Status.ADDED) {
        return m("note.frames.dropped");
      }
      HashValue h = o.item().hash();
      return h.signal() == org.redress.match.Signal.VPDQ
          ? m("note.vpdq.low")
          : m("note.pdq.low", h.quality() == null ? "-" : h.quality().toString());
    }

    private List<String> reportLines(AddReport r, List<String> sources) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < r.outcomes().size(); i++) {
        AddReport.Outcome o = r.outcomes().get(i);
        String src = sources.get(i);
        switch (o.status()) {
          case ADDED:
            lines.add(
                m(
                    "add.added",
                    o.id(),
                    o.item().hash().signal().id(),
                    Console.inert(o.item().label())));
            if (o.note() != null) {
              lines.add("\u0000" + Msg.warningPrefix() + Console.inert(src) + ": " + note(o));
            }
            break;
          case DUPLICATE:
            lines.add(
                m(
                    "add.duplicate",
                    o.id(),
                    o.item().hash().signal().id(),
                    Console.inert(o.item().label())));
            break;
          default:
            lines.add(
                m("add.skipped", o.item().hash().signal().id(), Console.inert(o.item().label())));
            lines.add("\u0000" + Msg.warningPrefix() + Console.inert(src) + ": " + note(o));
            break;
        }
      }
      lines.add(
          m(
              "add.summary",
              r.count(AddReport.Status.ADDED),
              r.count(AddReport.Status.DUPLICATE),
              r.count(AddReport.Status.LOW_QUALITY)));
      return lines;
    }
  }

  @Command(name = "create", description = "Create a bank.", mixinStandardHelpOptions = true)
  static final class Create extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--threshold",
        paramLabel = "N",
        description = "Largest PDQ distance that matches, inclusive (default: ${DEFAULT-VALUE}).")
    int threshold = BankRules.DEFAULT_THRESHOLD;

    @Option(
        names = "--min-quality",
        paramLabel = "Q",
        description = "Lowest hash quality stored and matched (default: ${DEFAULT-VALUE}).")
    int minQuality = BankRules.DEFAULT_MIN_QUALITY;

    @Override
    public Integer call() {
      Bank b;
      try {
        new BankRules(name, threshold, minQuality);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? badRules(name) : e.getMessage());
      }
      try {
        b = store().create(name, threshold, minQuality);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? badRules(name) : e.getMessage());
      }
      out().println(m("create.done", b.name(), b.threshold(), b.minQuality()));
      return ExitCodes.OK;
    }

    /** Which setting of a new bank is bad, in Chinese (the rules say it in English). */
    private String badRules(String name) {
      if (threshold < 0 || threshold > 256) {
        return m("create.bad.threshold", threshold);
      }
      if (minQuality < 0 || minQuality > 100) {
        return m("create.bad.quality", minQuality);
      }
      return m("create.bad.name", name);
    }
  }

  @Command(
      name = "list",
      description = "List banks: name, items, threshold, min quality.",
      mixinStandardHelpOptions = true)
  static final class ListBanks extends Sub {
    @Override
    public Integer call() {
      for (Bank b : store().list()) {
        out().println(m("list.line", b.name(), b.items(), b.threshold(), b.minQuality()));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      description = "Show a bank and its items.",
      mixinStandardHelpOptions = true)
  static final class Show extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      BankStore s = store();
      Bank b = s.get(name);
      out()
          .println(
              m(
                  "show.head",
                  b.name(),
                  b.items(),
                  b.threshold(),
                  b.minQuality(),
                  Workspaces.iso(b.createdAt())));
      out().println(m("show.columns"));
      Instant now = Today.instant();
      for (Item it : s.items(name)) {
        String status =
            it.enabledAt(now)
                ? m("status.enabled")
                : it.disabledUntil().equals(FOREVER)
                    ? m("status.disabled")
                    : m("status.disabled.until", Workspaces.iso(it.disabledUntil()));
        out()
            .printf(
                Locale.ROOT,
                "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n",
                it.id(),
                it.hash().signal().id(),
                Workspaces.shortValue(it.hash()),
                it.hash().quality() == null ? "-" : it.hash().quality().toString(),
                Workspaces.iso(it.addedAt()),
                Console.inert(it.addedBy()),
                it.caseRef() == null ? "-" : Console.inert(it.caseRef()),
                status,
                Console.inert(it.label()));
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Hash files locally and add only their hashes (never the media).",
        "Images give PDQ and SHA-256; videos give vPDQ, MD5 (video_md5) and SHA-256.",
        "Every file is hashed first: if one cannot be read, nothing is added."
      })
  static final class Add extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Option(names = "--label", description = "Label for every item (default: the file's name).")
    String label;

    @Option(names = "--case", paramLabel = "REF", description = "Case reference.")
    String caseRef;

    @Option(names = "--by", paramLabel = "WHO", description = "Who adds them (default: user).")
    String by;

    @Override
    public Integer call() {
      List<NewItem> items = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      FileWalker.Result inputs = FileWalker.collect(paths);
      int[] failed = {0};
      for (String problem : inputs.problems()) {
        err().println(Msg.prefix() + Console.inert(problem));
        failed[0]++;
      }
      ParallelHashing.forEachInOrder(
          inputs.files(),
          MediaHasher.builder().build(),
          ParallelHashing.defaultThreads(),
          Progress.forFiles(inputs.files().size()),
          o -> {
            if (o.failed()) {
              err()
                  .println(
                      Msg.prefix()
                          + Console.inert(o.path())
                          + (Msg.zh()
                              ? "：" + m("add.unreadable")
                              : ": " + Console.inert(o.error())));
              failed[0]++;
              return;
            }
            MediaHash h = o.hash();
            Path p = o.path();
            String l = label != null ? label : String.valueOf(p.getFileName());
            for (NewItem it : BankItems.of(h, l, caseRef, by)) {
              items.add(it);
              sources.add(p.toString());
            }
          });
      if (failed[0] > 0) {
        throw new ExitCodes.DataException(
            m("add.failed", failed[0], inputs.files().size() + inputs.problems().size()));
      }
      if (items.isEmpty()) {
        throw new ExitCodes.DataException(m("add.none", paths));
      }
      return report(store().add(name, items), sources);
    }
  }

  @Command(
      name = "add-hash",
      mixinStandardHelpOptions = true,
      description = {
        "Add hashes computed elsewhere (e.g. on a victim's phone).",
        "HASH is pdq:HEX[,QUALITY], md5:HEX, sha256:HEX or vpdq:HEX,Q,SECONDS;HEX,Q,SECONDS..."
      })
  static final class AddHash extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "HASH")
    List<String> hashes;

    @Option(names = "--label", description = "Label (default: the hash itself, shortened).")
    String label;

    @Option(names = "--case", paramLabel = "REF", description = "Case reference.")
    String caseRef;

    @Option(names = "--by", paramLabel = "WHO", description = "Who adds them (default: user).")
    String by;

    @Override
    public Integer call() {
      List<NewItem> items = new ArrayList<>();
      for (String h : hashes) {
        HashValue v = Workspaces.parseTagged(h);
        String l =
            label != null
                ? label
                : v.signal().id()
                    + ":"
                    + (v.value().length() > 16 ? v.value().substring(0, 16) + "…" : v.value());
        items.add(new NewItem(v, l, caseRef, by));
      }
      return report(store().add(name, items), hashes);
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import items from a file (hma, jsonl, csv or a browser's redress/hash-list@1;"
            + " detected when not given).",
        "The whole file is read first: one bad line imports nothing."
      })
  static final class Import extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--format", paramLabel = "FMT", description = "hma, jsonl or csv.")
    String format;

    @Option(
        names = "--case",
        paramLabel = "REF",
        description = "Case reference for items without one.")
    String caseRef;

    @Option(names = "--by", paramLabel = "WHO", description = "Who adds them (default: user).")
    String by;

    @Override
    public Integer call() throws IOException {
      ItemFormat f;
      try {
        f = format == null ? null : ItemFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? m("format.bad", format) : e.getMessage());
      }
      if (!Files.isRegularFile(file)) {
        throw new java.nio.file.NoSuchFileException(file.toString());
      }
      // A browser's hash list (redress/hash-list@1; h-wasm, issue 15), read by casework.HashList.
      if (f == null && Files.size(file) <= 64L * 1024 * 1024) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (HashList.declares(text)) {
          List<NewItem> items;
          int approximate;
          try {
            List<HashList.Entry> entries = HashList.parse(text);
            approximate = HashList.approximate(entries);
            items = HashList.items(entries, caseRef, by);
          } catch (IllegalArgumentException e) {
            throw new ExitCodes.DataException(
                Msg.zh() ? m("import.bad.list", file) : file + ": " + e.getMessage());
          }
          if (approximate > 0) {
            // Imported, with a warning: an approximate PDQ is a few bits from the exact one, far
            // inside any match threshold (docs/hashing.md, "The JavaScript fallback").
            err().println(Msg.warningPrefix() + m("import.approximate", approximate));
          }
          return report(store().add(name, items), items.stream().map(NewItem::label).toList());
        }
      }
      if (f == null) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line;
          do {
            line = r.readLine();
          } while (line != null && (line.isBlank() || line.trim().startsWith("#")));
          f = ItemFormat.detect(line);
        }
      }
      List<NewItem> items;
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        items = f.read(r, file.getFileName().toString(), caseRef, by);
      } catch (java.nio.charset.MalformedInputException e) {
        if (Msg.zh()) {
          throw new ExitCodes.DataException(m("import.not.utf8", file), e);
        }
        throw new IOException("failed to read " + file + ": not UTF-8 text", e);
      }
      List<String> sources = new ArrayList<>();
      for (NewItem it : items) {
        sources.add(it.label());
      }
      return report(store().add(name, items), sources);
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write a bank's items to standard output (or --output FILE).")
  static final class Export extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(
        names = "--format",
        paramLabel = "FMT",
        description = "hma, jsonl or csv (default: hma).")
    String format = "hma";

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to FILE.")
    Path output;

    @Override
    public Integer call() throws IOException {
      ItemFormat f;
      try {
        f = ItemFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new ExitCodes.UsageException(Msg.zh() ? m("format.bad", format) : e.getMessage());
      }
      List<Item> items = store().items(name);
      if (output == null) {
        f.write(items, out());
      } else {
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
          f.write(items, w);
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Stop matching an item, until a time or until it is enabled again.")
  static final class Disable extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ITEM")
    long item;

    @Option(
        names = "--until",
        paramLabel = "TIME",
        description = "ISO-8601 instant, e.g. 2026-06-01T00:00:00Z.")
    String until;

    @Option(
        names = "--for",
        paramLabel = "DURATION",
        description = "ISO-8601 duration, e.g. P30D or PT12H.")
    String duration;

    @Override
    public Integer call() {
      Instant t = FOREVER;
      try {
        if (until != null && duration != null) {
          throw new ExitCodes.UsageException(m("disable.both"));
        } else if (until != null) {
          t = Instant.parse(until);
        } else if (duration != null) {
          t = Today.instant().plus(Duration.parse(duration));
        }
      } catch (DateTimeParseException e) {
        throw new ExitCodes.UsageException(m("disable.bad.time", until != null ? until : duration));
      }
      Item it = store().disable(name, item, t);
      out()
          .println(
              m(
                  "disable.done",
                  it.id(),
                  t.equals(FOREVER) ? m("disable.forever") : m("disable.until", Workspaces.iso(t)),
                  Console.inert(it.label())));
      return ExitCodes.OK;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Match an item again.")
  static final class Enable extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ITEM")
    long item;

    @Override
    public Integer call() {
      Item it = store().disable(name, item, null);
      out().println(m("enable.done", it.id(), Console.inert(it.label())));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove items from a bank (all given, or none if one is not in the bank).")
  static final class Remove extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ITEM")
    List<Long> items;

    @Override
    public Integer call() {
      int n = store().remove(name, items);
      out().println(Msg.count("bank", "remove.done", n, name));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a bank and all its items (needs --yes).")
  static final class Delete extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--yes", description = "Confirm.")
    boolean yes;

    @Override
    public Integer call() {
      if (!yes) {
        throw new ExitCodes.UsageException(m("delete.confirm", name));
      }
      Workspace ws = Workspaces.open(workspace);
      ws.banks().delete(name);
      out().println(m("delete.done", name));
      return ExitCodes.OK;
    }
  }
}
