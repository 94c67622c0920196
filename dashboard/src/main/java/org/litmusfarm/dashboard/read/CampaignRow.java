package org.litmusfarm.dashboard.read;

import java.time.Instant;

/** A campaign and its progress in jobs. */
public record CampaignRow(
    String id, String specName, String state, Instant startedAt, Instant finishedAt,
    int jobsTotal, int jobsDone, int jobsFailed, int jobsRunning) {
  /** Finished jobs (done or failed) in percent of all, 0..100. */
  public int percent() {
    return jobsTotal == 0 ? 0 : (int) ((jobsDone + jobsFailed) * 100L / jobsTotal);
  }
}
