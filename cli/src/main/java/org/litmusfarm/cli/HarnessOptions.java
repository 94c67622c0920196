package org.litmusfarm.cli;

import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.model.Program;
import org.litmusfarm.schema.convert.Params;
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
    if (budget != null && budget.iterations != null && budget.iterations < 1) {
      throw new UserInputException("--iterations must be at least 1");
    }
    if (budget != null && budget.seconds != null && !(budget.seconds > 0)) {
      throw new UserInputException("--seconds must be more than 0");
    }
    if (stress < 0) {
      throw new UserInputException("--stress must not be negative");
    }
    var wire = org.litmusfarm.schema.v1.HarnessParams.newBuilder().setAffinity(affinity).setStress(stress);
    if (budget != null && budget.iterations != null) {
      wire.setIterations(budget.iterations);
    }
    if (budget != null && budget.seconds != null) {
      wire.setSeconds(budget.seconds);
    }
    if (sync != null) {
      wire.setSyncMode(sync);
    }
    if (instances != null) {
      wire.setInstances(instances);
    }
    if (stride != null) {
      wire.setStride(stride);
    }
    if (seed != null) {
      wire.setSeed(seed);
    }
    if (mutant != null) {
      wire.setMutant(mutant);
    }
    try {
      return Params.toHarness(program, wire.build());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
