package org.litmusfarm.detect;

import java.util.Objects;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Decision;

/**
 * A catalog program a mutant affects, with the oracle's decision for the original program (which
 * judges every run) and what the oracle predicts the mutant makes reachable.
 *
 * @param program the original program
 * @param decision the Go memory model's decision for {@code program}
 * @param prediction how a forbidden outcome could show under the mutant
 */
public record Candidate(Program program, Decision decision, Prediction prediction) {
  public Candidate {
    Objects.requireNonNull(program);
    Objects.requireNonNull(decision);
    Objects.requireNonNull(prediction);
  }

  /** The program's name. */
  public String name() {
    return program.name();
  }
}
