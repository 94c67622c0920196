package org.litmusfarm.reduce;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;

/**
 * A program and a forbidden part of an outcome it showed: values at some of its outcome
 * locations that no outcome the Go memory model allows has all at once. A full observed outcome
 * of class FORBIDDEN is one; {@link Candidates#narrow} keeps only the locations that make it
 * forbidden (for SB, {@code P0:r0=0; P1:r0=0}). A run reproduces the violation when it shows an
 * outcome that agrees with it on those locations ({@link #shownBy}); such an outcome is FORBIDDEN.
 *
 * @param program the program
 * @param outcome values at a non-empty subset of {@code program.outcomeLocations()}, in that order
 */
public record Violation(Program program, Outcome outcome) {
  public Violation {
    Objects.requireNonNull(program);
    Objects.requireNonNull(outcome);
    List<Location> all = program.outcomeLocations();
    List<Location> mine = List.copyOf(outcome.values().keySet());
    if (mine.isEmpty() || !all.containsAll(mine) || !all.stream().filter(mine::contains).toList().equals(mine)) {
      throw new IllegalArgumentException(
          "outcome " + outcome + " is not a part of the outcomes of " + program.name() + ": " + all);
    }
  }

  /**
   * The violation {@code outcome} of {@code program}, after checking with {@code oracle} that no
   * allowed outcome agrees with it.
   *
   * @throws IllegalArgumentException if the outcome does not fit the program, the oracle rejects
   *     the program, or an allowed outcome agrees with it
   */
  public static Violation checked(Program program, Outcome outcome, Oracle oracle) {
    Violation v = new Violation(program, outcome);
    Decision d;
    try {
      d = oracle.decide(program);
    } catch (RejectedProgramException e) {
      throw new IllegalArgumentException(program.name() + " cannot be decided: " + e.getMessage(), e);
    }
    for (Outcome allowed : d.allowed().keySet()) {
      if (agree(allowed, outcome)) {
        throw new IllegalArgumentException(
            outcome + " is allowed for " + program.name() + " (" + d.classify(allowed) + " " + allowed + "), not a violation");
      }
    }
    return v;
  }

  /** Whether {@code observed}, a full outcome of the program, shows this violation. */
  public boolean shownBy(Outcome observed) {
    return agree(observed, outcome);
  }

  /** Whether {@code full} has {@code part}'s value at each of {@code part}'s locations. */
  static boolean agree(Outcome full, Outcome part) {
    for (Map.Entry<Location, Long> e : part.values().entrySet()) {
      if (!e.getValue().equals(full.values().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
