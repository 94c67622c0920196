package org.litmusfarm.oracle;

/**
 * How much work the oracle may do on one program: the most distinct states it may explore,
 * summed over all its passes. A program that needs more is rejected as too large to decide.
 */
public record Budget(long maxStates) {
  /**
   * The default: one million states. Its visited-state table then takes at most 32 MiB and a
   * decision at most a few seconds.
   */
  public static final Budget DEFAULT = new Budget(1_000_000);

  public Budget {
    if (maxStates < 1) {
      throw new IllegalArgumentException("the state budget must be positive: " + maxStates);
    }
  }

  /** A budget of {@code maxStates} explored states. */
  public static Budget states(long maxStates) {
    return new Budget(maxStates);
  }
}
