package org.redress.web.takedown;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.redress.cases.CasesException;
import org.redress.cases.FeedStore;
import org.redress.casework.Cases;
import org.redress.casework.CaseworkException;
import org.redress.casework.Takedowns;
import org.redress.web.Web;
import org.redress.web.WebException;
import org.redress.web.cases.CasesController;

/**
 * {@code /cases/{id}/takedowns}: the case's takedown tracker, one card per platform, and sharing
 * her bank with the platforms' hash feed, only with her consent (recorded in the case, scope
 * {@value #CONSENT_SCOPE}); unsharing withdraws the consent and her records from the feed.
 */
public final class TakedownController {
  /** The case's consent scope for giving her hashes to platforms. */
  public static final String CONSENT_SCOPE = "platform-feed";

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private final Web web;

  /** The controller over the app's shared parts. */
  public TakedownController(Web web) {
    this.web = web;
  }

  /** {@code GET /cases/{id}/takedowns}. */
  public void show(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    LocalDate today = LocalDate.now(web.clock().withZone(BEIJING));
    List<Takedowns.PlatformTrack> tracks =
        new Takedowns(web.database().takedowns())
            .tracker(c.id(), today, Takedowns.DEFAULT_ESCALATE_AFTER_DAYS);
    web.render(
        ctx,
        "takedown/list.jte",
        "caseId",
        c.id(),
        "tracks",
        tracks,
        "today",
        today.toString(),
        "days",
        Takedowns.DEFAULT_ESCALATE_AFTER_DAYS,
        "share",
        share(c).orElse(null));
  }

  /** {@code POST /cases/{id}/takedowns/share}: needs {@code consent=yes}. */
  public void share(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    if (!"yes".equals(ctx.formParam("consent"))) {
      throw WebException.badInput("share.error.consent", null);
    }
    try {
      web.cases().ensureBank(c.bank());
      web.cases().consent(c.id(), CONSENT_SCOPE, true);
      web.database().feed().share(c.bank(), c.id());
    } catch (CaseworkException | CasesException e) {
      throw new WebException(500, "error.internal", e.getClass().getSimpleName());
    }
    ctx.redirect("/cases/" + c.id() + "/takedowns#share", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /cases/{id}/takedowns/unshare}: withdraws her consent and her records. */
  public void unshare(Context ctx) {
    Cases.CaseInfo c = CasesController.find(web, ctx);
    try {
      if (share(c).map(FeedStore.Share::shared).orElse(false)) {
        web.database().feed().unshare(c.bank());
      }
      web.cases().consent(c.id(), CONSENT_SCOPE, false);
    } catch (CaseworkException | CasesException e) {
      throw new WebException(500, "error.internal", e.getClass().getSimpleName());
    }
    ctx.redirect("/cases/" + c.id() + "/takedowns#share", HttpStatus.SEE_OTHER);
  }

  private Optional<FeedStore.Share> share(Cases.CaseInfo c) {
    return web.database().feed().shares().stream()
        .filter(s -> s.bank().equals(c.bank()))
        .findFirst();
  }
}
