package org.redress.web.takedown;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.redress.casework.Takedowns;
import org.redress.web.Web;
import org.redress.web.cases.CasesController;

/** {@code GET /cases/{id}/takedowns}: the case's takedown tracker, one card per platform. */
public final class TakedownController {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private final Web web;

  /** The controller over the app's shared parts. */
  public TakedownController(Web web) {
    this.web = web;
  }

  /** {@code GET /cases/{id}/takedowns}. */
  public void show(Context ctx) {
    String caseId = CasesController.find(web, ctx).id();
    LocalDate today = LocalDate.now(web.clock().withZone(BEIJING));
    List<Takedowns.PlatformTrack> tracks =
        new Takedowns(web.database().takedowns())
            .tracker(caseId, today, Takedowns.DEFAULT_ESCALATE_AFTER_DAYS);
    web.render(
        ctx,
        "takedown/list.jte",
        "caseId",
        caseId,
        "tracks",
        tracks,
        "today",
        today.toString(),
        "days",
        Takedowns.DEFAULT_ESCALATE_AFTER_DAYS);
  }
}
