package org.litmusfarm.coordinator.lease;

/**
 * A worker reported on a job it does not hold the lease for (expired, re-leased, finished or
 * never its own). Nothing was stored.
 */
public class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LeaseLostException(String jobId, int attempt, String workerId) {
    super(
        "worker "
            + workerId
            + " does not hold the lease of job "
            + jobId
            + " attempt "
            + attempt);
  }
}
