package org.redress.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * A reader for the plain subset of YAML the trade lexicon is written in, giving the tree Jackson's
 * YAML reader gives for it. On a fresh JVM Jackson's YAML reader (SnakeYAML underneath) took 0.3 s
 * idle and 1.4-5 s on a busy machine to read the lexicon, more than everything else the first post
 * needs; this reader loads no class of its own beyond the tree's.
 *
 * <p>What it reads: block mappings whose keys are plain words ({@code [A-Za-z0-9_-]}), block
 * sequences, flow sequences and flow mappings (also over several lines), plain, single-quoted and
 * double-quoted scalars (every scalar as text), comments. Anything else (anchors, aliases, tags,
 * block scalars, a plain scalar over several lines, a plain scalar YAML would read as a number, a
 * boolean or null, an empty value, a duplicate key, a tab in the indentation, a document marker)
 * throws {@link Unsupported}: the caller then reads the file with Jackson, so the file may use any
 * YAML and only the speed depends on staying in this subset ({@code TradeLexiconTest} checks that
 * the shipped lexicon does, and that both readers give the same tree).
 */
final class PlainYaml {
  /** The text uses YAML this reader does not read; read it with a full YAML reader instead. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String what, int line) {
      super("line " + line + ": " + what);
    }
  }

  /**
   * Plain scalars a YAML 1.1 or 1.2 reader may take for a number, a boolean or null (rather than
   * text): such a value is left to the full reader.
   */
  private static final Pattern TYPED =
      Pattern.compile(
          "[-+]?[0-9._:a-fA-FxXoO]*[0-9][0-9._:a-fA-FxXoO]*"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|~|null|Null|NULL"
              + "|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE"
              + "|on|On|ON|off|Off|OFF");

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String s;
  private int pos;
  private int line = 1;

  private PlainYaml(String text) {
    this.s = text;
  }

  /**
   * Reads a YAML document of the subset into a tree (mappings as object nodes, sequences as array
   * nodes, scalars as text nodes).
   *
   * @throws Unsupported when the text uses YAML outside the subset
   */
  static JsonNode read(String text) throws Unsupported {
    if (text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
      throw new Unsupported("carriage return or tab", 1);
    }
    PlainYaml y = new PlainYaml(text.startsWith("\uFEFF") ? text.substring(1) : text);
    int indent = y.nextContentLine();
    if (indent < 0) {
      throw new Unsupported("empty document", y.line);
    }
    if (indent != 0) {
      throw new Unsupported("indented document", y.line);
    }
    JsonNode root = y.block(0);
    if (y.nextContentLine() >= 0) {
      throw new Unsupported("text after the document", y.line);
    }
    return root;
  }

  /**
   * Moves to the first character of the next line holding more than spaces and a comment and
   * returns its indentation, or -1 at the end. {@code pos} must be at the start of a line.
   */
  private int nextContentLine() {
    while (pos < s.length()) {
      int i = pos;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      if (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '#') {
        int indent = i - pos;
        pos = i;
        return indent;
      }
      int nl = s.indexOf('\n', i);
      pos = nl < 0 ? s.length() : nl + 1;
      line++;
    }
    return -1;
  }

  /**
   * Back to the start of the content line {@link #nextContentLine} found (indentation {@code
   * indent}), so that the block that holds it reads it; nothing at the end.
   */
  private void rewind(int indent) {
    if (indent > 0) {
      pos -= indent;
    }
  }

  /**
   * A block node whose first line's content starts at {@code pos}, indented by {@code indent}. It
   * returns at the start of the first line that does not belong to it, or at the end.
   */
  private JsonNode block(int indent) throws Unsupported {
    return dash() ? sequence(indent) : mapping(indent);
  }

  private boolean dash() {
    return s.startsWith("-", pos)
        && (pos + 1 == s.length() || " \n".indexOf(s.charAt(pos + 1)) >= 0);
  }

