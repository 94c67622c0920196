package org.litmusfarm.worker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.litmusfarm.emit.HarnessParams;

class BatchPlanTest {
  @Test
  void aTimeBudgetIsCutIntoEqualBatchesThatAddUpToIt() {
    BatchPlan p = BatchPlan.of(HarnessParams.defaults().withTimeBudget(Duration.ofMillis(2500)), Duration.ofSeconds(1));
    assertEquals(3, p.batches());
    assertEquals(Duration.ofNanos(2_500_000_000L / 3), p.batchBudget());
    assertFalse(p.done(2, 0));
    assertTrue(p.done(3, 0));
  }

  @Test
  void anIterationCountRunsUntilReached() {
    BatchPlan p = BatchPlan.of(HarnessParams.defaults().withIterations(10_000), Duration.ofSeconds(5));
    assertEquals(Duration.ofSeconds(5), p.batchBudget());
    assertFalse(p.done(7, 9_999));
    assertTrue(p.done(1, 10_000));
  }
}
