package org.litmusfarm.coordinator.lease;

import java.time.Instant;
import org.litmusfarm.schema.v1.HarnessParams;

/**
 * A job leased to a worker: which attempt it is and until when the lease holds. The worker
 * reports on the job with {@code (jobId, attempt)}; {@code paramsJson} is the stored harness
 * parameters (see {@link #params()}); {@code litmus} the program's canonical text.
 */
public record Lease(
    String jobId,
    int attempt,
    String programId,
    String goarch,
    String goVersion,
    String paramsJson,
    Instant expiresAt,
    String litmus) {

  /** The wire harness parameters of the job. */
  public HarnessParams params() {
    return ParamsJson.fromJson(paramsJson);
  }
}
