package org.litmusfarm.reduce;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a reduction.
 *
 * @param original the violation reduction started from
 * @param reduced the smallest program that reproduced, with its narrowed violation (the original
 *     program if none did)
 * @param accepted the steps that reproduced, in order; each one's candidate is the next program
 * @param attempts candidates handed to the reproducer
 * @param rejected edits dropped before running: invalid, blocking, undecidable or no longer forbidden
 * @param elapsed wall time of the whole reduction
 * @param stop why it stopped
 */
public record Reduction(
    Violation original,
    Violation reduced,
    List<Step> accepted,
    int attempts,
    int rejected,
    Duration elapsed,
    Stop stop) {
  public Reduction {
    accepted = List.copyOf(accepted);
  }

  /** Why a reduction stopped. */
  public enum Stop {
    /** No candidate of the final program reproduced: it is minimal for these edits. */
    MINIMAL,
    /** The attempt limit was reached. */
    ATTEMPTS,
    /** The time limit was reached. */
    TIME
  }

  /** The size of the original program. */
  public Size originalSize() {
    return Size.of(original.program());
  }

  /** The size of the reduced program. */
  public Size reducedSize() {
    return Size.of(reduced.program());
  }
}
