package org.redress.documents.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fonts a PDF draws with, in order: the primary font (the bundled Noto Serif SC subset, or the
 * user's {@code --font}), then fallbacks for what it lacks (CJK extension B, Uyghur, Tibetan,
 * Mongolian, emoji, symbols). Each code point is drawn with the first font that has it; one that no
 * font has is drawn as a visible □ and reported, so a rare character in a chat name never stops a
 * document. Fallbacks come from Debian font packages when installed (see {@link #DEBIAN_FALLBACKS},
 * and docs/decisions.md for why they are loaded, not bundled); they are parsed only when a document
 * needs a character the primary font lacks.
 */
public final class FontChain {
  /** What a missing glyph is drawn as. */
  public static final int MISSING = 0x25A1;

  /**
   * Fallback fonts of Debian packages, in order: Noto Sans/Serif (fonts-noto-core) for Latin,
   * Arabic script (Uyghur), Tibetan and Mongolian; HanaMin A/B (fonts-hanazono) for CJK extensions
   * A–B; Symbola (fonts-symbola) for emoji and symbols in outline; DejaVu Sans (fonts-dejavu-core)
   * last.
   */
  public static final List<Path> DEBIAN_FALLBACKS =
      List.of(
          Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
          Path.of("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
          Path.of("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"),
          Path.of("/usr/share/fonts/truetype/noto/NotoSerifTibetan-Regular.ttf"),
          Path.of("/usr/share/fonts/truetype/noto/NotoSansTibetan-Regular.ttf"),
          Path.of("/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf"),
          Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
          Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),
          Path.of("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
          Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

  private static final Map<Path, FontSource> LOADED = new HashMap<>();

  private final FontSource primary;
  private final List<Path> fallbackPaths;
  private final List<FontSource> fonts = new ArrayList<>();
  private int loaded;
  private final Map<Integer, Integer> choice = new HashMap<>();
  private final Set<Integer> missing = new LinkedHashSet<>();

  /** A chain of the primary font and the fallback files that exist (others are skipped). */
  public FontChain(FontSource primary, List<Path> fallbacks) {
    this.primary = primary;
    this.fonts.add(primary);
    this.fallbackPaths = fallbacks.stream().filter(Files::isRegularFile).toList();
  }

  /** The fonts loaded so far; index 0 is the primary font. */
  public List<FontSource> fonts() {
    return fonts;
  }

  /**
   * The index in {@link #fonts()} of the font that draws {@code cp}, loading fallbacks as needed;
   * -1 when no font has it (draw {@link #MISSING} with the primary font then).
   */
  public synchronized int fontFor(int cp) {
    if (cp < 0x20 || primary.has(cp)) {
      return 0;
    }
    Integer cached = choice.get(cp);
    if (cached != null) {
      return cached;
    }
    int found = -1;
    for (int i = 1; i < fonts.size() && found < 0; i++) {
      if (fonts.get(i).has(cp)) {
        found = i;
      }
    }
    while (found < 0 && loaded < fallbackPaths.size()) {
      Path p = fallbackPaths.get(loaded++);
      FontSource f = load(p);
      if (f != null) {
        fonts.add(f);
        if (f.has(cp)) {
          found = fonts.size() - 1;
        }
      }
    }
    choice.put(cp, found);
    if (found < 0) {
      missing.add(cp);
    }
    return found;
  }

  private static FontSource load(Path p) {
    synchronized (LOADED) {
      if (!LOADED.containsKey(p)) {
        FontSource f;
        try {
          f = FontSource.file(p);
        } catch (RuntimeException e) {
          f = null; // not TrueType, or unreadable: skip it
        }
        LOADED.put(p, f);
      }
      return LOADED.get(p);
    }
  }

  /** The characters no font has, in the order met. */
  public List<Integer> missing() {
    return List.copyOf(missing);
  }

  /** Warnings for the characters no font has, one per character (no front end's remedy). */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (int cp : missing) {
      out.add(
          org.redress.documents.MissingGlyph.what(cp)
              + " (install "
              + org.redress.documents.MissingGlyph.FONT_PACKAGES
              + ")");
    }
    return out;
  }
}
