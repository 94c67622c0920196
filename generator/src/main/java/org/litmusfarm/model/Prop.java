package org.litmusfarm.model;

import java.util.Map;
import java.util.Objects;

/** A proposition over an outcome: the body of the {@code exists} condition. */
public sealed interface Prop {

  /** Evaluates the proposition; every location it names must be in {@code values}. */
  boolean eval(Map<Location, Long> values);

  /** {@code loc == k} or {@code loc != k}. */
  record Atom(Location loc, CmpOp op, long value) implements Prop {
    public Atom {
      Objects.requireNonNull(loc);
      Objects.requireNonNull(op);
    }

    @Override
    public boolean eval(Map<Location, Long> values) {
      Long actual = values.get(loc);
      if (actual == null) {
        throw new IllegalArgumentException("outcome has no value for " + loc);
      }
      return op.test(actual, value);
    }
  }

  /** {@code left && right}. */
  record And(Prop left, Prop right) implements Prop {
    public And {
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }

    @Override
    public boolean eval(Map<Location, Long> values) {
      return left.eval(values) && right.eval(values);
    }
  }

  /** {@code left || right}. */
  record Or(Prop left, Prop right) implements Prop {
    public Or {
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }

    @Override
    public boolean eval(Map<Location, Long> values) {
      return left.eval(values) || right.eval(values);
    }
  }

  /** {@code !(inner)}. */
  record Not(Prop inner) implements Prop {
    public Not {
      Objects.requireNonNull(inner);
    }

    @Override
    public boolean eval(Map<Location, Long> values) {
      return !inner.eval(values);
    }
  }
}
