package org.litmusfarm.detect;

import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.model.Program;

/** Builds (at most once per program and parameters) and runs one program's harness on a target. */
interface Trial {
  /** Runs {@code program} with {@code params}; throws IllegalStateException if it cannot build or run. */
  RunResult run(Program program, HarnessParams params);
}
