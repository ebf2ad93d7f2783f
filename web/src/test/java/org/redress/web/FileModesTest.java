package org.redress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server writes while it runs is owner-only at once: after a bank add, an uploaded ZIP
 * scanned, interview answers (facts versions) and the documents drafted, all through HTTP, every
 * folder under the workspace is {@code 0700} and every file {@code 0600}, before any command ran.
 */
class FileModesTest {
  @TempDir Path dir;
  private WorkspaceApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void uploadScanInterviewDocuments_throughTheWeb_everyFile0600AndFolder0700() throws Exception {
    Path ws = dir.resolve("ws");
    app = WorkspaceApp.builder(ws).build().start("127.0.0.1", 0);
    Http http = new Http(app.port());
    String s = Http.cookie(http.get("/?token=" + app.token(), null));
    String csrf = Http.csrf(http.get("/", s).body());
    String caseId =
        http.post("/cases", s, "_csrf=" + csrf)
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .substring("/cases/".length());
    Path pictures = Fixtures.pictures(dir.resolve("pictures"), 2);
    assertThat(
            http.post(
                    "/cases/" + caseId + "/bank/files",
                    s,
                    "_csrf=" + csrf + "&folder=" + Http.enc(pictures.toString()))
                .statusCode())
        .isLessThan(400);
    Path zip = Fixtures.zip(Fixtures.export(dir.resolve("export")), dir.resolve("e.zip"));
    HttpResponse<String> up = upload("/cases/" + caseId + "/scans/upload", s, csrf, zip);
    assertThat(up.statusCode()).isEqualTo(303);
    String scan = up.headers().firstValue("Location").orElseThrow();
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!http.get(scan, s).body().contains("report-summary")) {
      assertThat(System.nanoTime()).as("scan finished in time").isLessThan(end);
      Thread.sleep(100);
    }
    for (String[] a :
        new String[][] {
          {"conduct.first_act", "2026-02-01"}, {"conduct.last_act", "2026-02-20"},
        }) {
      http.post(
          "/cases/" + caseId + "/interview",
          s,
          "_csrf=" + csrf + "&fact=" + a[0] + "&action=answer&value=" + a[1]);
    }
    assertThat(http.post("/cases/" + caseId + "/documents", s, "_csrf=" + csrf).statusCode())
        .isEqualTo(303);

    List<String> open = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(ws)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Files.isSymbolicLink(p)) {
          continue;
        }
        String mode =
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        files += folder ? 0 : 1;
        if (!mode.equals(folder ? "rwx------" : "rw-------")) {
          open.add(mode + " " + ws.relativize(p));
        }
      }
    }
    assertThat(open).isEmpty();
    try (Stream<Path> docs = Files.walk(ws.resolve("cases/" + caseId + "/documents"))) {
      assertThat(docs.filter(p -> p.toString().endsWith(".pdf")).count()).isPositive();
    }
    assertThat(files).isGreaterThan(10);
  }

  private HttpResponse<String> upload(String path, String cookie, String csrf, Path zip)
      throws Exception {
    String boundary = "----redress-file-modes";
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"e.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    b.write(Files.readAllBytes(zip));
    b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
