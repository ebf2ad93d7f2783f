package org.redress.cli;

import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.redress.evidence.EvidenceException;
import org.redress.evidence.EvidenceStore;
import org.redress.evidence.KeySource;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by the evidence commands: workspace, master key or passphrase, TSA. Secrets are
 * read from a file, an environment variable, or typed without echo; they are never printed.
 */
public final class EvidenceOptions {
  /** Environment variable holding the workspace passphrase (for scripts). */
  public static final String PASSPHRASE_ENV = "REDRESS_PASSPHRASE";

  /** Environment variable naming an RFC 3161 TSA URL. */
  public static final String TSA_ENV = "REDRESS_TSA_URL";

  /** Environment variable naming the operator recorded as captured-by. */
  public static final String OPERATOR_ENV = "REDRESS_OPERATOR";

  @Mixin WorkspaceOption workspace;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "Key-file mode instead of a passphrase: the master key file (created with "
              + "mode 0600 for a new workspace; warned about on every use).")
  Path keyFile;

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description =
          "Read the workspace passphrase from FILE (first line) instead of $"
              + PASSPHRASE_ENV
              + " or a prompt.")
  Path passphraseFile;

  @Option(
      names = "--passphrase",
      description = "Protect a new workspace with a passphrase (the default; kept for scripts).")
  boolean passphrase;

  @Option(
      names = "--tsa",
      paramLabel = "URL",
      description = "RFC 3161 time-stamping authority for checkpoints (default: $" + TSA_ENV + ").")
  URI tsa;

  @Option(
      names = "--captured-by",
      paramLabel = "NAME",
      description = "Who preserves the evidence (default: $" + OPERATOR_ENV + ").")
  String capturedBy;

  /**
   * Opens (or creates) the workspace's evidence store. A new workspace is protected by a passphrase
   * (from --passphrase-file, $REDRESS_PASSPHRASE or a no-echo prompt) unless --key-file asks for
   * key-file mode; an existing workspace opens in the mode it was made in.
   */
  EvidenceStore open() throws EvidenceException {
    return open(false);
  }

  /** Opens a damaged store read-only for {@code evidence salvage}. */
  EvidenceStore openForSalvage() throws EvidenceException {
    return open(true);
  }

  private EvidenceStore open(boolean salvage) throws EvidenceException {
    Path ws = workspace.dir();
    KeySource keys;
    String keyFileWarning = null;
    boolean keyFileMode =
        EvidenceStore.usesKeyFile(ws) || !EvidenceStore.needsPassphrase(ws) && keyFile != null;
    if (!keyFileMode) {
      char[] p = secret(passphraseFile, PASSPHRASE_ENV, "workspace passphrase");
      try {
        keys = KeySource.passphrase(p);
      } catch (IllegalArgumentException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh() ? EvidenceCommand.m("passphrase.bad") : ex.getMessage());
      } finally {
        Arrays.fill(p, '\0');
      }
    } else {
      keys = keyFile == null ? KeySource.keyFile() : KeySource.keyFile(keyFile);
      keyFileWarning =
          EvidenceCommand.m(
              "key.file.warning",
              keyFile == null ? ws.resolve("evidence/keys/master.key") : keyFile);
    }
    EvidenceStore.Builder b =
        EvidenceStore.builder(ws)
            .keys(keys)
            .tool("redress", version())
            .clock(Today.clock())
            // A TSA is asked after the workspace lock is released, when the store closes.
            .lateWarnings(w -> err().println(Msg.warningPrefix() + NextSteps.line(w)));
    if (salvage) {
      b.forSalvage();
    }
    URI t = tsa != null ? tsa : env(TSA_ENV) == null ? null : URI.create(env(TSA_ENV));
    try {
      b.tsa(t);
      String who = capturedBy != null ? capturedBy : env(OPERATOR_ENV);
      if (who != null) {
        b.capturedBy(who);
      }
    } catch (IllegalArgumentException ex) {
      throw new ExitCodes.UsageException(
          Msg.zh() ? EvidenceCommand.m("tsa.bad", t == null ? "" : t) : ex.getMessage());
    }
    EvidenceStore store;
    try {
      store = b.open();
    } finally {
      keys.destroy();
    }
    if (keyFileWarning != null) {
      err().println(Msg.warningPrefix() + keyFileWarning);
    }
    printWarnings(store);
    return store;
  }

  /**
   * Prints every warning found when the store was opened (packs moved to the quarantine, a
   * read-only workspace, a repaired log tail) to stderr: every command that opens the store goes
   * through here, so none can stay silent about them.
   */
  private java.io.PrintWriter err() {
    return mixee == null
        ? new java.io.PrintWriter(System.err, true, StandardCharsets.UTF_8)
        : mixee.commandLine().getErr();
  }

  private void printWarnings(EvidenceStore store) {
    java.io.PrintWriter err = err();
    for (org.redress.evidence.Warning w : store.drainWarnings()) {
      err.println(Msg.warningPrefix() + NextSteps.line(w));
    }
    err.flush();
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** The message key of a secret's name ("workspace passphrase", "recipient passphrase"). */
  private static String key(String what) {
    return what.startsWith("recipient") ? "recipient" : "workspace";
  }

  private static String what(String what) {
    return Msg.zh() ? EvidenceCommand.m("secret." + key(what)) : what;
  }

  /** A secret from a file, an environment variable or a no-echo prompt. */
  static char[] secret(Path file, String envVar, String what) {
    if (file != null) {
      try {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
          throw new ExitCodes.UsageException(
              EvidenceCommand.m("secret.empty", EvidenceCommand.m("secret." + key(what)), file));
        }
        return line.toCharArray();
      } catch (IOException ex) {
        throw new ExitCodes.UsageException(
            Msg.zh()
                ? EvidenceCommand.m(
                    "secret.unreadable", EvidenceCommand.m("secret." + key(what)), file)
                : "cannot read " + what + " file " + file + ": " + ex.getMessage());
      }
    }
    String e = envVar == null ? null : env(envVar);
    if (e != null) {
      return e.toCharArray();
    }
    Console c = System.console();
    if (c == null) {
      throw new ExitCodes.UsageException(
          EvidenceCommand.m(
              envVar.equals(PASSPHRASE_ENV) ? "secret.needed.workspace" : "secret.needed.recipient",
              envVar));
    }
    char[] p = c.readPassword("%s", EvidenceCommand.m("secret.prompt", what(what)));
    if (p == null || p.length == 0) {
      throw new ExitCodes.UsageException(EvidenceCommand.m("secret.none", what(what)));
    }
    return p;
  }
}
