package org.redress.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExprTest {
  private static Expr.Env env(Map<String, Object> facts) {
    return new Expr.Env() {
      @Override
      public Object fact(String path) {
        return facts.get(path);
      }

      @Override
      public BigDecimal param(String name) {
        if (name.equals("p.twenty")) {
          return BigDecimal.valueOf(20);
        }
        throw new IllegalArgumentException(name);
      }
    };
  }

  private static Expr.Val eval(String src, Map<String, Object> facts) {
    return Expr.parse(src).eval(env(facts));
  }

  @Test
  void and_falseAndUnknown_isFalse() {
    assertThat(eval("a && b", Map.of("a", false)).isFalse()).isTrue();
  }

  @Test
  void or_trueOrUnknown_isTrue() {
    assertThat(eval("a || b", Map.of("a", true)).isTrue()).isTrue();
  }

  @Test
  void and_trueAndUnknown_isUnknownWaitingForTheFact() {
    Expr.Val v = eval("a && b", Map.of("a", true));
    assertThat(v.isUnknown()).isTrue();
    assertThat(v.waitsFor).containsExactly("b");
  }

  @Test
  void not_unknown_staysUnknown() {
    assertThat(eval("!a", Map.of()).isUnknown()).isTrue();
  }

  @Test
  void comparison_withParameterAndMultiplier_usesExactDecimals() {
    Map<String, Object> f = Map.of("n", BigDecimal.valueOf(10));
    assertThat(eval("n >= @p.twenty * 0.5", f).isTrue()).isTrue();
    assertThat(eval("n > @p.twenty * 0.5", f).isFalse()).isTrue();
  }

  @Test
  void in_matchesListedWordsOnly() {
    assertThat(eval("r in ['admin', 'creator']", Map.of("r", "admin")).isTrue()).isTrue();
    assertThat(eval("r in ['admin', 'creator']", Map.of("r", "member")).isFalse()).isTrue();
  }

  @Test
  void atLeast_countsTrueAndUnknownConditions() {
    assertThat(eval("atLeast(2, a, b, c)", Map.of("a", true, "b", true)).isTrue()).isTrue();
    assertThat(eval("atLeast(2, a, b, c)", Map.of("a", true, "b", false, "c", false)).isFalse())
        .isTrue();
    assertThat(eval("atLeast(2, a, b, c)", Map.of("a", true, "b", false)).isUnknown()).isTrue();
  }

  @Test
  void undetermined_whenConditionHolds_waitsForTheDetermination() {
    Expr.Val v = eval("undetermined('appraisal', a)", Map.of("a", true));
    assertThat(v.isUnknown()).isTrue();
    assertThat(v.waitsFor).containsExactly("appraisal");
    assertThat(eval("undetermined('appraisal', a)", Map.of("a", false)).isFalse()).isTrue();
  }

  @Test
  void parse_garbage_namesThePosition() {
    assertThatThrownBy(() -> Expr.parse("a && (b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> Expr.parse("System.exit(0)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown function");
    assertThatThrownBy(() -> Expr.parse("a ; b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void factPathsAndParams_areListedForSchemaChecks() {
    Expr e = Expr.parse("x.y >= @ns.v || !z");
    assertThat(e.factPaths()).containsExactly("x.y", "z");
    assertThat(e.params()).containsExactly("ns.v");
  }

  @Property
  void comparison_agreesWithIntegerArithmetic(
      @ForAll @IntRange(min = 0, max = 1000) int n, @ForAll @IntRange(min = 0, max = 1000) int t) {
    Expr.Val v = eval("n >= t", Map.of("n", BigDecimal.valueOf(n), "t", BigDecimal.valueOf(t)));
    assertThat(v.isTrue()).isEqualTo(n >= t);
  }
}
