package org.litmusfarm.text;

import org.litmusfarm.model.Program;
import org.litmusfarm.model.ProgramId;

/** Identity of programs, from their canonical text. */
public final class Programs {
  private Programs() {}

  /** The SHA-256 of {@code program}'s canonical printed text. */
  public static ProgramId id(Program program) {
    return ProgramId.ofCanonicalText(Printer.print(program));
  }
}
