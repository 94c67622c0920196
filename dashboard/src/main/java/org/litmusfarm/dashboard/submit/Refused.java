package org.litmusfarm.dashboard.submit;

import java.util.List;
import java.util.stream.Collectors;

/** A submission or results request the coordinator refused, or could not be asked. */
public final class Refused extends RuntimeException {
  /** Why: bad input (400), unknown submission (404), or the coordinator unavailable (502). */
  public enum Kind { INVALID, NOT_FOUND, UNAVAILABLE }

  private final Kind kind;
  private final List<Problem> problems;

  Refused(Kind kind, List<Problem> problems) {
    super(problems.stream().map(p -> p.located() ? p.line() + ":" + p.column() + ": " + p.message() : p.message())
        .collect(Collectors.joining("\n")));
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  public Kind kind() {
    return kind;
  }

  public List<Problem> problems() {
    return problems;
  }
}
