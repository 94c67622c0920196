package org.litmusfarm.worker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CoreShareTest {
  private static final long SHORT_MS = 300;

  @Test
  void aBatchHoldsOneCorePerGoroutine() throws InterruptedException {
    CoreShare share = new CoreShare(4);
    try (CoreShare.Hold h = share.forRun(3, () -> false).orElseThrow()) {
      assertEquals(1, share.available());
    }
    assertEquals(4, share.available());
  }

  @Test
  void aProgramWithMoreGoroutinesThanCoresHoldsThemAll() throws InterruptedException {
    CoreShare share = new CoreShare(2);
    try (CoreShare.Hold h = share.forRun(4, () -> false).orElseThrow()) {
      assertEquals(0, share.available());
    }
    assertEquals(2, share.available());
  }

  @Test
  void twoSingleGoroutineBatchesRunTogetherOnTwoCores() throws InterruptedException {
    CoreShare share = new CoreShare(2);
    try (CoreShare.Hold a = share.forRun(1, () -> false).orElseThrow();
        CoreShare.Hold b = share.forRun(1, () -> false).orElseThrow()) {
      assertEquals(0, share.available());
    }
  }

  @Test
  void aBatchWaitsUntilAnotherWorkersBatchGivesItsCoresBack() throws Exception {
    CoreShare share = new CoreShare(2);
    CoreShare.Hold first = share.forRun(2, () -> false).orElseThrow();
    CompletableFuture<CoreShare.Hold> second = CompletableFuture.supplyAsync(() -> run(share, 2));
    assertThrows(TimeoutException.class, () -> second.get(SHORT_MS, TimeUnit.MILLISECONDS));
    first.close();
    second.get(10, TimeUnit.SECONDS).close();
    assertEquals(2, share.available());
  }

  @Test
  void aBuildWaitsForEveryCore() throws Exception {
    CoreShare share = new CoreShare(2);
    CoreShare.Hold batch = share.forRun(1, () -> false).orElseThrow();
    CompletableFuture<CoreShare.Hold> build = CompletableFuture.supplyAsync(() -> {
      try {
        return share.forBuild();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThrows(TimeoutException.class, () -> build.get(SHORT_MS, TimeUnit.MILLISECONDS));
    batch.close();
    try (CoreShare.Hold all = build.get(10, TimeUnit.SECONDS)) {
      assertEquals(0, share.available());
    }
  }

  @Test
  void aWaitingBatchGivesUpWhenItsJobStops() throws Exception {
    CoreShare share = new CoreShare(1);
    try (CoreShare.Hold busy = share.forRun(1, () -> false).orElseThrow()) {
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<Optional<CoreShare.Hold>> waiting = CompletableFuture.supplyAsync(() -> {
        try {
          return share.forRun(1, stop::get);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThrows(TimeoutException.class, () -> waiting.get(SHORT_MS, TimeUnit.MILLISECONDS));
      stop.set(true);
      assertFalse(waiting.get(10, TimeUnit.SECONDS).isPresent());
    }
    assertEquals(1, share.available());
  }

  @Test
  void closingAHoldTwiceGivesItsCoresBackOnce() throws InterruptedException {
    CoreShare share = new CoreShare(2);
    CoreShare.Hold h = share.forRun(1, () -> false).orElseThrow();
    h.close();
    h.close();
    assertEquals(2, share.available());
  }

  @Test
  void aMachineHasAtLeastOneCore() {
    assertThrows(IllegalArgumentException.class, () -> new CoreShare(0));
    assertTrue(CoreShare.ofThisMachine().cores() >= 1);
  }

  private static CoreShare.Hold run(CoreShare share, int goroutines) {
    try {
      return share.forRun(goroutines, () -> false).orElseThrow();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
