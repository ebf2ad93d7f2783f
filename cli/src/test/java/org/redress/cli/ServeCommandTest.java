package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void serve_printsOneLineWithTokenAndPagesNeedIt() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    ServeCommand.stopSignal = stop;
    AtomicInteger exit = new AtomicInteger(-1);
    Thread t =
        new Thread(
            () ->
                exit.set(
                    Main.run(
                        new String[] {"serve", "--no-open", "--workspace", dir.toString()},
                        new PrintWriter(out),
                        new PrintWriter(err))));
    t.start();
    try {
      long end = System.nanoTime() + 60_000_000_000L;
      while (!out.toString().contains("\n") && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      String line = out.toString();
      Matcher m =
          Pattern.compile(
                  "Redress workspace: (http://127\\.0\\.0\\.1:([0-9]+))/\\?token=([A-Za-z0-9_-]{43})\n")
              .matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> noToken =
          http.send(
              HttpRequest.newBuilder(URI.create(m.group(1) + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(noToken.statusCode()).isEqualTo(401);
      HttpResponse<String> withToken =
          http.send(
              HttpRequest.newBuilder(URI.create(m.group(1) + "/?token=" + m.group(3))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(withToken.statusCode()).isEqualTo(303);
    } finally {
      stop.countDown();
      t.join(30_000);
      ServeCommand.stopSignal = null;
    }
    assertThat(exit.get()).isEqualTo(0);
  }

  @Test
  void serve_onOtherThanLoopbackWithoutAdmin_isUsageError() {
    CliRun r = new CliWorkspace(dir).run("serve", "--no-open", "--bind", "0.0.0.0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no admin account").contains("redress account add");
  }

  @Test
  void accountAdd_readsThePasswordFromStdin_thenServeWithAccountsAsksToSignIn() throws Exception {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              "a long admin password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      CliRun add = new CliWorkspace(dir).run("account", "add", "amy", "--role", "admin");
      assertThat(add.exit()).as(add.err()).isEqualTo(0);
      assertThat(add.out()).isEqualTo("added\tamy\tadmin\n");
    } finally {
      System.setIn(stdin);
    }
    CliRun list = new CliWorkspace(dir).run("account", "list");
    assertThat(list.out()).startsWith("amy\tadmin\t");
    assertThat(new CliWorkspace(dir).run("account", "add", "bo", "--role", "boss").exit())
        .isEqualTo(2);
    StringWriter out = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    ServeCommand.stopSignal = stop;
    Thread t =
        new Thread(
            () ->
                Main.run(
                    new String[] {
                      "serve", "--no-open", "--accounts", "--workspace", dir.toString()
                    },
                    new PrintWriter(out),
                    new PrintWriter(new StringWriter())));
    t.start();
    try {
      long end = System.nanoTime() + 60_000_000_000L;
      while (!out.toString().contains("\n") && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      Matcher m =
          Pattern.compile("Redress workspace: (http://127\\.0\\.0\\.1:[0-9]+)/\n")
              .matcher(out.toString());
      assertThat(m.matches()).as(out.toString()).isTrue();
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(m.group(1) + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.uri().getPath()).isEqualTo("/login");
    } finally {
      stop.countDown();
      t.join(30_000);
      ServeCommand.stopSignal = null;
    }
  }

  @Test
  void serve_demoWithoutDemo_isUsageError() {
    CliRun r = new CliWorkspace(dir).run("serve", "--no-open", "--demo");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("redress demo");
  }
}
