package org.litmusfarm.cli;

import picocli.CommandLine;

/** Reports a usage error in one line plus a hint, with exit status 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println("farm: " + ex.getMessage());
    cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more.");
    return ExitStatus.INVALID;
  }
}
