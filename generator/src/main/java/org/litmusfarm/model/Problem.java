package org.litmusfarm.model;

import java.util.List;
import java.util.Objects;

/**
 * A semantic problem found in a model program, without source positions. {@link Where} says which
 * part of the program it concerns, so the text parser can turn it into a {@link Diagnostic}.
 */
public record Problem(String message, Diagnostic.Severity severity, Where where) {
  public Problem {
    Objects.requireNonNull(message);
    Objects.requireNonNull(severity);
    Objects.requireNonNull(where);
  }

  /** An error. */
  public static Problem error(String message, Where where) {
    return new Problem(message, Diagnostic.Severity.ERROR, where);
  }

  /** A warning. */
  public static Problem warning(String message, Where where) {
    return new Problem(message, Diagnostic.Severity.WARNING, where);
  }

  /** Whether this problem rejects the program. */
  public boolean isError() {
    return severity == Diagnostic.Severity.ERROR;
  }

  /** The part of a program a problem concerns. */
  public sealed interface Where {
    /** The program as a whole (reported at its header). */
    record Whole() implements Where {}

    /** The declaration of shared object {@code name}. */
    record InDecl(String name) implements Where {}

    /**
     * A statement of goroutine {@code goroutine}: {@code path} indexes into the body, then into
     * nested block bodies.
     */
    record InStmt(int goroutine, List<Integer> path) implements Where {
      public InStmt {
        path = List.copyOf(path);
      }
    }

    /** The header line of goroutine {@code goroutine}. */
    record InGoroutine(int goroutine) implements Where {}

    /** Entry {@code index} of the {@code observe} line. */
    record InObserve(int index) implements Where {}

    /** Atom {@code index} (left to right) of the {@code exists} condition. */
    record InExists(int index) implements Where {}
  }
}
