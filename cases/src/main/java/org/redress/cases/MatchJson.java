package org.redress.cases;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.redress.match.Match;

/**
 * The JSON form of a match, as {@code redress match --json} and the bulk job write it (one writer,
 * so the two cannot drift): {@code bank}, {@code item}, {@code label}, {@code signal}, {@code
 * distance}, then {@code query_percent} and {@code compared_percent} for vPDQ and {@code transform}
 * for dihedral matches.
 */
public final class MatchJson {
  private MatchJson() {}

  /** The object for {@code m}, fields in the documented order. */
  public static ObjectNode of(Match m) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("bank", m.bank());
    o.put("item", m.item());
    o.put("label", m.label());
    o.put("signal", m.signal().id());
    o.put("distance", m.distance());
    if (!Double.isNaN(m.queryPercent())) {
      o.put("query_percent", percent(m.queryPercent()));
      o.put("compared_percent", percent(m.comparedPercent()));
    }
    if (m.transform() != null) {
      o.put("transform", m.transform().referenceName());
    }
    return o;
  }

  /** A vPDQ percentage as written: rounded to four decimals. */
  public static double percent(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }
}
