package org.redress.web.hash;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.web.Messages;

/**
 * The hasher as one self-contained HTML file ({@code redress hasher OUT.html}): the same page,
 * script and worker as {@code /hash}, with the WebAssembly module inlined, no address of anything
 * anywhere, and a policy (in a {@code <meta>} element) that allows no network connection at all. An
 * NGO sends the file; she opens it from disk, hashes offline and returns the hash list.
 */
public final class HasherPage {
  static final String PAGE_JS = "/org/redress/web/hash/hash-page.js";
  static final String WORKER_JS = "/org/redress/web/hash/hash-worker.js";
  static final String CSS = "/org/redress/web/static/app.css";
  static final String WASM = "/org/redress/browserhash/phash.wasm";
  static final String PHASH_JS = "/org/redress/browserhash/phash.js";

  private HasherPage() {}

  /**
   * The page in {@code lang} ({@code zh} or {@code en}).
   *
   * @throws UncheckedIOException if a bundled resource is missing
   */
  public static String standalone(String lang) {
    Messages m = Messages.of(lang);
    String pageJs = text(PAGE_JS);
    String css = text(CSS);
    String csp =
        "default-src 'none'; script-src '"
            + sha256(pageJs)
            + "' 'wasm-unsafe-eval'; style-src '"
            + sha256(css)
            + "'; img-src blob:; media-src blob:; worker-src blob:; connect-src 'none';"
            + " form-action 'none'; base-uri 'none'";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("m", m);
    params.put("htmlLang", m.lang().equals("en") ? "en" : "zh-CN");
    params.put("csp", csp);
    params.put("css", css);
    params.put("pageJs", pageJs);
    params.put("workerJs", text(WORKER_JS));
    // Base64 only (A-Z a-z 0-9 + / = and line ends): safe to inline unescaped.
    // TeaVM's JavaScript build: the approximate fallback for browsers without WebAssembly GC.
    params.put("phashJs", text(PHASH_JS));
    params.put("wasm", Base64.getMimeEncoder(76, new byte[] {(byte) 10}).encodeToString(wasm()));
    StringOutput out = new StringOutput();
    TemplateEngine.createPrecompiled(ContentType.Html).render("hash/standalone.jte", params, out);
    return out.toString();
  }

  /** The WebAssembly module (phash compiled by TeaVM, from the browserhash jar). */
  static byte[] wasm() {
    return bytes(WASM);
  }

  private static String text(String name) {
    String s = new String(bytes(name), StandardCharsets.UTF_8);
    if (s.contains("</script") || s.contains("</style")) {
      throw new IllegalStateException(name + " cannot be inlined: it contains a closing tag");
    }
    return s;
  }

  private static byte[] bytes(String name) {
    try (InputStream in = HasherPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("missing resource " + name + " (is browserhash built?)"));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + name, e);
    }
  }

  /** A CSP source expression for an inline element's exact text. */
  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
