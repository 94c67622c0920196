package org.litmusfarm.coordinator.reduction;

import java.time.Duration;
import java.util.Objects;

/**
 * How the coordinator reduces violations.
 *
 * @param enabled whether this coordinator reduces violations at all
 * @param secondsPerTry how long each candidate is hammered, as one job
 * @param maxAttempts candidates run per violation at most
 * @param maxTime wall time per violation at most
 * @param tryTimeout how long to wait for one candidate's job (queueing, building, running) before
 *     the reduction gives up for lack of a worker
 */
public record ReductionSettings(
    boolean enabled, double secondsPerTry, int maxAttempts, Duration maxTime, Duration tryTimeout) {
  public ReductionSettings {
    Objects.requireNonNull(maxTime, "max time");
    Objects.requireNonNull(tryTimeout, "try timeout");
    if (!(secondsPerTry > 0) || secondsPerTry > 600) {
      throw new IllegalArgumentException("seconds per try must be more than 0 and at most 600");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1");
    }
  }

  /** On; 2 s per candidate, at most 60 candidates and 30 minutes per violation, 5 minutes per job. */
  public static ReductionSettings defaults() {
    return new ReductionSettings(true, 2, 60, Duration.ofMinutes(30), Duration.ofMinutes(5));
  }

  /** No reduction on this coordinator. */
  public static ReductionSettings off() {
    return new ReductionSettings(false, 2, 60, Duration.ofMinutes(30), Duration.ofMinutes(5));
  }
}
