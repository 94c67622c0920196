package org.litmusfarm.emit;

/**
 * An ordering or atomicity guarantee that Go's lowering of a synchronizing operation gives and a
 * {@link Mutant} takes away. Which losses a CPU can show is a property of its memory model: x86-TSO
 * shows only {@link #STORE_LOAD_ORDER} and {@link #ATOMICITY}; ARMv8, RVWMO and POWER show all.
 */
public enum Guarantee {
  /** A read-modify-write or test-and-set is indivisible: no other write lands between its halves. */
  ATOMICITY("atomicity"),
  /**
   * A store is visible to all before a later load of another location runs (the full fence of a
   * locked instruction on amd64, STLR then LDAR on arm64).
   */
  STORE_LOAD_ORDER("store-load order"),
  /** Earlier accesses are visible before a releasing store. */
  RELEASE("release"),
  /** Later accesses wait for an acquiring load. */
  ACQUIRE("acquire");

  private final String label;

  Guarantee(String label) {
    this.label = label;
  }

  /** A short lower-case name, e.g. {@code store-load order}. */
  public String label() {
    return label;
  }
}
