package org.redress.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.casework.OwnerOnly;

/**
 * Keeps what the server writes owner-only while it runs (folders {@code 0700}, files {@code 0600}),
 * not only after the next command: the controllers create their files through {@link OwnerOnly},
 * and after every request that may write (not GET or HEAD) the case's folder and the upload folder
 * are tightened, for files a module wrote on the way (a report, a document, a cache).
 */
final class FileModes {
  private static final Pattern CASE = Pattern.compile("^/cases/([A-Za-z0-9][A-Za-z0-9._-]*)");

  private FileModes() {}

  /** The after-handler. */
  static void after(Web web, Context ctx) {
    if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
      return;
    }
    Matcher m = CASE.matcher(ctx.path());
    if (m.find()) {
      try {
        OwnerOnly.tightenTree(web.cases().dir(m.group(1)));
      } catch (IllegalArgumentException notACase) {
        // a malformed case id: nothing was written for it
      }
    }
    OwnerOnly.tightenTree(web.uploads());
  }
}
