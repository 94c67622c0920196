package org.litmusfarm.coordinator.lease;

import java.util.List;
import java.util.Objects;

/**
 * What the queue needs to know about a worker to lease it a job: its id, the architecture it
 * runs, whether it is emulated, and the Go toolchains it offers.
 */
public record WorkerProfile(String workerId, String arch, boolean emulated, List<String> goVersions) {
  public WorkerProfile {
    Objects.requireNonNull(workerId);
    Objects.requireNonNull(arch);
    goVersions = List.copyOf(goVersions);
  }
}
