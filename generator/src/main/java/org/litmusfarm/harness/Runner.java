package org.litmusfarm.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a built harness binary, natively or under its target's emulator, with a hard time limit;
 * passes its stderr progress lines to a callback and parses its JSON result.
 */
public final class Runner {
  private Runner() {}

  /**
   * Runs {@code binary}. Throws IllegalStateException if it times out, exits with an error or
   * prints something that is not a harness result.
   */
  public static RunResult run(Path binary, GoTarget target, Duration limit, Consumer<String> progress) {
    List<String> cmd = new ArrayList<>();
    target.emulator().ifPresent(cmd::add);
    cmd.add(binary.toString());
    ProcessRun.Output out =
        ProcessRun.run(
            cmd,
            binary.getParent(),
            Map.of(),
            limit,
            line -> {
              if (line.startsWith("progress ")) {
                progress.accept(line);
              }
            });
    if (out.timedOut()) {
      throw new IllegalStateException(
          "harness " + binary.getFileName() + " timed out after " + limit.toMillis() + " ms and was killed");
    }
    if (out.exitCode() != 0) {
      throw new IllegalStateException(
          "harness " + binary.getFileName() + " crashed with exit status " + out.exitCode() + ": " + tail(out.stderr()));
    }
    return ResultParser.parse(out.stdout(), target.mode());
  }

  private static String tail(String stderr) {
    String s = stderr.strip();
    return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
  }
}
