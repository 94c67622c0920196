package org.litmusfarm.detect;

/**
 * What the oracle says a mutant makes reachable in one program: some outcome the Go memory model
 * forbids for the original program becomes an outcome of the mutated one, and what it takes to see
 * it. Candidates run in this order, most easily seen first.
 */
public enum Prediction {
  /** A forbidden outcome is a sequentially consistent outcome of the mutated program. */
  INTERLEAVING("interleaving"),
  /** A forbidden outcome appears once loads pass earlier plain stores, as x86-TSO allows. */
  STORE_BUFFERING("store-buffering"),
  /** A forbidden outcome is WEAK for the mutated program: it needs a weaker CPU or the compiler. */
  WEAK_MEMORY("weak-memory"),
  /** The litmus model cannot express what the mutant does to this program. */
  UNMODELLED("unmodelled"),
  /** The mutant changes the emitted code, but the oracle sees no new forbidden outcome. */
  NONE("none");

  private final String tag;

  Prediction(String tag) {
    this.tag = tag;
  }

  /** The lower-case name used in reports. */
  public String tag() {
    return tag;
  }
}
