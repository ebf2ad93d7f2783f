package org.redress.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The case facts a spread report proves: a fragment of {@code redress/case-facts@1} holding only
 * the keys an export can show. Null means "not shown" (never 0: finding nothing here proves nothing
 * about elsewhere). In JSON it is nested as the facts vocabulary is ({@code conduct.first_act},
 * {@code distribution.counts.images}, …), so the fragment is itself a facts file.
 *
 * @param firstAct {@code conduct.first_act}: the day of the earliest post with a matched copy
 * @param lastAct {@code conduct.last_act}: the day of the latest
 * @param shared {@code distribution.shared}
 * @param online {@code distribution.online}
 * @param images {@code distribution.counts.images}: distinct matched image files posted
 * @param videos {@code distribution.counts.videos}: distinct matched video files posted
 * @param adPosts {@code trade.ad_posts}: posts flagged as trade ads
 * @param clicks {@code distribution.counts.clicks}: the largest view count read (a screenshot or a
 *     captured page), a lower bound
 * @param members {@code distribution.group.members}: the largest member count read
 */
public record CaseFactsFragment(
    @Nullable LocalDate firstAct,
    @Nullable LocalDate lastAct,
    @Nullable Boolean shared,
    @Nullable Boolean online,
    @Nullable Long images,
    @Nullable Long videos,
    @Nullable Long adPosts,
    @Nullable Long clicks,
    @Nullable Long members) {
  /** The facts vocabulary the fragment belongs to. */
  public static final String CASE_FACTS = "redress/case-facts@1";

  /** A fragment that shows nothing. */
  public static final CaseFactsFragment NONE =
      new CaseFactsFragment(null, null, null, null, null, null, null, null, null);

  /** The fragment with read counts (views, members) added. */
  public CaseFactsFragment withRead(@Nullable Long clicks, @Nullable Long members) {
    return new CaseFactsFragment(
        firstAct, lastAct, shared, online, images, videos, adPosts, clicks, members);
  }

  /** Checks that counts are positive and the dates in order. */
  public CaseFactsFragment {
    positive(images, "distribution.counts.images");
    positive(videos, "distribution.counts.videos");
    positive(adPosts, "trade.ad_posts");
    if ((clicks != null && clicks < 0) || (members != null && members < 0)) {
      throw new IllegalArgumentException("read counts must not be negative");
    }
    if (firstAct != null && lastAct != null && lastAct.isBefore(firstAct)) {
      throw new IllegalArgumentException(
          "conduct.last_act " + lastAct + " is before conduct.first_act " + firstAct);
    }
  }

  private static void positive(@Nullable Long n, String key) {
    if (n != null && n <= 0) {
      throw new IllegalArgumentException(key + " must be at least 1 when shown, was " + n);
    }
  }

  /**
   * The fragment as dotted keys in vocabulary order ({@code conduct.first_act} → {@code
   * 2026-03-01}); only the facts shown. Values are {@code LocalDate}, {@code Boolean} or {@code
   * Long}.
   */
  public Map<String, Object> byKey() {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "conduct.first_act", firstAct);
    put(m, "conduct.last_act", lastAct);
    put(m, "distribution.shared", shared);
    put(m, "distribution.online", online);
    put(m, "distribution.counts.images", images);
    put(m, "distribution.counts.videos", videos);
    put(m, "distribution.counts.clicks", clicks);
    put(m, "distribution.group.members", members);
    put(m, "trade.ad_posts", adPosts);
    return m;
  }

  private static void put(Map<String, Object> m, String key, @Nullable Object v) {
    if (v != null) {
      m.put(key, v);
    }
  }
}
