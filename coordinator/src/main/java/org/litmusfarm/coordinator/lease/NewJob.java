package org.litmusfarm.coordinator.lease;

import java.util.Objects;

/**
 * A job to enqueue: one program on one architecture. {@code goVersion} empty means the worker's
 * default toolchain; {@code paramsJson} is the harness parameters as JSON; {@code requiredMode}
 * empty means any worker of the architecture (emulated ones only if {@code allowEmulated}), else
 * only workers in exactly that execution mode (a violation's reduction re-runs where it was seen).
 */
public record NewJob(
    String jobId,
    String submissionId,
    String programId,
    String goarch,
    String goVersion,
    String paramsJson,
    boolean allowEmulated,
    String requiredMode,
    int maxAttempts) {
  public NewJob {
    Objects.requireNonNull(jobId);
    Objects.requireNonNull(submissionId);
    Objects.requireNonNull(programId);
    Objects.requireNonNull(goarch);
    Objects.requireNonNull(goVersion);
    Objects.requireNonNull(paramsJson);
    Objects.requireNonNull(requiredMode);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
