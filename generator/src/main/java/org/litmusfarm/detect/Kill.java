package org.litmusfarm.detect;

import java.util.Objects;
import org.litmusfarm.model.Outcome;

/**
 * The run that killed a mutant: a FORBIDDEN outcome (judged against the original program)
 * observed while the mutant's code ran, and a control: the unmutated program run as long on the
 * same target. A kill the control also shows (as QEMU's arm64 emulation shows SB+atomic's
 * forbidden outcome without any mutant) is not the mutant's doing.
 *
 * @param program the catalog program that showed it
 * @param prediction what the oracle predicted for that program under the mutant
 * @param outcome the forbidden outcome seen most often in that run
 * @param count how often it was seen in that run
 * @param controlIterations iterations of the unmutated control runs
 * @param controlForbidden forbidden outcomes the control runs showed
 */
public record Kill(
    String program, Prediction prediction, Outcome outcome, long count, long controlIterations, long controlForbidden) {
  public Kill {
    Objects.requireNonNull(program);
    Objects.requireNonNull(prediction);
    Objects.requireNonNull(outcome);
  }

  /** Whether the unmutated program showed no forbidden outcome in its control runs. */
  public boolean attributable() {
    return controlForbidden == 0;
  }

  /** This kill with the control's figures. */
  Kill withControl(long iterations, long forbidden) {
    return new Kill(program, prediction, outcome, count, iterations, forbidden);
  }
}
