package org.litmusfarm.model;

/** Comparison of a value with a constant, in {@code if} conditions and {@code exists} atoms. */
public enum CmpOp {
  EQ("=="),
  NE("!=");

  private final String symbol;

  CmpOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in {@code .litmus} and Go text. */
  public String symbol() {
    return symbol;
  }

  /** Applies the comparison. */
  public boolean test(long left, long right) {
    return this == EQ ? left == right : left != right;
  }
}
