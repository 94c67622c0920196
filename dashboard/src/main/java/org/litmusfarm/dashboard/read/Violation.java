package org.litmusfarm.dashboard.read;

import java.time.Instant;

/**
 * A FORBIDDEN outcome observed for a program on one architecture, mode, CPU model and Go version,
 * with its triage state and how to replay it.
 */
public record Violation(
    long id, String programId, String programName, String outcome, long count, String arch, String mode,
    String cpuModel, String goVersion, Instant firstSeen, Instant lastSeen, String triageState, String triageNote,
    Reproducer reproducer) {
  public boolean emulated() {
    return !Mode.isNative(mode);
  }

  /** Whether no one has marked it expected or reported yet. */
  public boolean open() {
    return !triageState.equals("expected") && !triageState.equals("reported");
  }
}
