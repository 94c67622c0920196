package org.litmusfarm.text;

import org.litmusfarm.model.InvalidProgramException;

/** Parses {@code .litmus} text into a validated model program. */
public final class Parser {
  private Parser() {}

  /**
   * Parses and validates {@code text}; {@code path} is used in diagnostics only.
   *
   * @throws InvalidProgramException with every error found, as {@code path:line:col: message}
   */
  public static ParsedProgram parse(String path, String text) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
