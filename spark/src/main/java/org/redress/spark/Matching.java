package org.redress.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.redress.cases.MatchJson;
import org.redress.match.Match;
import org.redress.match.MatchResult;
import org.redress.match.Matcher;
import org.redress.match.Query;
import org.redress.phash.Dihedral;
import org.redress.phash.DihedralHashes;
import org.redress.phash.Pdq;
import org.redress.phash.PdqResult;

/**
 * Matches one hashed file on an executor against the broadcast banks, exactly as {@code redress
 * match} does ({@link Matcher#match}, or {@link Matcher#matchDihedral} when the dihedral variants
 * were hashed), and renders the line {@code redress match --json} prints for it.
 */
final class Matching implements FlatMapFunction<HashRow, ResultRow> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Broadcast<BankSnapshot> banks;
  private final boolean dihedral;
  private final boolean screenshots;

  /**
   * @param banks the broadcast banks
   * @param dihedral whether to match images mirrored and rotated (as {@code match --dihedral})
   * @param screenshots whether to search images that match nothing for picture regions (a local
   *     file's only: a ZIP entry or a remote file was hashed from a copy that is gone)
   */
  Matching(Broadcast<BankSnapshot> banks, boolean dihedral, boolean screenshots) {
    this.banks = banks;
    this.dihedral = dihedral;
    this.screenshots = screenshots;
  }

  @Override
  public Iterator<ResultRow> call(HashRow h) {
    Matcher matcher = banks.value().matcher();
    ResultRow whole = match(matcher, h, dihedral);
    List<ResultRow> rows = new ArrayList<>(List.of(whole));
    if (screenshots
        && searchRegions(whole)
        && h.getPath().equals(Inputs.display(h.getSource()))
        && h.getSource().startsWith("file:")) {
      java.nio.file.Path local = java.nio.file.Paths.get(java.net.URI.create(h.getSource()));
      rows.addAll(Regions.search(local, whole, matcher));
    }
    return rows.iterator();
  }

  /**
   * Whether {@code redress match} searches this file for regions: an image that matched nothing.
   */
  static boolean searchRegions(ResultRow whole) {
    return whole.getError() == null
        && "IMAGE".equals(whole.getKind())
        && whole.getMatches().isEmpty();
  }

  static ResultRow match(Matcher matcher, HashRow h, boolean dihedral) {
    ResultRow r = new ResultRow();
    r.setPath(h.getPath());
    r.setSource(h.getSource());
    r.setSize(h.getSize());
    if (h.getError() != null) {
      r.setError(h.getError());
      ObjectNode e = JsonNodeFactory.instance.objectNode();
      e.put("path", h.getPath());
      e.put("error", h.getError());
      r.setJson(write(e));
      return r;
    }
    r.setKind(h.getKind());
    r.setMd5(h.getMd5());
    r.setSha256(h.getSha256());
    r.setPdq(h.getPdq());
    PdqResult pdq =
        h.getPdq() == null ? null : new PdqResult(Pdq.parse(h.getPdq()), h.getQuality());
    Query q =
        new Query(
            pdq,
            h.getVpdq() == null ? null : Hashing.decodeFrames(h.getVpdq()),
            h.getMd5(),
            h.getSha256());
    MatchResult m;
    if (dihedral && h.getDihedral() != null) {
      List<Pdq> variants = new ArrayList<>();
      for (String v : h.getDihedral().split(",", -1)) {
        variants.add(Pdq.parse(v));
      }
      m = matcher.matchDihedral(q, DihedralHashes.of(variants, h.getQuality()));
    } else {
      m = matcher.match(q);
    }
    return render(r, h.getPath(), m);
  }

  /**
   * Fills {@code r} with what matched and the line {@code redress match --json} prints for {@code
   * path} (a file, or a screenshot's region {@code FILE#region=x,y,w,h}).
   */
  static ResultRow render(ResultRow r, String path, MatchResult m) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("path", path);
    ArrayNode ms = o.putArray("matches");
    for (Match x : m.matches()) {
      r.getMatches().add(row(x));
      ms.add(MatchJson.of(x));
    }
    ArrayNode sup = o.putArray("suppressed");
    for (MatchResult.Suppressed s : m.suppressed()) {
      MatchRow row = row(s.match());
      row.setAllowId(s.allowId());
      row.setAllowLabel(s.allowLabel());
      r.getSuppressed().add(row);
      ObjectNode so = MatchJson.of(s.match());
      so.put("allow_id", s.allowId());
      so.put("allow_label", s.allowLabel());
      sup.add(so);
    }
    ArrayNode ws = o.putArray("warnings");
    for (String w : m.warnings()) {
      r.getWarnings().add(w);
      ws.add(w);
    }
    r.setJson(write(o));
    return r;
  }

  private static MatchRow row(Match m) {
    MatchRow r = new MatchRow();
    r.setBank(m.bank());
    r.setItem(m.item());
    r.setLabel(m.label());
    r.setSignal(m.signal().id());
    r.setDistance(m.distance());
    if (!Double.isNaN(m.queryPercent())) {
      r.setQueryPercent(MatchJson.percent(m.queryPercent()));
      r.setComparedPercent(MatchJson.percent(m.comparedPercent()));
    }
    Dihedral t = m.transform();
    r.setTransform(t == null ? null : t.referenceName());
    return r;
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
