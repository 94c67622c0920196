package org.litmusfarm.text;

import org.litmusfarm.model.Program;

/** Prints a program as canonical {@code .litmus} text: {@code print(parse(t))} is a fixed point. */
public final class Printer {
  private Printer() {}

  /** The canonical text of {@code program}, ending with a newline. */
  public static String print(Program program) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
