package org.litmusfarm.oracle;

import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;

/** Decides, by the Go memory model, which outcomes of a program are SC, WEAK or FORBIDDEN. */
public final class Oracle {
  /** Creates an oracle with the default budget. */
  public Oracle() {}

  /**
   * Decides {@code program}, which must be valid (see {@link org.litmusfarm.model.Validator}).
   *
   * @throws RejectedProgramException if it can block or panic, or is too large to decide
   */
  public Decision decide(Program program) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
