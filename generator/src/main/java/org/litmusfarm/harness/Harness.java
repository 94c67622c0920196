package org.litmusfarm.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.model.Program;

/** Emits, builds and runs one litmus program: the whole native-harness pipeline in one call. */
public final class Harness {
  private final GoBuild build;

  /** A harness building with {@code toolchain} inside {@code moduleDir}. */
  public Harness(GoToolchain toolchain, Path moduleDir) {
    this.build = new GoBuild(toolchain, moduleDir);
  }

  /** The builder, for callers that build once and run many times. */
  public GoBuild build() {
    return build;
  }

  /**
   * Emits {@code program} with {@code params}, builds it for {@code target} and runs it, killing it
   * after {@code limit}; progress lines go to {@code progress}.
   */
  public RunResult run(
      Program program, HarnessParams params, GoTarget target, Duration limit, Consumer<String> progress) {
    Path binary = build.build(program.name(), GoEmitter.emit(program, params), target);
    return Runner.run(binary, target, limit, progress);
  }
}
