package org.litmusfarm.dashboard.read;

import java.util.Optional;

/**
 * Where the farm's automatic reduction of a violation stands: its state ({@code queued},
 * {@code running}, {@code done}, {@code failed}), candidates run and accepted, the sizes before
 * and now, why it stopped or failed, and the smallest program that reproduced so far (with the
 * part of the outcome that makes it forbidden, and how to replay it).
 */
public record Reduction(
    String state,
    int attempts,
    int accepted,
    String originalSize,
    String reducedSize,
    Optional<String> stop,
    Optional<String> error,
    String programId,
    String outcome,
    Reproducer reproducer) {
  /** Whether a smaller program than the original reproduced. */
  public boolean smaller() {
    return accepted > 0;
  }
}
