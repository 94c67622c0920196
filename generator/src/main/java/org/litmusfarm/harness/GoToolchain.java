package org.litmusfarm.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Go toolchain: the {@code go} command named by the environment variable {@code FARM_GO}, else
 * the first {@code go} on {@code PATH}.
 */
public final class GoToolchain {
  private static final Duration QUICK = Duration.ofSeconds(60);

  private final Path go;

  private GoToolchain(Path go) {
    this.go = go;
  }

  /** The toolchain whose {@code go} command is {@code go}. */
  public static GoToolchain at(Path go) {
    if (!Files.isExecutable(go)) {
      throw new IllegalStateException("go command " + go + " is not executable");
    }
    return new GoToolchain(go);
  }

  /** The toolchain named by {@code FARM_GO} or found on {@code PATH}, if any. */
  public static Optional<GoToolchain> find() {
    String farmGo = System.getenv("FARM_GO");
    if (farmGo != null && !farmGo.isBlank()) {
      Path p = Path.of(farmGo);
      return Files.isExecutable(p) ? Optional.of(new GoToolchain(p)) : Optional.empty();
    }
    return onPath("go").map(GoToolchain::new);
  }

  /** The toolchain named by {@code FARM_GO} or found on {@code PATH}; throws if there is none. */
  public static GoToolchain locate() {
    return find()
        .orElseThrow(
            () -> new IllegalStateException("no go toolchain found: set FARM_GO or put go on PATH"));
  }

  /** Finds an executable named {@code name} on {@code PATH}. */
  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The {@code go} command. */
  public Path go() {
    return go;
  }

  /** The toolchain's version, e.g. {@code go1.26.8}. */
  public String version() {
    return goCommand(null, Map.of(), "env", "GOVERSION").strip();
  }

  /** The {@code gofmt} command beside {@code go} in the toolchain's GOROOT. */
  public Path gofmt() {
    return Path.of(goCommand(null, Map.of(), "env", "GOROOT").strip(), "bin", "gofmt");
  }

  /** Runs {@code go args...} in {@code dir} and returns its stdout; throws with its output on failure. */
  String goCommand(Path dir, Map<String, String> env, String... args) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(go.toString());
    cmd.addAll(List.of(args));
    ProcessRun.Output out = ProcessRun.run(cmd, dir, env, QUICK, line -> {});
    if (out.timedOut()) {
      throw new IllegalStateException("go " + String.join(" ", args) + " timed out after " + QUICK.toSeconds() + " s");
    }
    if (out.exitCode() != 0) {
      throw new IllegalStateException(
          "go " + String.join(" ", args) + " failed with exit status " + out.exitCode() + ":\n" + (out.stderr() + out.stdout()).strip());
    }
    return out.stdout();
  }
}
