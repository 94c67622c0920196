package org.litmusfarm.model;

/**
 * The class of an outcome, and the verdict of an {@code exists} condition. Ordered from most to
 * least allowed, so the "worst" of several classes is the maximum.
 */
public enum OutcomeClass {
  /** Some sequentially consistent interleaving produces it. */
  SC,
  /** Not SC, but the Go memory model allows it (only in programs with a data race). */
  WEAK,
  /** The Go memory model allows no execution that produces it; observing it is a violation. */
  FORBIDDEN
}
