package org.litmusfarm.cli;

import java.time.Duration;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.emit.SyncMode;
import org.litmusfarm.model.Program;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The harness parameters {@code farm run} and {@code farm emit} accept, with their defaults. */
final class HarnessOptions {
  /** Exactly one budget: iterations or seconds. */
  static final class BudgetOptions {
    @Option(names = "--iterations", paramLabel = "N", description = "test instances to run in all")
    Long iterations;

    @Option(names = "--seconds", paramLabel = "S", description = "seconds to hammer (default 1)")
    Double seconds;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  BudgetOptions budget;

  @Option(
      names = "--sync",
      paramLabel = "MODE",
      description = "how goroutines start each round: spin, timebase or park (default timebase)")
  String sync;

  @Option(names = "--instances", paramLabel = "N", description = "test instances per round (default 4000, 200 with blocking primitives)")
  Integer instances;

  @Option(names = "--stride", paramLabel = "BYTES", description = "bytes between instances' variables (default 64)")
  Integer stride;

  @Option(names = "--affinity", description = "pin each test goroutine's thread to a CPU (Linux)")
  boolean affinity;

  @Option(names = "--stress", paramLabel = "N", description = "extra goroutines hammering other cache lines (default 0)")
  int stress;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the start stagger (default 1)")
  Long seed;

  @Option(names = "--mutant", paramLabel = "NAME", description = "emit deliberately broken code (see farm mutants); the oracle still judges the original")
  String mutant;

  /** The parameters for {@code program}: its defaults overridden by what was given. */
  HarnessParams paramsFor(Program program) {
    HarnessParams p = HarnessParams.defaultsFor(program);
    try {
      if (budget != null && budget.iterations != null) {
        if (budget.iterations < 1) {
          throw new UserInputException("--iterations must be at least 1");
        }
        p = p.withIterations(budget.iterations);
      } else if (budget != null && budget.seconds != null) {
        if (!(budget.seconds > 0) || budget.seconds > HarnessParams.MAX_TIME.toSeconds()) {
          throw new UserInputException(
              "--seconds must be more than 0 and at most " + HarnessParams.MAX_TIME.toSeconds());
        }
        p = p.withTimeBudget(Duration.ofNanos((long) (budget.seconds * 1e9)));
      }
      if (sync != null) {
        p = p.withSyncMode(SyncMode.parse(sync));
      }
      if (instances != null) {
        p = p.withInstances(instances);
      }
      if (stride != null) {
        p = p.withStrideBytes(stride);
      }
      if (seed != null) {
        p = p.withSeed(seed);
      }
      if (mutant != null) {
        p = p.withMutant(Mutant.parse(mutant));
      }
      return p.withAffinity(affinity).withStressGoroutines(stress);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
