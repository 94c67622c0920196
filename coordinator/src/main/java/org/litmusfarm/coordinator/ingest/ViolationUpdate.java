package org.litmusfarm.coordinator.ingest;

/**
 * A FORBIDDEN outcome observed in one poll: its violation row's key, the observations added now and
 * the row's count after them.
 */
record ViolationUpdate(
    String programName,
    String programId,
    String arch,
    String mode,
    String cpuModel,
    String goVersion,
    String outcome,
    long added,
    long total) {

  boolean emulated() {
    return !mode.equals("native");
  }
}
