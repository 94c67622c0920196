package org.litmusfarm.worker.job;

import java.time.Duration;
import org.litmusfarm.emit.HarnessParams;

/**
 * How a job's budget is cut into batches, each one run of the same binary with a time budget.
 *
 * <p>A job with a time budget of {@code T} and a batch interval {@code I} runs {@code ceil(T / I)}
 * batches of {@code T / ceil(T / I)} each, so the batches add up to {@code T}. A job with an
 * iteration count runs batches of {@code I} until that many iterations are done; the last batch may
 * run past the count (by at most one batch), and every batch reports the iterations it really ran.
 *
 * @param batchBudget the time budget of every batch
 * @param batches the number of batches of a time-budgeted job, or 0 for an iteration-counted one
 * @param iterations the iterations of an iteration-counted job, or 0 for a time-budgeted one
 */
public record BatchPlan(Duration batchBudget, int batches, long iterations) {
  private static final Duration SHORTEST = Duration.ofMillis(1);

  /** The plan of a job with {@code params}, cut at {@code interval}. */
  public static BatchPlan of(HarnessParams params, Duration interval) {
    if (interval.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException("batch interval must be at least 1 ms");
    }
    if (params.iterations() > 0) {
      return new BatchPlan(interval, 0, params.iterations());
    }
    long total = params.timeBudget().toNanos();
    long n = Math.max(1, (total + interval.toNanos() - 1) / interval.toNanos());
    Duration each = Duration.ofNanos(total / n);
    return new BatchPlan(each.compareTo(SHORTEST) < 0 ? SHORTEST : each, (int) n, 0);
  }

  /** The parameters of every batch's binary: the job's, with this plan's batch budget. */
  public HarnessParams batchParams(HarnessParams job) {
    return job.withTimeBudget(batchBudget);
  }

  /** Whether the job's budget is used up after {@code batchesRun} batches of {@code iterationsRun}. */
  public boolean done(int batchesRun, long iterationsRun) {
    return iterations > 0 ? iterationsRun >= iterations : batchesRun >= batches;
  }
}
