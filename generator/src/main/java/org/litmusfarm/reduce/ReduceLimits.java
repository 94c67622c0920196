package org.litmusfarm.reduce;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a reduction may go on, how often a candidate that did not reproduce is tried again,
 * and the seed that orders equally sized candidates.
 *
 * @param maxAttempts most candidates handed to the {@link Reproducer}, counting repeats
 * @param maxTime most wall time, checked before each candidate
 * @param seed orders candidates of equal size; the same seed and answers give the same reduction
 * @param triesPerCandidate how many times a candidate may be handed to the reproducer before it
 *     counts as not reproducing; more than 1 guards against rare violations missed by one run
 */
public record ReduceLimits(int maxAttempts, Duration maxTime, long seed, int triesPerCandidate) {
  public ReduceLimits {
    Objects.requireNonNull(maxTime);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt is needed: " + maxAttempts);
    }
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive: " + maxTime);
    }
    if (triesPerCandidate < 1) {
      throw new IllegalArgumentException("each candidate needs at least one try: " + triesPerCandidate);
    }
  }

  /** Limits under which each candidate is tried once. */
  public ReduceLimits(int maxAttempts, Duration maxTime, long seed) {
    this(maxAttempts, maxTime, seed, 1);
  }
}
