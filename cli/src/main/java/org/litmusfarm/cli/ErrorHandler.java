package org.litmusfarm.cli;

import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import picocli.CommandLine;

/**
 * Turns exceptions into messages and exit statuses: diagnostics for invalid programs (status 2),
 * one line for everything else (status 1). Users never see a stack trace; set FARM_DEBUG=1 to get
 * one.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    var err = cl.getErr();
    if (ex instanceof InvalidProgramException invalid) {
      for (Diagnostic d : invalid.diagnostics()) {
        err.println(d.render());
      }
      return ExitStatus.INVALID;
    }
    if (ex instanceof UserInputException) {
      err.println("farm: " + ex.getMessage());
      return ExitStatus.INVALID;
    }
    err.println("farm: error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
    if (System.getenv("FARM_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    return ExitStatus.FAILURE;
  }
}
