package org.litmusfarm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.mutate.MutateOptions;
import org.litmusfarm.mutate.Mutator;
import org.litmusfarm.oracle.Budget;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.ParsedProgram;
import org.litmusfarm.text.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm mutate}: makes new valid, distinct programs from one, reproducibly. */
@Command(
    name = "mutate",
    mixinStandardHelpOptions = true,
    description = {
      "Make valid, distinct mutants of a program, reproducibly by seed.",
      "Up to COUNT mutants of FILE, distinct by canonical form, each checked by the oracle",
      "(every interleaving completes: no deadlock, no panic). Prints them separated by blank",
      "lines, or with --out writes NAME.litmus files into DIR."
    })
final class MutateCommand implements Callable<Integer> {
  /** Mutants whose interleavings the oracle cannot all explore within this many states are dropped. */
  static final long ACCEPT_BUDGET = 200_000;

  @Parameters(paramLabel = "FILE", description = "the .litmus program to mutate")
  Path file;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "how many mutants (default ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--out", paramLabel = "DIR", description = "write NAME.litmus files here instead of printing")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (count < 1 || count > 100_000) {
      throw new UserInputException("--count must be between 1 and 100000");
    }
    ParsedProgram parsed = Sources.read(file);
    Oracle oracle = new Oracle(Budget.states(ACCEPT_BUDGET));
    Predicate<Program> completes =
        p -> {
          try {
            oracle.checkCompletes(p);
            return true;
          } catch (RejectedProgramException e) {
            return false;
          }
        };
    Mutator mutator = new Mutator(MutateOptions.DEFAULTS, new Random(seed), completes);
    List<Program> mutants = mutator.mutants(parsed.program(), count);
    PrintWriter stdout = spec.commandLine().getOut();
    ProgramFiles files = out == null ? null : new ProgramFiles(out);
    for (int i = 0; i < mutants.size(); i++) {
      String text = Printer.print(mutants.get(i));
      if (files == null) {
        stdout.print((i == 0 ? "" : "\n") + text);
      } else {
        files.write(mutants.get(i).name() + ".litmus", text);
      }
    }
    var err = spec.commandLine().getErr();
    err.println("farm: " + mutants.size() + " mutants of " + parsed.program().name() + " (seed " + seed + ")" + (out == null ? "" : " written to " + out));
    if (mutants.size() < count) {
      err.println("farm: note: asked for " + count + "; the mutator found no more distinct valid mutants within its attempts");
    }
    return ExitStatus.OK;
  }
}
