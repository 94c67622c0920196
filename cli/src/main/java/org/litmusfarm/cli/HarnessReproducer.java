package org.litmusfarm.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.Harness;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.model.Program;
import org.litmusfarm.reduce.Reproducer;
import org.litmusfarm.reduce.Violation;

/**
 * Runs candidates of {@code farm reduce} here, as {@code farm run} would: each is built for the
 * target and hammered for one time slice with the default harness parameters; it reproduces if
 * an outcome showing the violation ({@link Violation#shownBy}) was observed at least once. A candidate that fails to build does not
 * reproduce, and the reason is printed.
 */
final class HarnessReproducer implements Reproducer {
  private final Harness harness;
  private final GoTarget target;
  private final Duration slice;
  private final PrintWriter err;

  HarnessReproducer(Harness harness, GoTarget target, Duration slice, PrintWriter err) {
    this.harness = harness;
    this.target = target;
    this.slice = slice;
    this.err = err;
  }

  /** How long one try hammers a candidate. */
  Duration slice() {
    return slice;
  }

  /** One slice of {@code program}. */
  RunResult run(Program program) {
    return run(program, slice);
  }

  /** A run of {@code program} for {@code time}, with the default parameters for it. */
  RunResult run(Program program, Duration time) {
    HarnessParams params = HarnessParams.defaultsFor(program).withTimeBudget(time);
    return harness.run(program, params, target, time.multipliedBy(2).plusSeconds(60), line -> {});
  }

  @Override
  public boolean reproduces(Violation v) {
    try {
      return run(v.program()).histogram().keySet().stream().anyMatch(v::shownBy);
    } catch (IllegalStateException e) {
      err.println("farm: reduce: candidate not run: " + e.getMessage());
      return false;
    }
  }
}
