package org.litmusfarm.reduce;

/**
 * Whether a candidate still shows its violation: runs {@code v.program()} on the architecture and
 * in the mode where the original violation was observed, and answers true if {@code v.outcome()}
 * was observed. {@code farm reduce} runs the harness here; the farm runs candidates as jobs. A
 * violation may be rare, so an answer of false only means "not seen within the budget".
 */
@FunctionalInterface
public interface Reproducer {
  /** Whether a run of {@code v.program()} shows {@code v.outcome()}. */
  boolean reproduces(Violation v);
}
