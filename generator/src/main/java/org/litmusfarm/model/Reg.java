package org.litmusfarm.model;

/** A goroutine-local register {@code r0}..{@code r15}; it starts at 0. */
public record Reg(int index) implements Operand {
  public Reg {
    if (index < 0 || index >= Limits.REGISTERS) {
      throw new IllegalArgumentException("register index out of range: " + index);
    }
  }

  /** Parses {@code r0}..{@code r15}. */
  public static Reg of(String name) {
    if (!Names.isRegisterName(name)) {
      throw new IllegalArgumentException("not a register: " + name);
    }
    return new Reg(Integer.parseInt(name.substring(1)));
  }

  @Override
  public String toString() {
    return "r" + index;
  }
}
