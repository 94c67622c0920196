package org.litmusfarm.catalog;

import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;

/** Short builders for {@code exists} conditions. */
final class Conditions {
  private Conditions() {}

  /** {@code Pg:rk == value}. */
  static Prop reg(int goroutine, int reg, long value) {
    return new Prop.Atom(new Location.RegLoc(goroutine, new Reg(reg)), CmpOp.EQ, value);
  }

  /** {@code var == value} on the final value. */
  static Prop fin(String var, long value) {
    return new Prop.Atom(new Location.VarLoc(var), CmpOp.EQ, value);
  }

  /** Left-nested conjunction. */
  static Prop all(Prop first, Prop... rest) {
    Prop p = first;
    for (Prop q : rest) {
      p = new Prop.And(p, q);
    }
    return p;
  }

  /** Left-nested disjunction. */
  static Prop any(Prop first, Prop... rest) {
    Prop p = first;
    for (Prop q : rest) {
      p = new Prop.Or(p, q);
    }
    return p;
  }
}
