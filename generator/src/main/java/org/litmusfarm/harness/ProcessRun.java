package org.litmusfarm.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs one external command with a hard time limit, collecting stdout and stderr. */
final class ProcessRun {
  /** What a finished command left behind. */
  record Output(int exitCode, String stdout, String stderr, boolean timedOut) {}

  private ProcessRun() {}

  /**
   * Runs {@code command} in {@code dir} with extra {@code env}; each stderr line goes to {@code
   * stderrLines} as it arrives. On timeout the process is killed and {@code timedOut} is set.
   */
  static Output run(
      List<String> command, Path dir, Map<String, String> env, Duration limit, Consumer<String> stderrLines) {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    Thread outReader = drain(p.getInputStream(), line -> append(out, line));
    Thread errReader =
        drain(
            p.getErrorStream(),
            line -> {
              append(err, line);
              stderrLines.accept(line);
            });
    try {
      boolean finished = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
      outReader.join(5000);
      errReader.join(5000);
      synchronized (out) {
        synchronized (err) {
          return new Output(finished ? p.exitValue() : -1, out.toString(), err.toString(), !finished);
        }
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static void append(StringBuilder b, String line) {
    synchronized (b) {
      b.append(line).append('\n');
    }
  }

  private static Thread drain(InputStream in, Consumer<String> lines) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.accept(line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "process-drain");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
