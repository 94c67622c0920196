package org.litmusfarm.cli;

import java.util.concurrent.Callable;
import org.litmusfarm.emit.Mutant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm mutants}: lists the deliberately broken harness lowerings. */
@Command(
    name = "mutants",
    mixinStandardHelpOptions = true,
    description = {
      "List the harness mutants for 'farm run --mutant NAME'.",
      "One NAME<TAB>description a line.",
      "A mutant emits broken code for one class of operations while the oracle still judges",
      "the original program, so a farm that works must flag it."
    })
final class MutantsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (Mutant m : Mutant.values()) {
      spec.commandLine()
          .getOut()
          .println(m.tag() + "\t" + m.description() + " (exposable on " + String.join(", ", m.exposingArchitectures()) + ")");
    }
    return ExitStatus.OK;
  }
}
