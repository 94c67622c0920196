package org.litmusfarm.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code farm} command: the entry point that dispatches to one subcommand per job. */
@Command(
    name = "farm",
    mixinStandardHelpOptions = true,
    versionProvider = FarmVersion.class,
    description = "Litmus testing for the Go memory model: decide, emit, hammer, fuzz.",
    subcommands = {
      OracleCommand.class,
      RunCommand.class,
      EmitCommand.class,
      CatalogCommand.class,
      MutateCommand.class,
      MutantsCommand.class,
      DetectCommand.class,
      ReduceCommand.class,
      UpCommand.class,
      CoordinatorCommand.class,
      WorkerCommand.class,
      PlatformCommand.class,
      SubmitCommand.class,
      CampaignCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit status: 0 success, 2 invalid input or usage, 3 violation observed,",
      "4 a mutant the CPU can expose survived (farm detect), 1 anything else."
    })
public final class Farm implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** Builds the command line with the farm's error handling, writing to the given streams. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Farm());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    return cl;
  }

  /** Runs {@code args} and returns the exit status. */
  static int execute(PrintWriter out, PrintWriter err, String... args) {
    int status = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return status;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, args));
  }
}
