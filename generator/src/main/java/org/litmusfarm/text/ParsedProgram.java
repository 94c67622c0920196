package org.litmusfarm.text;

import java.util.List;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Program;

/**
 * A parsed program with what the parser learned about its source: warnings, and where each part
 * of the program was written, so later problems (from the oracle, say) get a line and column.
 */
public interface ParsedProgram {
  /** The program. */
  Program program();

  /** Warnings found while parsing and validating, in source order. */
  List<Diagnostic> warnings();

  /** Places {@code problem} at the source position of the part it concerns. */
  Diagnostic locate(Problem problem);
}
