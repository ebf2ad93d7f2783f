package org.redress.cases;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link ServeLockTest} and {@link DatabaseMoveTest}: takes a workspace's
 * {@link ServeLock} as {@code redress serve} does ({@code serve}) or as a move does ({@code move}),
 * prints {@code held} (or the refusal's reason), then holds it until its standard input closes.
 */
final class ServeLockHolder {
  private ServeLockHolder() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    ServeLock lock;
    try {
      lock = args[0].equals("serve") ? ServeLock.serving(dir) : ServeLock.alone(dir);
    } catch (CasesException e) {
      out.println("refused " + e.reason());
      return;
    }
    try {
      out.println("held");
      while (System.in.read() >= 0) {
        // holds the lock until the test closes this process's input
      }
    } finally {
      lock.close();
    }
  }

  /** Starts a holder; returns once it holds the lock (or says it was refused). */
  static Held start(String mode, Path dir) throws IOException {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                ServeLockHolder.class.getName(),
                mode,
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    java.io.BufferedReader in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    return new Held(p, String.valueOf(in.readLine()));
  }

  /** A running holder and the first line it printed. */
  record Held(Process process, String said) implements AutoCloseable {
    /** Closes its input, so it lets go, and waits for it to end. */
    @Override
    public void close() throws IOException {
      process.getOutputStream().close();
      try {
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
