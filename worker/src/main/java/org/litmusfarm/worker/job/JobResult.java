package org.litmusfarm.worker.job;

import org.litmusfarm.schema.v1.Provenance;

/** What became of one leased job, for the worker to report to the coordinator. */
public sealed interface JobResult {
  /** Every batch published and acknowledged: complete the job. */
  record Completed(int batches, long iterations, Provenance provenance) implements JobResult {}

  /** The job cannot be run here or its run went wrong: fail it with {@code reason}. */
  record Failed(String reason) implements JobResult {}

  /** The run was stopped early ({@code batches} batches published) because of {@code why}. */
  record Stopped(int batches, long iterations, StopReason why) implements JobResult {}

  /** Why a run stopped before its budget was used up. */
  enum StopReason {
    /** The worker is shutting down: give the job back. */
    SHUTDOWN,
    /** The coordinator no longer knows this worker holds the lease: report nothing. */
    LEASE_LOST
  }
}