  private JsonNode mapping(int indent) throws Unsupported {
    ObjectNode map = NODES.objectNode();
    while (true) {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) != ':' && s.charAt(pos) != '\n') {
        pos++;
      }
      String key = s.substring(start, pos);
      if (!KEY.matcher(key).matches() || TYPED.matcher(key).matches() || !colon()) {
        throw new Unsupported("not a plain key and a colon: " + s.substring(start, pos), line);
      }
      if (map.has(key)) {
        throw new Unsupported("duplicate key " + key, line);
      }
      pos++;
      spaces();
      JsonNode value;
      if (endOfLine()) {
        int inner = nextContentLine();
        if (inner > indent) {
          value = block(inner);
        } else if (inner == indent && dash()) {
          value = sequence(indent);
        } else {
          throw new Unsupported("empty value of " + key, line);
        }
      } else {
        value = inline();
        lineEnd();
      }
      map.set(key, value);
      int next = nextContentLine();
      if (next < indent) {
        rewind(next);
        return map;
      }
      if (next > indent || dash()) {
        throw new Unsupported("unexpected indentation", line);
      }
    }
  }

  private JsonNode sequence(int indent) throws Unsupported {
    ArrayNode list = NODES.arrayNode();
    while (true) {
      pos++;
      spaces();
      if (endOfLine()) {
        int inner = nextContentLine();
        if (inner <= indent) {
          throw new Unsupported("empty item", line);
        }
        list.add(block(inner));
      } else {
        if (dash()) {
          throw new Unsupported("a sequence inside an item's line", line);
        }
        list.add(inline());
        lineEnd();
      }
      int next = nextContentLine();
      if (next < indent || (next == indent && !dash())) {
        rewind(next);
        return list;
      }
      if (next > indent) {
        throw new Unsupported("unexpected indentation", line);
      }
    }
  }

  /** A value on the rest of a line: a flow collection, a quoted or a plain scalar. */
  private JsonNode inline() throws Unsupported {
    char c = s.charAt(pos);
    if (c == '[' || c == '{') {
      return flow();
    }
    if (c == '\'' || c == '"') {
      return NODES.textNode(quoted());
    }
    int start = pos;
    while (pos < s.length()
        && s.charAt(pos) != '\n'
        && !(s.charAt(pos) == '#' && s.charAt(pos - 1) == ' ')) {
      if (s.charAt(pos) == ':'
          && (pos + 1 == s.length() || " \n".indexOf(s.charAt(pos + 1)) >= 0)) {
        throw new Unsupported("a mapping inside a value", line);
      }
      pos++;
    }
    return NODES.textNode(plain(s.substring(start, pos).strip()));
  }

  /** A flow sequence or mapping, which may run over several lines. */
  private JsonNode flow() throws Unsupported {
    char open = s.charAt(pos++);
    char close = open == '[' ? ']' : '}';
    ObjectNode map = open == '{' ? NODES.objectNode() : null;
    ArrayNode list = open == '[' ? NODES.arrayNode() : null;
    flowSpace();
    if (pos < s.length() && s.charAt(pos) == close) {
      pos++;
      return open == '[' ? list : map;
    }
    while (true) {
      if (map != null) {
        int start = pos;
        while (pos < s.length() && ":,[]{}\n#".indexOf(s.charAt(pos)) < 0) {
          pos++;
        }
        String key = s.substring(start, pos).strip();
        if (!KEY.matcher(key).matches() || TYPED.matcher(key).matches() || !colon()) {
          throw new Unsupported("not a plain key and a colon in a flow mapping", line);
        }
        if (map.has(key)) {
          throw new Unsupported("duplicate key " + key, line);
        }
        pos++;
        flowSpace();
        map.set(key, flowItem());
      } else {
        list.add(flowItem());
      }
      flowSpace();
      if (pos >= s.length()) {
        throw new Unsupported("unclosed " + open, line);
      }
      char c = s.charAt(pos++);
      if (c == close) {
        return open == '[' ? list : map;
      }
      if (c != ',') {
        throw new Unsupported("expected , or " + close + ", found " + c, line);
      }
      flowSpace();
    }
  }

  private JsonNode flowItem() throws Unsupported {
    if (pos >= s.length()) {
      throw new Unsupported("unclosed flow collection", line);
    }
    char c = s.charAt(pos);
    if (c == '[' || c == '{') {
      return flow();
    }
    if (c == '\'' || c == '"') {
      return NODES.textNode(quoted());
    }
    int start = pos;
    while (pos < s.length() && ",[]{}:\n".indexOf(s.charAt(pos)) < 0) {
      if (s.charAt(pos) == '#' && s.charAt(pos - 1) == ' ') {
        break;
      }
      pos++;
    }
    if (pos < s.length() && s.charAt(pos) == ':') {
      throw new Unsupported("a colon in a flow item", line);
    }
    String value = s.substring(start, pos).strip();
    if (pos < s.length() && s.charAt(pos) == '\n') {
      int save = pos;
      int saveLine = line;
      flowSpace();
      if (pos < s.length() && ",]}".indexOf(s.charAt(pos)) < 0) {
        throw new Unsupported("a plain scalar over several lines", saveLine);
      }
      pos = save;
      line = saveLine;
    }
    return NODES.textNode(plain(value));
  }

  /** Spaces, line breaks and comments inside a flow collection. */
  private void flowSpace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ') {
        pos++;
      } else if (c == '\n') {
        pos++;
        line++;
      } else if (c == '#' && (pos == 0 || " \n".indexOf(s.charAt(pos - 1)) >= 0)) {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private String plain(String value) throws Unsupported {
    if (value.isEmpty()) {
      throw new Unsupported("empty value", line);
    }
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0) {
      throw new Unsupported("a plain scalar starting with " + value.charAt(0), line);
    }
    if (TYPED.matcher(value).matches()) {
      throw new Unsupported("a value YAML may read as a number, boolean or null: " + value, line);
    }
    return value;
  }

  /** A single- or double-quoted scalar on one line. */
  private String quoted() throws Unsupported {
    char q = s.charAt(pos++);
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos >= s.length() || s.charAt(pos) == '\n') {
        throw new Unsupported("a quoted scalar over several lines", line);
      }
      char c = s.charAt(pos++);
      if (c == q) {
        if (q == '\'' && pos < s.length() && s.charAt(pos) == '\'') {
          b.append('\'');
          pos++;
          continue;
        }
        return b.toString();
      }
      if (c == '\\' && q == '"') {
        b.append(escape());
      } else {
        b.append(c);
      }
    }
  }

  private String escape() throws Unsupported {
    if (pos >= s.length()) {
      throw new Unsupported("an escape at the end", line);
    }
    char e = s.charAt(pos++);
    switch (e) {
      case '\\':
      case '"':
      case '/':
        return String.valueOf(e);
      case 'n':
        return "\n";
      case 't':
        return "\t";
      case 'u':
        if (pos + 4 <= s.length() && s.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
          pos += 4;
          return String.valueOf((char) Integer.parseInt(s.substring(pos - 4, pos), 16));
        }
        throw new Unsupported("a bad \\u escape", line);
      default:
        throw new Unsupported("the escape \\" + e, line);
    }
  }

  /** After a key: whether the colon at {@code pos} ends it (a space or the line's end follows). */
  private boolean colon() {
    return pos < s.length()
        && s.charAt(pos) == ':'
        && (pos + 1 == s.length() || " \n".indexOf(s.charAt(pos + 1)) >= 0);
  }

  private void spaces() {
    while (pos < s.length() && s.charAt(pos) == ' ') {
      pos++;
    }
  }

  /** Whether only spaces and a comment are left on the line. */
  private boolean endOfLine() {
    spaces();
    return pos >= s.length() || s.charAt(pos) == '\n' || s.charAt(pos) == '#';
  }

  /** Expects the end of the line (spaces and a comment) and moves to the next line. */
  private void lineEnd() throws Unsupported {
    if (!endOfLine()) {
      throw new Unsupported("text after a value: " + s.charAt(pos), line);
    }
    int nl = s.indexOf('\n', pos);
    pos = nl < 0 ? s.length() : nl + 1;
    line++;
  }
}
