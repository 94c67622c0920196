package org.litmusfarm.coordinator.lease;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Which kinds of worker (architecture, mode, toolchains) found no job a moment ago, so that their
 * next polls within {@code hint} skip the database: a thousand idle workers polling every second
 * would otherwise cost a thousand queries a second that all find nothing. Anything this
 * coordinator queues or requeues forgets every entry at once; a job queued by another coordinator
 * sharing the database is seen at most {@code hint} late. Holds nothing that matters: losing it
 * costs one query per kind. Thread-safe.
 */
final class EmptyQueues {
  /** Bound on the kinds remembered; past it they are forgotten. */
  private static final int MAX_KINDS = 10_000;

  private record Kind(String arch, String mode, List<String> goVersions) {}

  private record Seen(long atNanos, long generation) {}

  private final long hintNanos;
  private final LongSupplier clock;
  private final AtomicLong generation = new AtomicLong();
  private final Map<Kind, Seen> empty = new ConcurrentHashMap<>();

  EmptyQueues(Duration hint, LongSupplier nanoClock) {
    if (hint.isNegative()) {
      throw new IllegalArgumentException("the empty-queue hint must not be negative, got " + hint);
    }
    this.hintNanos = hint.toNanos();
    this.clock = nanoClock;
  }

  /** Whether a worker like this one found nothing within the hint, with nothing queued since. */
  boolean knownEmpty(WorkerProfile worker) {
    Seen seen = empty.get(kind(worker));
    return seen != null && seen.generation() == generation.get() && clock.getAsLong() - seen.atNanos() < hintNanos;
  }

  /**
   * Records that a worker like this one found nothing. {@code generation} is {@link #generation()}
   * read before the query, so that a job queued while the query ran is not hidden.
   */
  void foundEmpty(WorkerProfile worker, long generationBefore) {
    if (hintNanos == 0) {
      return;
    }
    if (empty.size() >= MAX_KINDS) {
      empty.clear();
    }
    empty.put(kind(worker), new Seen(clock.getAsLong(), generationBefore));
  }

  /** The current generation, to pass to {@link #foundEmpty}. */
  long generation() {
    return generation.get();
  }

  /** A job was queued or requeued: every kind may have work again. */
  void jobQueued() {
    generation.incrementAndGet();
  }

  private static Kind kind(WorkerProfile w) {
    return new Kind(w.arch(), w.mode(), w.goVersions());
  }
}
