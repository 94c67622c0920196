package org.litmusfarm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.text.ParsedProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm emit}: prints the Go harness a program's run would build. */
@Command(
    name = "emit",
    mixinStandardHelpOptions = true,
    description = {
      "Print the Go harness that hammers FILE.",
      "A self-contained main package, standard library only, as farm run builds it."
    })
final class EmitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "a .litmus file")
  Path file;

  @Mixin HarnessOptions harness;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ParsedProgram parsed = Sources.read(file);
    parsed.warnings().forEach(w -> spec.commandLine().getErr().println(w.render()));
    spec.commandLine().getOut().print(GoEmitter.emit(parsed.program(), harness.paramsFor(parsed.program())));
    return ExitStatus.OK;
  }
}
