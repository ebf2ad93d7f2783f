package org.redress.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A condition written in the law data, parsed once and evaluated many times.
 *
 * <p>The language is deliberately small and has no side effects, loops or access to anything but
 * case facts and law parameters: literals ({@code 20}, {@code 0.5}, {@code true}, {@code
 * 'partner'}), fact paths ({@code distribution.counts.videos}), parameters
 * ({@code @spc2004_11.videos}), {@code ! && || == != < <= > >= + - * /}, {@code x in ['a', 'b']},
 * parentheses, and three functions: {@code atLeast(k, c1, c2, …)} (at least k conditions hold),
 * {@code undetermined('name', c)} (when c holds, the answer depends on a determination named {@code
 * name} that facts cannot settle, such as an obscenity appraisal) and {@code given(path)} (whether
 * the fact is known at all: never unknown, for facts only a record can give, such as the date a
 * platform was notified, whose absence means "no such record").
 *
 * <p>Evaluation is three-valued (Kleene): a fact that is absent is unknown, not false; {@code false
 * && unknown} is false, {@code true || unknown} is true, and every other use of an unknown value is
 * unknown. An unknown result carries the names of the facts and determinations it waits for.
 */
final class Expr {
  /** Resolves fact paths and parameters during evaluation. */
  interface Env {
    /** The fact's value (Boolean, BigDecimal, String) or null when the fact is unknown. */
    @Nullable Object fact(String path);

    /** The parameter's value; throws when no version of it covers the evaluation date. */
    BigDecimal param(String name);
  }

  private final String source;
  private final Node root;

