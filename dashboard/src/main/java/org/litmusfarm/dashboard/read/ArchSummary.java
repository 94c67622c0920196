package org.litmusfarm.dashboard.read;

import java.time.Instant;

/**
 * What one campaign found on one architecture in one execution mode. Native and emulated results
 * never share a summary.
 *
 * @param programs distinct programs with results
 * @param weak distinct (program, outcome) pairs observed with class WEAK
 * @param violations distinct (program, outcome) pairs observed with class FORBIDDEN
 * @param fleet workers of this architecture and mode registered now
 */
public record ArchSummary(
    String arch, String mode, String campaignId, String campaignName, Instant campaignStarted,
    int programs, long iterations, int weak, int violations, int fleet) {
  public boolean emulated() {
    return !Mode.isNative(mode);
  }
}
