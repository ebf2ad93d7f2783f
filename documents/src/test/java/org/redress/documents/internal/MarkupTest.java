package org.redress.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.redress.documents.DocumentException;

class MarkupTest {
  @Test
  void parse_everyBlockKind_isRecognised() {
    List<Doc.Block> b =
        Markup.parse(
            "# T\n## H\n### S\n. left\n> right\n^ centre\n~ note\n"
                + "body\n|% 1 3\n| a | b |\n| c | d |\nafter\n");
    assertThat(b)
        .containsExactly(
            new Doc.Title("T"),
            new Doc.Heading(1, "H"),
            new Doc.Heading(2, "S"),
            new Doc.Para("left", Doc.Align.LEFT, false),
            new Doc.Para("right", Doc.Align.RIGHT, false),
            new Doc.Para("centre", Doc.Align.CENTER, false),
            new Doc.Para("note", Doc.Align.LEFT, true),
            new Doc.Para("body", Doc.Align.BODY, false),
            new Doc.Table(List.of(List.of("a", "b"), List.of("c", "d")), List.of(1.0, 3.0)),
            new Doc.Para("after", Doc.Align.BODY, false));
  }

  @Test
  void parse_rowWithTooManyCells_namesTheLine() {
    assertThatThrownBy(() -> Markup.parse("| a | b |\n| c | d | e |\n"))
        .isInstanceOf(DocumentException.class)
        .hasMessage("template line 2: table row has 3 cells, the header has 2");
  }

  @Test
  void escape_valueLookingLikeMarkup_staysText() {
    assertThat(Markup.parse(Markup.escape("# not a title")))
        .containsExactly(new Doc.Para("＃ not a title", Doc.Align.BODY, false));
    assertThat(Markup.parse("| " + Markup.escape("a|b") + " | c |").get(0))
        .isEqualTo(new Doc.Table(List.of(List.of("a｜b", "c")), List.of()));
  }

  @Property(tries = 300)
  void escape_anyValue_isExactlyOneBodyParagraphOrNothing(@ForAll String value) {
    List<Doc.Block> blocks = Markup.parse("x " + Markup.escape(value));
    assertThat(blocks).hasSize(1);
    assertThat(blocks.get(0)).isInstanceOf(Doc.Para.class);
    List<Doc.Block> alone = Markup.parse(Markup.escape(value));
    assertThat(alone.size()).isLessThanOrEqualTo(1);
    alone.forEach(
        b ->
            assertThat(b)
                .isInstanceOf(Doc.Para.class)
                .matches(p -> ((Doc.Para) p).align() == Doc.Align.BODY));
  }

  @Test
  void spans_placeholderAndBold_areSeparated() {
    assertThat(Doc.spans("**报案人**：【待填写：姓名】。", false))
        .containsExactly(
            new Doc.Span("报案人", true, false), new Doc.Span("：", false, false),
            new Doc.Span("【待填写：姓名】", false, true), new Doc.Span("。", false, false));
  }
}
