package org.litmusfarm.coordinator.lease;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EmptyQueuesTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final EmptyQueues empty = new EmptyQueues(Duration.ofMillis(100), now::get);
  private final WorkerProfile amd64 = new WorkerProfile("w-1", "amd64", "native", List.of("go1.26.8"));
  private final WorkerProfile otherAmd64 = new WorkerProfile("w-2", "amd64", "native", List.of("go1.26.8"));
  private final WorkerProfile amd64OtherGo = new WorkerProfile("w-3", "amd64", "native", List.of("go1.19.8"));
  private final WorkerProfile arm64 = new WorkerProfile("w-4", "arm64", "native", List.of("go1.26.8"));

  @Test
  void nothingIsKnownEmptyBeforeAWorkerFoundItEmpty() {
    assertFalse(empty.knownEmpty(amd64));
  }

  @Test
  void anEmptyAnswerCoversEveryWorkerOfTheSameKindForTheHint() {
    empty.foundEmpty(amd64, empty.generation());

    assertTrue(empty.knownEmpty(otherAmd64));
    assertFalse(empty.knownEmpty(amd64OtherGo), "another toolchain is another kind");
    assertFalse(empty.knownEmpty(arm64), "another architecture is another kind");
    now.addAndGet(Duration.ofMillis(99).toNanos());
    assertTrue(empty.knownEmpty(amd64));
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertFalse(empty.knownEmpty(amd64), "the hint has passed");
  }

  @Test
  void aQueuedJobForgetsEveryEmptyAnswer() {
    empty.foundEmpty(amd64, empty.generation());
    empty.foundEmpty(arm64, empty.generation());

    empty.jobQueued();

    assertFalse(empty.knownEmpty(amd64));
    assertFalse(empty.knownEmpty(arm64));
  }

  @Test
  void anEmptyAnswerFromAQueryThatRanWhileAJobWasQueuedIsNotTrusted() {
    long before = empty.generation();
    empty.jobQueued();

    empty.foundEmpty(amd64, before);

    assertFalse(empty.knownEmpty(amd64));
  }

  @Test
  void aZeroHintRemembersNothing() {
    EmptyQueues never = new EmptyQueues(Duration.ZERO, now::get);
    never.foundEmpty(amd64, never.generation());
    assertFalse(never.knownEmpty(amd64));
  }

  @Test
  void aNegativeHintIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new EmptyQueues(Duration.ofMillis(-1), now::get));
  }
}
