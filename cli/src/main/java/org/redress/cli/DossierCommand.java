package org.redress.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.redress.casework.CaseworkException;
import org.redress.casework.DossierWork;
import org.redress.dossier.Dossier;
import org.redress.dossier.DossierJson;
import org.redress.dossier.PerpetratorIndex;
import org.redress.dossier.Target;
import org.redress.law.Finding;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code redress dossier index|build}: what one channel, sender or seller spread across the cases
 * whose victims consented ({@code redress case consent NAME --dossiers yes}), counted as the law
 * counts it. A case without consent contributes nothing. See docs/dossiers.md.
 */
@Command(
    name = "dossier",
    mixinStandardHelpOptions = true,
    description = {
      "Cross-case dossiers: the counts the law counts for one chat, sender or seller, over every"
          + " case whose victim consented, each victim under a pseudonym.",
      "Exit status: 0 done, 1 bad data, 2 usage."
    },
    subcommands = {
      DossierCommand.Index.class,
      DossierCommand.Build.class,
      DossierCommand.Papers.class
    })
public final class DossierCommand implements Runnable {
  @Override
  public void run() {
    throw new ExitCodes.UsageException(Msg.get("dossier", "subcommand"));
  }

  /** Lists the chats, senders, forwarding sources and seller contacts seen in several cases. */
  @Command(
      name = "index",
      mixinStandardHelpOptions = true,
      description = "List chats, senders and seller contacts seen in the consenting cases.")
  static final class Index implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--min-cases",
        paramLabel = "N",
        defaultValue = "1",
        description = "Only entries seen in at least N cases (default ${DEFAULT-VALUE}).")
    int minCases;

    @Override
    public Integer call() throws CaseworkException {
      if (minCases < 1) {
        throw new ExitCodes.UsageException(Msg.get("dossier", "min.cases", minCases));
      }
      PerpetratorIndex index = Today.casework(workspace.dir()).dossiers().index();
      PrintWriter out = spec.commandLine().getOut();
      out.println("kind\tid\tcases\tposts\tnames");
      for (PerpetratorIndex.Entry e : index.sharedBy(minCases)) {
        out.println(
            e.kind().name().toLowerCase(Locale.ROOT)
                + "\t"
                + Console.inert(e.id())
                + "\t"
                + e.cases().size()
                + "\t"
                + e.posts()
                + "\t"
                + Console.inert(String.join(", ", e.names())));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Builds one dossier. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = "Build the dossier of one chat, sender or seller contact.")
  static final class Build implements Callable<Integer> {
    @Mixin WorkspaceOption workspace;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
      @Option(names = "--chat", paramLabel = "ID", description = "A chat's id as exported.")
      Long chat;

      @Option(names = "--sender", paramLabel = "ID", description = "A sender's id as exported.")
      String sender;

      @Option(
          names = "--handle",
          paramLabel = "H",
          description = "A seller contact: @name, t.me/name, wechat:ID or qq:NUMBER.")
      String handle;

      Target target() {
        try {
          return chat != null
              ? new Target.Chat(chat)
              : sender != null ? new Target.Sender(sender) : new Target.Contact(handle);
        } catch (IllegalArgumentException e) {
          throw new ExitCodes.UsageException(
              Msg.zh()
                  ? Msg.get("dossier", "bad.target", Console.inert(e.getMessage()))
                  : e.getMessage());
        }
      }
    }

    @Option(names = "--json", paramLabel = "OUT", description = "Write the dossier JSON here.")
    Path json;

    @Override
    public Integer call() throws CaseworkException, IOException {
      Target target = which.target();
      // The JSON lists every reference behind every number (h-ledger, issue 19 point 3).
      DossierWork.Result r =
          Today.casework(workspace.dir())
              .dossiers()
              .build(target, 0, json != null ? Dossier.ALL : Dossier.LISTED);
      Dossier d = r.dossier();
      if (json != null) {
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (OutputStream o = Files.newOutputStream(json)) {
          DossierJson.write(d, o);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      Dossier.Totals t = d.totals();
      out.println(Msg.get("dossier", "title", target(d.target())));
      out.println(
          Msg.get(
              "dossier",
              "victims",
              t.victims(),
              String.join(
                  Msg.zh() ? "、" : ", ",
                  d.victims().stream().map(v -> "被害人" + v.pseudonym()).toList())));
      out.println(Msg.get("dossier", "posts", t.posts()));
      out.println(
          Msg.get(
              "dossier", "files", t.distinctFiles(), t.images(), t.videos(), t.distinctSha256()));
      out.println(Msg.get("dossier", "chats", t.chats(), t.senders(), t.tradePosts()));
      if (t.maxMembers() != null) {
        out.println(Msg.get("dossier", "members", t.maxMembers()));
      }
      if (t.unattributedPosts() > 0) {
        out.println(Msg.get("dossier", "unattributed", t.unattributedPosts()));
      }
      if (r.onlyTogether().isEmpty()) {
        out.println(Msg.get("dossier", "no.together"));
      } else {
        out.println(Msg.get("dossier", "together"));
        for (Finding f : r.onlyTogether()) {
          out.println(
              Msg.get(
                  "dossier",
                  "together.line",
                  provision(f.provision()),
                  word("status", f.status()),
                  word("tier", f.tier()),
                  Msg.zh() ? String.valueOf(f.basis().size()) : String.join(", ", f.basis())));
        }
      }
      out.println(Msg.get("dossier", "not.advice"));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Writes the joint papers and the joint evidence package of one dossier. */
  @Command(
      name = "papers",
      mixinStandardHelpOptions = true,
      description = {
        "Write the joint police report and the joint evidence list (DOCX and PDF) of one"
            + " dossier, and the joint evidence package they refer to, into DIR. Victims appear"
            + " by pseudonym only.",
        "Verify the package offline: redress evidence verify DIR/"
            + DossierWork.PACKAGE
            + ". Information, not legal advice."
      })
  static final class Papers implements Callable<Integer> {
    @Mixin EvidenceOptions evidence;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Build.Which which;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Folder for the papers and the package (created; must not hold a package).")
    Path out;

    @Option(
        names = "--lang",
        paramLabel = "zh|en",
        description = "Only this language (default both).")
    String lang;

    @Override
    public Integer call() throws Exception {
      Target target = which.target();
      java.util.List<org.redress.documents.Lang> langs;
      if (lang == null) {
        langs = java.util.List.of(org.redress.documents.Lang.values());
      } else {
        langs =
            java.util.List.of(
                org.redress.documents.Lang.tryParse(lang)
                    .orElseThrow(
                        () -> new ExitCodes.UsageException(Msg.get("dossier", "lang", lang))));
      }
      DossierWork.Papers p;
      try (org.redress.evidence.EvidenceStore store = evidence.open()) {
        p =
            Today.casework(evidence.workspace.dir())
                .dossiers()
                .papers(target, store, out, langs, "Redress");
      }
      PrintWriter pw = spec.commandLine().getOut();
      Dossier d = p.result().dossier();
      pw.println(
          Msg.get(
              "dossier",
              "papers",
              target(d.target()),
              d.victims().size(),
              d.totals().posts(),
              d.totals().distinctFiles(),
              p.evidenceItems()));
      for (Path f : p.files()) {
        pw.println(f);
      }
      if (p.pkg() != null) {
        pw.println(p.pkg());
      } else {
        pw.println(Msg.get("dossier", "no.package"));
      }
      pw.println(Msg.get("dossier", "not.advice"));
      pw.flush();
      return ExitCodes.OK;
    }
  }

  /** The dossier's target ({@code chat:ID}, {@code sender:ID}, {@code contact:H}) for a person. */
  static String target(String t) {
    int colon = t.indexOf(':');
    String kind = colon < 0 ? "" : t.substring(0, colon);
    if (!java.util.Set.of("chat", "sender", "contact").contains(kind)) {
      return Console.inert(t);
    }
    return Msg.get("dossier", "target." + kind, Console.inert(t.substring(colon + 1)));
  }

  /** A provision: its id in English, its Chinese citation in Chinese. */
  static String provision(String id) {
    if (!Msg.zh()) {
      return id;
    }
    try {
      return org.redress.lawcn.ChineseLaw.jurisdiction().citation(id).zh();
    } catch (RuntimeException e) {
      return id;
    }
  }

  /** A status or tier word of the law engine in the interface language. */
  static String word(String kind, String value) {
    try {
      return Msg.get("dossier", kind + "." + value);
    } catch (java.util.MissingResourceException e) {
      return value;
    }
  }
}
