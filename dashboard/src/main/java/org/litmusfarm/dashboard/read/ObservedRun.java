package org.litmusfarm.dashboard.read;

import java.util.List;

/**
 * What a program's jobs observed on one architecture in one execution mode, summed, with the CPU
 * models and Go versions they ran on.
 */
public record ObservedRun(
    String arch, String mode, int jobs, long iterations, List<String> cpuModels, List<String> goVersions,
    List<OutcomeCount> counts) {
  public boolean emulated() {
    return !Mode.isNative(mode);
  }
}
