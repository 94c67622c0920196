package org.litmusfarm.dashboard.read;

import java.time.Instant;
import java.util.List;

/** A registered worker with its provenance and how much it did. */
public record Worker(
    String id, String name, String arch, String mode, String cpuModel, int cores, List<String> goVersions,
    String farmVersion, Instant registeredAt, Instant lastHeartbeat, long jobsDone, boolean alive) {
  public boolean emulated() {
    return !Mode.isNative(mode);
  }
}
