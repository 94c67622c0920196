package org.litmusfarm.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's program is at fault: it does not parse, breaks a rule or a limit, can block or panic,
 * or is too large to decide. Carries every diagnostic found; map it to exit status 2, gRPC
 * {@code INVALID_ARGUMENT} or HTTP 400.
 */
public class InvalidProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public InvalidProgramException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every diagnostic, errors and warnings, in source order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
