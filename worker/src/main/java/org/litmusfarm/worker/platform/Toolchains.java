package org.litmusfarm.worker.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.litmusfarm.harness.GoToolchain;

/** The Go toolchains a worker can build with, by version, the first being the default. */
public final class Toolchains {
  private final Map<String, GoToolchain> byVersion;

  private Toolchains(Map<String, GoToolchain> byVersion) {
    this.byVersion = Collections.unmodifiableMap(byVersion);
  }

  /**
   * The toolchains whose {@code go} commands are {@code goCommands}, or {@link GoToolchain#locate()}
   * when the list is empty. A version found twice keeps its first command.
   *
   * @throws IllegalStateException when a command is missing or does not report a version
   */
  public static Toolchains of(List<Path> goCommands) {
    List<GoToolchain> found = new ArrayList<>();
    if (goCommands.isEmpty()) {
      found.add(GoToolchain.locate());
    } else {
      goCommands.forEach(p -> found.add(GoToolchain.at(p)));
    }
    Map<String, GoToolchain> map = new LinkedHashMap<>();
    for (GoToolchain t : found) {
      map.putIfAbsent(t.version(), t);
    }
    return new Toolchains(map);
  }

  /** The versions available, default first, e.g. {@code [go1.26.8, go1.19.8]}. */
  public List<String> versions() {
    return List.copyOf(byVersion.keySet());
  }

  /** The default toolchain's version. */
  public String defaultVersion() {
    return versions().get(0);
  }

  /**
   * The toolchain of {@code version}, or the default one for an empty version.
   *
   * @throws IllegalArgumentException when this worker has no such toolchain
   */
  public GoToolchain select(String version) {
    if (version.isEmpty()) {
      return byVersion.get(defaultVersion());
    }
    GoToolchain t = byVersion.get(version);
    if (t == null) {
      throw new IllegalArgumentException(
          "go version " + version + " is not available on this worker (it has " + versions() + ")");
    }
    return t;
  }
}
