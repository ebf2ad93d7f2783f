package org.redress.documents.internal;

import java.util.AbstractMap;
import java.util.Set;
import org.redress.documents.Lang;

/**
 * Lets a template cite any provision by ID: {@code {{cite.CN-CC-1195}}}. An ID the citation table
 * does not know renders as a placeholder, so a typo in a template is visible, not silent.
 */
final class CiteMap extends AbstractMap<String, Object> {
  private final Lang lang;
  private final Set<String> cited;

  CiteMap(Lang lang, Set<String> cited) {
    this.lang = lang;
    this.cited = cited;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String;
  }

  @Override
  public Object get(Object key) {
    String id = String.valueOf(key);
    cited.add(id);
    return Citations.of(id)
        .map(c -> c.get(lang))
        .orElse(new Words(lang).label(new Words(lang).say("ph.citation", "id", id)));
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Set.of();
  }
}
