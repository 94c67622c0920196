package org.litmusfarm.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A well-formed program that cannot be accepted: it can block forever or panic under some
 * execution, or it is too large to decide within the configured budget. The problems name the
 * statements concerned; the text package turns them into {@code file:line:col} diagnostics.
 */
public class RejectedProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public RejectedProgramException(List<Problem> problems) {
    super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each with the part of the program it concerns. */
  public List<Problem> problems() {
    return problems;
  }
}
