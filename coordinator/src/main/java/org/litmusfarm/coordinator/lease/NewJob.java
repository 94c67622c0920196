package org.litmusfarm.coordinator.lease;

import java.util.Objects;

/**
 * A job to enqueue: one program on one architecture. {@code goVersion} empty means the worker's
 * default toolchain; {@code paramsJson} is the harness parameters as JSON.
 */
public record NewJob(
    String jobId,
    String submissionId,
    String programId,
    String goarch,
    String goVersion,
    String paramsJson,
    boolean allowEmulated,
    int maxAttempts) {
  public NewJob {
    Objects.requireNonNull(jobId);
    Objects.requireNonNull(submissionId);
    Objects.requireNonNull(programId);
    Objects.requireNonNull(goarch);
    Objects.requireNonNull(goVersion);
    Objects.requireNonNull(paramsJson);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
