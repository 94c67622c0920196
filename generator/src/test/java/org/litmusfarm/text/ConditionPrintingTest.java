package org.litmusfarm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Prop.And;
import org.litmusfarm.model.Prop.Not;
import org.litmusfarm.model.Prop.Or;
import org.litmusfarm.model.Stmt;

/** The exists line keeps exactly the parentheses its tree needs, and parses back to that tree. */
class ConditionPrintingTest {
  private static final Prop A = atom(1);
  private static final Prop B = atom(2);
  private static final Prop C = atom(3);

  private static Prop atom(long v) {
    return new Prop.Atom(new Location.VarLoc("x"), CmpOp.EQ, v);
  }

  static Stream<Arguments> trees() {
    return Stream.of(
        Arguments.of(new And(new And(A, B), C), "x == 1 && x == 2 && x == 3"),
        Arguments.of(new And(A, new And(B, C)), "x == 1 && (x == 2 && x == 3)"),
        Arguments.of(new Or(new Or(A, B), C), "x == 1 || x == 2 || x == 3"),
        Arguments.of(new Or(A, new Or(B, C)), "x == 1 || (x == 2 || x == 3)"),
        Arguments.of(new And(new Or(A, B), C), "(x == 1 || x == 2) && x == 3"),
        Arguments.of(new And(A, new Or(B, C)), "x == 1 && (x == 2 || x == 3)"),
        Arguments.of(new Or(new And(A, B), C), "x == 1 && x == 2 || x == 3"),
        Arguments.of(new Or(A, new And(B, C)), "x == 1 || x == 2 && x == 3"),
        Arguments.of(new Not(new And(A, B)), "!(x == 1 && x == 2)"),
        Arguments.of(new Not(new Not(A)), "!(!(x == 1))"),
        Arguments.of(new And(new Not(A), new Not(new Or(B, C))), "!(x == 1) && !(x == 2 || x == 3)"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("trees")
  void printsMinimalParenthesesThatReproduceTheTree(Prop tree, String expected) {
    Program p =
        new Program(
            "t",
            Optional.empty(),
            List.of(new Decl.Var("x", 0)),
            List.of(Goroutine.of(new Stmt.Store(Access.PLAIN, "x", new Const(1)))),
            Optional.empty(),
            tree);
    String text = Printer.print(p);
    assertEquals("exists (" + expected + ")\n", text.substring(text.lastIndexOf("exists")));
    assertEquals(p, Parser.parse("t.litmus", text).program());
  }
}
