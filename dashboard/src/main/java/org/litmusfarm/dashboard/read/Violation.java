package org.litmusfarm.dashboard.read;

import java.time.Instant;
import java.util.Optional;

/**
 * A FORBIDDEN outcome observed for a program on one architecture, mode, CPU model and Go version,
 * with its triage state, how to replay it, and the farm's reduction of it to a smaller program.
 */
public record Violation(
    long id, String programId, String programName, String outcome, long count, String arch, String mode,
    String cpuModel, String goVersion, Instant firstSeen, Instant lastSeen, String triageState, String triageNote,
    Reproducer reproducer,
    Optional<Reduction> reduction) {
  public boolean emulated() {
    return !Mode.isNative(mode);
  }

  /** Whether no one has marked it expected or reported yet. */
  public boolean open() {
    return !triageState.equals("expected") && !triageState.equals("reported");
  }
}
