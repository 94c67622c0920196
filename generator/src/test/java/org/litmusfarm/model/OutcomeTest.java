package org.litmusfarm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  private static final Location P0R0 = new Location.RegLoc(0, new Reg(0));
  private static final Location P1R0 = new Location.RegLoc(1, new Reg(0));
  private static final Location X = new Location.VarLoc("x");

  @Test
  void printsInTheCanonicalFormAndParsesItBack() {
    Outcome o = Outcome.of(List.of(P0R0, P1R0, X), new long[] {1, 0, -2});
    assertEquals("P0:r0=1; P1:r0=0; x=-2", o.toString());
    assertEquals(o, Outcome.parse(o.toString()));
  }

  @Test
  void evaluatesConditions() {
    Outcome o = Outcome.of(List.of(P0R0, P1R0), new long[] {0, 0});
    Prop both = new Prop.And(new Prop.Atom(P0R0, CmpOp.EQ, 0), new Prop.Atom(P1R0, CmpOp.EQ, 0));
    assertTrue(o.satisfies(both));
    assertTrue(o.satisfies(new Prop.Not(new Prop.Atom(P0R0, CmpOp.NE, 0))));
  }

  @Test
  void rejectsMalformedText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Outcome.parse("P0:r0=x"));
    assertEquals("malformed value in outcome entry 'P0:r0=x'", e.getMessage());
  }
}
