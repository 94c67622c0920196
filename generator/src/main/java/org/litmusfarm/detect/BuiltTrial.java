package org.litmusfarm.detect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.harness.GoBuild;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.harness.Runner;
import org.litmusfarm.model.Program;

/**
 * A {@link Trial} on a real target: emits, builds once per distinct source (the package name
 * carries the mutant and a hash of the source, so runs with other knobs or by other processes do
 * not overwrite it), then runs the binary natively or under the target's emulator.
 */
final class BuiltTrial implements Trial {
  private final GoBuild build;
  private final GoTarget target;
  private final Consumer<String> progress;
  private final Map<String, Path> binaries = new HashMap<>();

  BuiltTrial(GoBuild build, GoTarget target, Consumer<String> progress) {
    this.build = build;
    this.target = target;
    this.progress = progress;
  }

  @Override
  public RunResult run(Program program, HarnessParams params) {
    String source = GoEmitter.emit(program, params);
    String name =
        program.name()
            + "~"
            + params.mutant().map(m -> m.tag()).orElse("none")
            + "~"
            + Integer.toHexString(source.hashCode());
    Path binary = binaries.computeIfAbsent(name, n -> build.build(n, source, target));
    return Runner.run(binary, target, limit(params), progress);
  }

  /** Emulated start-up can take seconds; a run that takes far longer than its slice has hung. */
  private static Duration limit(HarnessParams params) {
    return params.timeBudget().multipliedBy(4).plusSeconds(60);
  }
}
