package org.litmusfarm.model;

/** An atomic read-modify-write that takes one operand. */
public enum RmwOp {
  /** {@code atomic.AddInt64}: the register receives the NEW value. */
  ADD("Add"),
  /** {@code atomic.SwapInt64}: the register receives the OLD value. */
  SWAP("Swap");

  private final String goName;

  RmwOp(String goName) {
    this.goName = goName;
  }

  /** The name after {@code atomic.} in {@code .litmus} text. */
  public String goName() {
    return goName;
  }
}
