package org.litmusfarm.coordinator.lease;

import java.util.List;
import java.util.Objects;

/**
 * What the queue needs to know about a worker to lease it a job: its id, the architecture it
 * runs, its execution mode ({@code native} or {@code emulated:<emulator>}), and the Go toolchains
 * it offers.
 */
public record WorkerProfile(String workerId, String arch, String mode, List<String> goVersions) {
  public WorkerProfile {
    Objects.requireNonNull(workerId);
    Objects.requireNonNull(arch);
    Objects.requireNonNull(mode);
    goVersions = List.copyOf(goVersions);
  }

  /** Whether the worker runs its architecture under an emulator. */
  public boolean emulated() {
    return !mode.equals("native");
  }
}
