package org.litmusfarm.model;

import java.util.Objects;

/**
 * A problem found in {@code .litmus} text, at a 1-based line and column. Renders as
 * {@code path:line:col: message}.
 */
public record Diagnostic(String path, int line, int column, String message, Severity severity) {
  /** Whether a diagnostic rejects the program. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Diagnostic {
    Objects.requireNonNull(path);
    Objects.requireNonNull(message);
    Objects.requireNonNull(severity);
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based");
    }
  }

  /** An error at a position. */
  public static Diagnostic error(String path, int line, int column, String message) {
    return new Diagnostic(path, line, column, message, Severity.ERROR);
  }

  /** {@code path:line:col: message}, with {@code warning: } before warnings' messages. */
  public String render() {
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    return path + ":" + line + ":" + column + ": " + prefix + message;
  }

  /** {@code line:col: message}, for places where the path is implied (gRPC, HTTP). */
  public String renderWithoutPath() {
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    return line + ":" + column + ": " + prefix + message;
  }

  @Override
  public String toString() {
    return render();
  }
}
