package org.litmusfarm.worker.job;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The cores of one machine, shared by the workers that run in one process (as {@code farm up}
 * runs them). A harness batch holds one core per goroutine of its program (at most all of them)
 * and a build holds every core, first come first served. So workers placed on one machine never
 * time-share the cores a litmus test needs at the same instant: a test whose goroutines take
 * turns on a core hardly ever overlaps its accesses and shows far fewer weak outcomes, which
 * would be a finding about the farm, not about Go.
 */
public final class CoreShare {
  private static final long POLL_MS = 50;

  private final int cores;
  private final Semaphore free;

  /** A share of {@code cores} cores. */
  public CoreShare(int cores) {
    if (cores < 1) {
      throw new IllegalArgumentException("a machine has at least one core, got " + cores);
    }
    this.cores = cores;
    this.free = new Semaphore(cores, true);
  }

  /** A share of the cores this JVM may use. */
  public static CoreShare ofThisMachine() {
    return new CoreShare(Runtime.getRuntime().availableProcessors());
  }

  /** How many cores are shared. */
  public int cores() {
    return cores;
  }

  /** Cores held until {@link #close()}. */
  interface Hold extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Waits for one core per goroutine of a {@code goroutines}-goroutine program (at most all),
   * asking {@code giveUp} while it waits; empty when it gave up.
   */
  Optional<Hold> forRun(int goroutines, BooleanSupplier giveUp) throws InterruptedException {
    int wanted = Math.max(1, Math.min(goroutines, cores));
    while (!free.tryAcquire(wanted, POLL_MS, TimeUnit.MILLISECONDS)) {
      if (giveUp.getAsBoolean()) {
        return Optional.empty();
      }
    }
    return Optional.of(holding(wanted));
  }

  /** Waits for every core, as a build (which keeps them all busy) needs. */
  Hold forBuild() throws InterruptedException {
    free.acquire(cores);
    return holding(cores);
  }

  /** How many cores nobody holds now. */
  int available() {
    return free.availablePermits();
  }

  private Hold holding(int n) {
    return new Hold() {
      private boolean released;

      @Override
      public synchronized void close() {
        if (!released) {
          released = true;
          free.release(n);
        }
      }
    };
  }
}
