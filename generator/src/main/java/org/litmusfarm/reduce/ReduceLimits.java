package org.litmusfarm.reduce;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a reduction may go on, and the seed that orders equally sized candidates.
 *
 * @param maxAttempts most candidates handed to the {@link Reproducer}
 * @param maxTime most wall time, checked before each candidate
 * @param seed orders candidates of equal size; the same seed and answers give the same reduction
 */
public record ReduceLimits(int maxAttempts, Duration maxTime, long seed) {
  public ReduceLimits {
    Objects.requireNonNull(maxTime);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt is needed: " + maxAttempts);
    }
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive: " + maxTime);
    }
  }
}
