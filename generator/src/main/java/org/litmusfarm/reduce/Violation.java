package org.litmusfarm.reduce;

import java.util.Objects;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.oracle.Oracle;

/**
 * A program and one outcome of it that the Go memory model forbids: what a run observed, or what
 * a reduced candidate must still show to count as the same violation.
 *
 * @param program the program
 * @param outcome an outcome over exactly {@code program.outcomeLocations()}, in that order
 */
public record Violation(Program program, Outcome outcome) {
  public Violation {
    Objects.requireNonNull(program);
    Objects.requireNonNull(outcome);
    if (!outcome.values().keySet().stream().toList().equals(program.outcomeLocations())) {
      throw new IllegalArgumentException(
          "outcome " + outcome + " does not record exactly the locations of " + program.name()
              + ": " + program.outcomeLocations());
    }
  }

  /**
   * The violation {@code outcome} of {@code program}, after checking with {@code oracle} that the
   * Go memory model forbids it.
   *
   * @throws IllegalArgumentException if the outcome does not fit the program, the oracle rejects
   *     the program, or the outcome is allowed
   */
  public static Violation checked(Program program, Outcome outcome, Oracle oracle) {
    Violation v = new Violation(program, outcome);
    OutcomeClass cls;
    try {
      cls = oracle.decide(program).classify(outcome);
    } catch (RejectedProgramException e) {
      throw new IllegalArgumentException(program.name() + " cannot be decided: " + e.getMessage(), e);
    }
    if (cls != OutcomeClass.FORBIDDEN) {
      throw new IllegalArgumentException(
          outcome + " is " + cls + " for " + program.name() + ", not a violation");
    }
    return v;
  }
}
