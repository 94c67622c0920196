package org.litmusfarm.model;

/** An integer literal operand. */
public record Const(long value) implements Operand {
  @Override
  public String toString() {
    return Long.toString(value);
  }
}
