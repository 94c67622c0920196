package org.litmusfarm.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds emitted programs into binaries inside one Go module directory ({@code go.mod} with
 * {@code go 1.19}); each program is a {@code main} package in its own subdirectory, so builds
 * share the toolchain's cache. Builds use {@code CGO_ENABLED=0} and {@code -trimpath}.
 */
public final class GoBuild {
  /** Longest a single build may take. */
  public static final Duration BUILD_LIMIT = Duration.ofMinutes(3);

  private final GoToolchain toolchain;
  private final Path moduleDir;

  /** A builder writing into {@code moduleDir}, which it creates if needed. */
  public GoBuild(GoToolchain toolchain, Path moduleDir) {
    this.toolchain = toolchain;
    this.moduleDir = moduleDir;
    try {
      Files.createDirectories(moduleDir);
      Path mod = moduleDir.resolve("go.mod");
      if (!Files.exists(mod)) {
        Files.writeString(mod, "module litmusrun\n\ngo 1.19\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the go module directory " + moduleDir, e);
    }
  }

  /** The directory a program's package is written to: its name made safe, plus a hash of it. */
  public Path packageDir(String programName) {
    String safe = programName.replaceAll("[^A-Za-z0-9_-]", "_");
    return moduleDir.resolve(safe + "_" + Integer.toHexString(programName.hashCode()));
  }

  /** Writes {@code source} as {@code main.go} of {@code programName}'s package and returns the file. */
  public Path write(String programName, String source) {
    Path dir = packageDir(programName);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("main.go");
      Files.writeString(file, source, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the source of " + programName, e);
    }
  }

  /**
   * Writes and builds {@code source} for {@code target}'s GOARCH; returns the binary. Throws
   * IllegalStateException with the compiler's output if the build fails.
   */
  public Path build(String programName, String source, GoTarget target) {
    Path dir = write(programName, source).getParent();
    String arch = target.goarch().orElse("host");
    Path binary = dir.resolve("harness-" + arch);
    Map<String, String> env = env(target);
    List<String> cmd =
        List.of(toolchain.go().toString(), "build", "-trimpath", "-o", binary.toString(), "./" + dir.getFileName());
    ProcessRun.Output out = ProcessRun.run(cmd, moduleDir, env, BUILD_LIMIT, line -> {});
    if (out.timedOut()) {
      throw new IllegalStateException(
          "building " + programName + " timed out after " + BUILD_LIMIT.toSeconds() + " s");
    }
    if (out.exitCode() != 0) {
      throw new IllegalStateException(
          "building " + programName + " for " + arch + " failed:\n" + (out.stderr() + out.stdout()).strip());
    }
    return binary;
  }


  /** Runs {@code go vet ./...} over every package written so far, for {@code target}. */
  public void vetAll(GoTarget target) {
    toolchain.goCommand(moduleDir, env(target), "vet", "./...");
  }

  /** Compiles every package written so far for {@code target} ({@code go build ./...}). */
  public void buildAll(GoTarget target) {
    toolchain.goCommand(moduleDir, env(target), "build", "-trimpath", "./...");
  }

  private static Map<String, String> env(GoTarget target) {
    Map<String, String> env = new HashMap<>();
    env.put("CGO_ENABLED", "0");
    target.goarch().ifPresent(a -> env.put("GOARCH", a));
    return env;
  }
}
