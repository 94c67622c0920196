package org.litmusfarm.dashboard.read;

import java.time.Instant;

/**
 * A WEAK outcome (allowed, not sequentially consistent) observed for a program on one architecture
 * in one execution mode, summed over its jobs, with its triage.
 *
 * @param jobsSeen jobs that observed it
 * @param iterations iterations of every job of the program on this architecture and mode
 * @param jobsRun those jobs
 * @param perMillion observations per million of those iterations
 */
public record WeakOutcome(
    String programId, String programName, String shape, String arch, String mode, String outcome, long count,
    int jobsSeen, long iterations, int jobsRun, double perMillion, Instant firstSeen, Instant lastSeen,
    String triageState, String triageNote) {
  /** Observations per million of {@code iterations}. */
  static double perMillion(long count, long iterations) {
    return iterations == 0 ? 0 : count * 1e6 / iterations;
  }

  public boolean emulated() {
    return !Mode.isNative(mode);
  }
}