  private Expr(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /**
   * Parses a condition.
   *
   * @throws IllegalArgumentException naming the position and the offending text
   */
  static Expr parse(String source) {
    Parser p = new Parser(source);
    Node n = p.or();
    p.skipSpace();
    if (p.pos != source.length()) {
      throw p.error("unexpected '" + source.substring(p.pos) + "'");
    }
    return new Expr(source, n);
  }

  String source() {
    return source;
  }

  /** The fact paths this condition reads. */
  Set<String> factPaths() {
    Set<String> out = new LinkedHashSet<>();
    root.visit(
        n -> {
          if (n instanceof FactRef) {
            out.add(((FactRef) n).path);
          }
        });
    return out;
  }

  /**
   * The fact paths this condition only asks about ({@code given(path)}): any fact, dates included,
   * since the value itself is not used.
   */
  Set<String> givenPaths() {
    Set<String> out = new LinkedHashSet<>();
    root.visit(
        n -> {
          if (n instanceof Given) {
            out.add(((Given) n).fact.path);
          }
        });
    return out;
  }

  /** The parameter names this condition reads. */
  Set<String> params() {
    Set<String> out = new LinkedHashSet<>();
    root.visit(
        n -> {
          if (n instanceof ParamRef) {
            out.add(((ParamRef) n).name);
          }
        });
    return out;
  }

  /** The names of the determinations this condition may wait for. */
  Set<String> determinations() {
    Set<String> out = new LinkedHashSet<>();
    root.visit(
        n -> {
          if (n instanceof Undetermined) {
            out.add(((Undetermined) n).name);
          }
        });
    return out;
  }

  /** Evaluates the condition to a three-valued result. */
  Val eval(Env env) {
    return root.eval(env);
  }

  @Override
  public String toString() {
    return source;
  }

  /** A value: boolean, number, string, or unknown (with what it waits for). */
  static final class Val {
    static final Val TRUE = new Val(Kind.BOOL, true, Set.of());
    static final Val FALSE = new Val(Kind.BOOL, false, Set.of());

    enum Kind {
      BOOL,
      NUM,
      STR,
      UNKNOWN
    }

    final Kind kind;
    final @Nullable Object value;

    /** For unknown values: the fact paths and determinations the result waits for. */
    final Set<String> waitsFor;

    private Val(Kind kind, @Nullable Object value, Set<String> waitsFor) {
      this.kind = kind;
      this.value = value;
      this.waitsFor = waitsFor;
    }

    static Val unknown(Set<String> waitsFor) {
      return new Val(
          Kind.UNKNOWN, null, Collections.unmodifiableSet(new LinkedHashSet<>(waitsFor)));
    }

    static Val of(Object o) {
      if (o instanceof Boolean) {
        return (Boolean) o ? TRUE : FALSE;
      }
      if (o instanceof BigDecimal) {
        return new Val(Kind.NUM, o, Set.of());
      }
      return new Val(Kind.STR, o, Set.of());
    }

    boolean isTrue() {
      return kind == Kind.BOOL && (Boolean) value();
    }

    boolean isFalse() {
      return kind == Kind.BOOL && !(Boolean) value();
    }

    /** The value of a known result; only {@code UNKNOWN} has none. */
    Object value() {
      return Objects.requireNonNull(value, "an unknown value has no value");
    }

    boolean isUnknown() {
      return kind == Kind.UNKNOWN;
    }

    @Override
    public String toString() {
      return kind == Kind.UNKNOWN ? "unknown" + waitsFor : String.valueOf(value);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // AST

  private abstract static class Node {
    abstract Val eval(Env env);

    void visit(Consumer<Node> v) {
      v.accept(this);
    }
  }

  private static final class Lit extends Node {
    final Val val;

    Lit(Val val) {
      this.val = val;
    }

    @Override
    Val eval(Env env) {
      return val;
    }
  }

  private static final class FactRef extends Node {
    final String path;

    FactRef(String path) {
      this.path = path;
    }

    @Override
    Val eval(Env env) {
      Object v = env.fact(path);
      return v == null ? Val.unknown(Set.of(path)) : Val.of(v);
    }
  }

  private static final class ParamRef extends Node {
    final String name;

    ParamRef(String name) {
      this.name = name;
    }

    @Override
    Val eval(Env env) {
      return Val.of(env.param(name));
    }
  }

  private static final class Not extends Node {
    final Node a;

    Not(Node a) {
      this.a = a;
    }

    @Override
    Val eval(Env env) {
      Val v = a.eval(env);
      if (v.isUnknown()) {
        return v;
      }
      return bool(v, "!").isTrue() ? Val.FALSE : Val.TRUE;
    }

    @Override
    void visit(Consumer<Node> v) {
      v.accept(this);
      a.visit(v);
    }
  }

  private static final class Logic extends Node {
    final boolean and;
    final List<Node> parts;

    Logic(boolean and, List<Node> parts) {
      this.and = and;
      this.parts = parts;
    }

    @Override
    Val eval(Env env) {
      // AND: any false decides; OR: any true decides. Otherwise unknown if any part is unknown.
      Set<String> waits = new LinkedHashSet<>();
      for (Node n : parts) {
        Val v = n.eval(env);
        if (v.isUnknown()) {
          waits.addAll(v.waitsFor);
          continue;
        }
        boolean b = bool(v, and ? "&&" : "||").isTrue();
        if (b != and) {
          return and ? Val.FALSE : Val.TRUE;
        }
      }
      return waits.isEmpty() ? (and ? Val.TRUE : Val.FALSE) : Val.unknown(waits);
    }

    @Override
    void visit(Consumer<Node> v) {
      v.accept(this);
      parts.forEach(p -> p.visit(v));
    }
  }

  private static final class Binary extends Node {
    final String op;
    final Node a;
    final Node b;

    Binary(String op, Node a, Node b) {
      this.op = op;
      this.a = a;
      this.b = b;
    }

    @Override
    Val eval(Env env) {
      Val x = a.eval(env);
      Val y = b.eval(env);
      if (x.isUnknown() || y.isUnknown()) {
        Set<String> w = new LinkedHashSet<>(x.waitsFor);
        w.addAll(y.waitsFor);
        return Val.unknown(w);
      }
      switch (op) {
        case "==":
          return Val.of(same(x, y));
        case "!=":
          return Val.of(!same(x, y));
        default:
          break;
      }
      BigDecimal p = num(x, op);
      BigDecimal q = num(y, op);
      switch (op) {
        case "<":
          return Val.of(p.compareTo(q) < 0);
        case "<=":
          return Val.of(p.compareTo(q) <= 0);
        case ">":
          return Val.of(p.compareTo(q) > 0);
        case ">=":
          return Val.of(p.compareTo(q) >= 0);
        case "+":
          return Val.of(p.add(q));
        case "-":
          return Val.of(p.subtract(q));
        case "*":
          return Val.of(p.multiply(q));
        case "/":
          if (q.signum() == 0) {
            throw new IllegalStateException("division by zero in condition");
          }
          return Val.of(p.divide(q, java.math.MathContext.DECIMAL64));
        default:
          throw new IllegalStateException("unknown operator " + op);
      }
    }

    private static boolean same(Val x, Val y) {
      if (x.kind != y.kind) {
        throw new IllegalStateException(
            "cannot compare "
                + x.kind.name().toLowerCase(Locale.ROOT)
                + " with "
                + y.kind.name().toLowerCase(Locale.ROOT));
      }
      if (x.kind == Val.Kind.NUM) {
        return ((BigDecimal) x.value()).compareTo((BigDecimal) y.value()) == 0;
      }
      return x.value().equals(y.value);
    }

    @Override
    void visit(Consumer<Node> v) {
      v.accept(this);
      a.visit(v);
      b.visit(v);
    }
  }

  private static final class In extends Node {
    final Node a;
    final List<Val> options;

    In(Node a, List<Val> options) {
      this.a = a;
      this.options = options;
    }

    @Override
    Val eval(Env env) {
      Val x = a.eval(env);
      if (x.isUnknown()) {
        return x;
      }
      for (Val o : options) {
        if (o.kind == x.kind && o.value().equals(x.value)) {
          return Val.TRUE;
        }
      }
      return Val.FALSE;
    }

    @Override
    void visit(Consumer<Node> v) {
      v.accept(this);
      a.visit(v);
    }
  }

  /** atLeast(k, c1, …, cn): true when at least k of the conditions are true. */
  private static final class AtLeast extends Node {
    final int k;
    final List<Node> parts;

    AtLeast(int k, List<Node> parts) {
      this.k = k;
      this.parts = parts;
    }

    @Override
    Val eval(Env env) {
      int yes = 0;
      int maybe = 0;
      Set<String> waits = new LinkedHashSet<>();
      for (Node n : parts) {
        Val v = n.eval(env);
        if (v.isUnknown()) {
          maybe++;
          waits.addAll(v.waitsFor);
        } else if (bool(v, "atLeast").isTrue()) {
          yes++;
        }
      }
      if (yes >= k) {
        return Val.TRUE;
      }
      if (yes + maybe < k) {
        return Val.FALSE;
      }
      return Val.unknown(waits);
    }

    @Override
    void visit(Consumer<Node> v) {
      v.accept(this);
      parts.forEach(p -> p.visit(v));
    }
  }

  /** given(path): true when the fact is known, false when it is absent; never unknown. */
  private static final class Given extends Node {
    final FactRef fact;

    Given(FactRef fact) {
      this.fact = fact;
    }

    @Override
    Val eval(Env env) {
      return env.fact(fact.path) == null ? Val.FALSE : Val.TRUE;
    }
  }

  /** undetermined('name', c): false when c is false; otherwise unknown, waiting for 'name'. */
  private static final class Undetermined extends Node {
    final String name;
    final Node cond;

    Undetermined(String name, Node cond) {
      this.name = name;
      this.cond = cond;
    }

    @Override
    Val eval(Env env) {
      Val v = cond.eval(env);
      if (v.isUnknown()) {
        return v;
      }
      return bool(v, "undetermined").isTrue() ? Val.unknown(Set.of(name)) : Val.FALSE;
    }

    @Override
    void visit(Consumer<Node> v) {
      v.accept(this);
      cond.visit(v);
    }
  }

  private static Val bool(Val v, String op) {
    if (v.kind != Val.Kind.BOOL) {
      throw new IllegalStateException(op + " needs a boolean, got " + v);
    }
    return v;
  }

  private static BigDecimal num(Val v, String op) {
    if (v.kind != Val.Kind.NUM) {
      throw new IllegalStateException(op + " needs a number, got " + v);
    }
    return (BigDecimal) v.value();
  }

  // ---------------------------------------------------------------------------------------------
  // Parser: recursive descent, one method per precedence level.

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          String.format(Locale.ROOT, "bad condition \"%s\" at %d: %s", s, pos, what));
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean eat(String tok) {
      skipSpace();
      if (s.startsWith(tok, pos)) {
        // Do not split "<=" into "<" "=" or "&&" into "&".
        if ((tok.equals("<") || tok.equals(">") || tok.equals("!")) && s.startsWith("=", pos + 1)) {
          return false;
        }
        pos += tok.length();
        return true;
      }
      return false;
    }

    void expect(String tok) {
      if (!eat(tok)) {
        throw error("expected '" + tok + "'");
      }
    }

    Node or() {
      List<Node> parts = new ArrayList<>();
      parts.add(and());
      while (eat("||")) {
        parts.add(and());
      }
      return parts.size() == 1 ? parts.get(0) : new Logic(false, List.copyOf(parts));
    }

    Node and() {
      List<Node> parts = new ArrayList<>();
      parts.add(not());
      while (eat("&&")) {
        parts.add(not());
      }
      return parts.size() == 1 ? parts.get(0) : new Logic(true, List.copyOf(parts));
    }

    Node not() {
      if (eat("!")) {
        return new Not(not());
      }
      return cmp();
    }

    Node cmp() {
      Node a = sum();
      for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
        if (eat(op)) {
          return new Binary(op, a, sum());
        }
      }
      skipSpace();
      if (s.startsWith("in", pos)
          && pos + 2 < s.length()
          && !Character.isLetterOrDigit(s.charAt(pos + 2))
          && s.charAt(pos + 2) != '_') {
        pos += 2;
        expect("[");
        List<Val> opts = new ArrayList<>();
        do {
          Node lit = primary();
          if (!(lit instanceof Lit)) {
            throw error("'in' takes a list of literals");
          }
          opts.add(((Lit) lit).val);
        } while (eat(","));
        expect("]");
        return new In(a, List.copyOf(opts));
      }
      return a;
    }

    Node sum() {
      Node a = prod();
      while (true) {
        if (eat("+")) {
          a = new Binary("+", a, prod());
        } else if (eat("-")) {
          a = new Binary("-", a, prod());
        } else {
          return a;
        }
      }
    }

    Node prod() {
      Node a = primary();
      while (true) {
        if (eat("*")) {
          a = new Binary("*", a, primary());
        } else if (eat("/")) {
          a = new Binary("/", a, primary());
        } else {
          return a;
        }
      }
    }

    Node primary() {
      skipSpace();
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(pos);
      if (eat("(")) {
        Node n = or();
        expect(")");
        return n;
      }
      if (c == '\'') {
        int end = s.indexOf('\'', pos + 1);
        if (end < 0) {
          throw error("unterminated string");
        }
        String str = s.substring(pos + 1, end);
        pos = end + 1;
        return new Lit(Val.of(str));
      }
      if (Character.isDigit(c)) {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
          pos++;
        }
        try {
          return new Lit(Val.of(new BigDecimal(s.substring(start, pos))));
        } catch (NumberFormatException e) {
          throw error("bad number '" + s.substring(start, pos) + "'");
        }
      }
      if (c == '@') {
        pos++;
        return new ParamRef(dotted());
      }
      if (Character.isLetter(c)) {
        String name = dotted();
        if (name.equals("true")) {
          return new Lit(Val.TRUE);
        }
        if (name.equals("false")) {
          return new Lit(Val.FALSE);
        }
        if (eat("(")) {
          return call(name);
        }
        return new FactRef(name);
      }
      throw error("unexpected '" + c + "'");
    }

