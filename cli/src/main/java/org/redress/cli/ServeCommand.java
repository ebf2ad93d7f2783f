package org.redress.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.redress.cases.ServeLock;
import org.redress.web.WorkspaceApp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code redress serve}: the case workspace in a browser. Binds 127.0.0.1 on a free port, prints
 * one line with the address and its per-launch token, opens the browser when there is one, and runs
 * until stopped (Ctrl-C).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Open the case workspace in a browser (this computer only).",
      "Prints one line: Redress workspace: http://127.0.0.1:PORT/?token=TOKEN. Without the"
          + " token every page answers 401. Stop with Ctrl-C."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin WorkspaceOption workspace;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on (default: a free port).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description =
          "Address to listen on (default: 127.0.0.1). Any other address serves with accounts"
              + " (sign-in, roles, access lists, audit log) and needs an admin account"
              + " ('redress account add NAME --role admin').")
  String bind = "127.0.0.1";

  @Option(
      names = "--accounts",
      description = "Serve with accounts on loopback too (any other address always does).")
  boolean accounts;

  @Option(names = "--no-open", description = "Do not open a browser.")
  boolean noOpen;

  @Option(
      names = "--demo",
      description =
          "Open the demo case (run 'redress demo' first; its workspace is"
              + " <workspace>/demo/workspace).")
  boolean demo;

  @Option(
      names = "--api",
      description =
          "Also serve the platform API (HMA and StopNCII compatible, keys from 'redress platform"
              + " add'; docs/platform-api.md).")
  boolean api;

  /** Set by tests: returns once the server is up instead of waiting for Ctrl-C. */
  static volatile CountDownLatch stopSignal;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new ExitCodes.UsageException(m("port.bad", port));
    }
    boolean withAccounts = accounts || !isLoopback(bind);
    Path ws = workspace.dir();
    Path demoDir = ws.resolve("demo");
    if (demo) {
      ws = demoDir.resolve("workspace");
      if (!Files.isDirectory(ws)) {
        throw new ExitCodes.UsageException(m("demo.none", ws));
      }
    }
    // Held while the server runs: `workspace move-db` refuses to move a served workspace.
    ServeLock lock = ServeLock.serving(ws);
    try {
      return serve(ws, demoDir, withAccounts, lock);
    } finally {
      lock.close();
    }
  }

  private int serve(Path ws, Path demoDir, boolean withAccounts, ServeLock lock)
      throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    WorkspaceApp.Builder builder = WorkspaceApp.builder(ws).api(api).keys(keys(ws, demoDir));
    if (withAccounts) {
      builder.accounts(new org.redress.web.account.Passwords());
    }
    WorkspaceApp app = builder.build();
    try {
      app.start(bind, port);
    } catch (WorkspaceApp.NoAdminException e) {
      app.close();
      throw new ExitCodes.UsageException(
          Msg.zh()
              ? m("bind.no.admin", bind, ws)
              : "--bind " + bind + ": " + e.getMessage() + " (in this workspace, " + ws + ")");
    } catch (IllegalStateException e) {
      app.close();
      throw new ExitCodes.UsageException(Msg.zh() ? m("start.failed", bind, port) : e.getMessage());
    }
    CountDownLatch stop = stopSignal != null ? stopSignal : new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              app.close();
              lock.close();
              stop.countDown();
            },
            "redress-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      String path = "/";
      if (demo) {
        path =
            app.prepareDemo(
                DemoCommand.BANK,
                demoDir.resolve("report").resolve("spread-report.json"),
                List.of(demoDir.resolve("export")));
      }
      String url = withAccounts ? app.plainUrl(path) : app.url(path);
      out.println(m("url", url));
      if (api) {
        out.println(m("api", url.substring(0, url.indexOf('/', 8))));
      }
      out.flush();
      if (!noOpen) {
        openBrowser(url, spec.commandLine().getErr());
      }
      stop.await();
    } finally {
      if (stopSignal != null) {
        Runtime.getRuntime().removeShutdownHook(hook);
        app.close();
      }
    }
    return ExitCodes.OK;
  }

  private static String m(String key, Object... args) {
    return Msg.get("serve", key, args);
  }

  static boolean isLoopback(String host) {
    return host.equals("127.0.0.1")
        || host.equals("::1")
        || host.equals("localhost")
        || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  }

  /** Opens the default browser when this computer has a display; says so when it cannot. */
  private static void openBrowser(String url, PrintWriter err) {
    try {
      if (!GraphicsEnvironment.isHeadless()
          && Desktop.isDesktopSupported()
          && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(URI.create(url));
        return;
      }
      String display = System.getenv("DISPLAY");
      String wayland = System.getenv("WAYLAND_DISPLAY");
      if ((display != null || wayland != null)
          && Files.isExecutable(Path.of("/usr/bin/xdg-open"))) {
        new ProcessBuilder("/usr/bin/xdg-open", url)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        return;
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall through: say how to open it by hand
    }
    err.println(Msg.line("serve", "no.browser"));
    err.flush();
  }

  /**
   * The locker's key for the pages that open it (evidence, a case's sealed facts): the demo's
   * passphrase file for --demo; $REDRESS_PASSPHRASE for a workspace protected by a passphrase; else
   * the key file.
   */
  private org.redress.evidence.KeySource keys(Path ws, Path demoDir) {
    try {
      if (demo) {
        Path f = demoDir.resolve("demo-passphrase.txt");
        if (Files.isRegularFile(f)) {
          char[] p =
              Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8).get(0).toCharArray();
          try {
            return org.redress.evidence.KeySource.passphrase(p);
          } finally {
            java.util.Arrays.fill(p, '\0');
          }
        }
      }
      String env = System.getenv(EvidenceOptions.PASSPHRASE_ENV);
      if (org.redress.evidence.EvidenceStore.needsPassphrase(ws) && env != null && !env.isEmpty()) {
        return org.redress.evidence.KeySource.passphrase(env.toCharArray());
      }
    } catch (IllegalArgumentException | java.io.IOException | IndexOutOfBoundsException e) {
      throw new ExitCodes.UsageException(
          Msg.zh()
              ? m("passphrase.unreadable")
              : m("passphrase.unreadable") + ": " + e.getMessage());
    }
    return org.redress.evidence.KeySource.keyFile();
  }
}
