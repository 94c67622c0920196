package org.litmusfarm.model;

/** How a load or store touches a shared variable. */
public enum Access {
  /** An ordinary Go load or store; racing on it is a data race. */
  PLAIN,
  /** A {@code sync/atomic} load or store, sequentially consistent with all atomics. */
  ATOMIC
}