    Node call(String name) {
      switch (name) {
        case "atLeast":
          {
            skipSpace();
            Node k = primary();
            if (!(k instanceof Lit) || ((Lit) k).val.kind != Val.Kind.NUM) {
              throw error("atLeast needs a whole number first");
            }
            List<Node> parts = new ArrayList<>();
            while (eat(",")) {
              parts.add(or());
            }
            expect(")");
            int kk = ((BigDecimal) ((Lit) k).val.value()).intValueExact();
            if (parts.isEmpty() || kk < 1 || kk > parts.size()) {
              throw error("atLeast(k, …) needs 1 <= k <= number of conditions");
            }
            return new AtLeast(kk, List.copyOf(parts));
          }
        case "undetermined":
          {
            Node n = primary();
            if (!(n instanceof Lit) || ((Lit) n).val.kind != Val.Kind.STR) {
              throw error("undetermined needs a quoted name first");
            }
            expect(",");
            Node cond = or();
            expect(")");
            return new Undetermined((String) ((Lit) n).val.value(), cond);
          }
        case "given":
          {
            skipSpace();
            FactRef f = new FactRef(dotted());
            expect(")");
            return new Given(f);
          }
        default:
          throw error("unknown function '" + name + "'");
      }
    }

    String dotted() {
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos))
              || s.charAt(pos) == '_'
              || s.charAt(pos) == '.')) {
        pos++;
      }
      String name = s.substring(start, pos);
      if (name.isEmpty() || name.endsWith(".") || name.contains("..")) {
        throw error("bad name '" + name + "'");
      }
      return name;
    }
  }
}
