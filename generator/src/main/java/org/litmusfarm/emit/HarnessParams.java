package org.litmusfarm.emit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Program;

/**
 * How an emitted harness hammers its test. Exactly one budget is set: {@code iterations} (test
 * instances run, rounded up to whole rounds) or {@code timeBudget}.
 *
 * <p>Defaults ({@link #defaults()}): 1 s, 4,000 instances per round, 64-byte stride, no affinity,
 * no stress goroutines, {@link SyncMode#TIMEBASE}, seed 1, no mutant. {@link
 * #defaultsFor(Program)} lowers the instances to 200 for programs with channels, mutexes, wait
 * groups or onces, whose operations cost far more than loads and stores.
 *
 * @param iterations instances to run in all, or 0 to run for {@code timeBudget}
 * @param timeBudget how long to run, or zero when {@code iterations} is set
 * @param instances test instances per round (1..1,000,000)
 * @param strideBytes distance between the shared variables of instances (8..4096, a multiple of 8)
 * @param affinity pin each test goroutine's thread to a CPU (Linux only)
 * @param stressGoroutines extra goroutines hammering other cache lines (0..16)
 * @param syncMode how goroutines start each round together
 * @param seed seeds the pseudo-random start stagger of the timebase mode
 * @param mutant a deliberately broken lowering, if any
 */
public record HarnessParams(
    long iterations,
    Duration timeBudget,
    int instances,
    int strideBytes,
    boolean affinity,
    int stressGoroutines,
    SyncMode syncMode,
    long seed,
    Optional<Mutant> mutant) {

  /** Most instances per round. */
  public static final int MAX_INSTANCES = 1_000_000;
  /** Longest time budget. */
  public static final Duration MAX_TIME = Duration.ofHours(1);

  public HarnessParams {
    Objects.requireNonNull(timeBudget, "time budget");
    Objects.requireNonNull(syncMode, "sync mode");
    Objects.requireNonNull(mutant, "mutant");
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must not be negative");
    }
    if (timeBudget.isNegative() || timeBudget.compareTo(MAX_TIME) > 0) {
      throw new IllegalArgumentException("time budget must be between 0 and " + MAX_TIME);
    }
    if ((iterations > 0) == !timeBudget.isZero()) {
      throw new IllegalArgumentException("set exactly one of iterations and time budget");
    }
    if (instances < 1 || instances > MAX_INSTANCES) {
      throw new IllegalArgumentException("instances must be between 1 and " + MAX_INSTANCES);
    }
    if (strideBytes < 8 || strideBytes > 4096 || strideBytes % 8 != 0) {
      throw new IllegalArgumentException("stride must be a multiple of 8 between 8 and 4096 bytes");
    }
    if (stressGoroutines < 0 || stressGoroutines > 16) {
      throw new IllegalArgumentException("stress goroutines must be between 0 and 16");
    }
  }

  /** The documented defaults. */
  public static HarnessParams defaults() {
    return new HarnessParams(
        0, Duration.ofSeconds(1), 4000, 64, false, 0, SyncMode.TIMEBASE, 1, Optional.empty());
  }

  /** The defaults, with fewer instances per round if {@code program} uses blocking primitives. */
  public static HarnessParams defaultsFor(Program program) {
    boolean blocking = program.decls().stream().anyMatch(d -> !(d instanceof Decl.Var));
    return blocking ? defaults().withInstances(200) : defaults();
  }

  /** A copy that runs {@code n} instances in all instead of a time budget. */
  public HarnessParams withIterations(long n) {
    return new HarnessParams(
        n, Duration.ZERO, instances, strideBytes, affinity, stressGoroutines, syncMode, seed, mutant);
  }

  /** A copy that runs for {@code d} instead of an iteration count. */
  public HarnessParams withTimeBudget(Duration d) {
    return new HarnessParams(
        0, d, instances, strideBytes, affinity, stressGoroutines, syncMode, seed, mutant);
  }

  /** A copy with {@code n} instances per round. */
  public HarnessParams withInstances(int n) {
    return new HarnessParams(
        iterations, timeBudget, n, strideBytes, affinity, stressGoroutines, syncMode, seed, mutant);
  }

  /** A copy with another stride. */
  public HarnessParams withStrideBytes(int bytes) {
    return new HarnessParams(
        iterations, timeBudget, instances, bytes, affinity, stressGoroutines, syncMode, seed, mutant);
  }

  /** A copy with affinity on or off. */
  public HarnessParams withAffinity(boolean on) {
    return new HarnessParams(
        iterations, timeBudget, instances, strideBytes, on, stressGoroutines, syncMode, seed, mutant);
  }

  /** A copy with {@code n} stress goroutines. */
  public HarnessParams withStressGoroutines(int n) {
    return new HarnessParams(
        iterations, timeBudget, instances, strideBytes, affinity, n, syncMode, seed, mutant);
  }

  /** A copy with another sync mode. */
  public HarnessParams withSyncMode(SyncMode mode) {
    return new HarnessParams(
        iterations, timeBudget, instances, strideBytes, affinity, stressGoroutines, mode, seed, mutant);
  }

  /** A copy with another seed. */
  public HarnessParams withSeed(long s) {
    return new HarnessParams(
        iterations, timeBudget, instances, strideBytes, affinity, stressGoroutines, syncMode, s, mutant);
  }

  /** A copy that emits mutant {@code m} ({@code null} for none). */
  public HarnessParams withMutant(Mutant m) {
    return new HarnessParams(
        iterations,
        timeBudget,
        instances,
        strideBytes,
        affinity,
        stressGoroutines,
        syncMode,
        seed,
        Optional.ofNullable(m));
  }
}
