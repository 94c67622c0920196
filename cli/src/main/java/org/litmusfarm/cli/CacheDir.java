package org.litmusfarm.cli;

import java.nio.file.Path;

/**
 * Where the farm keeps build products between runs: {@code $FARM_CACHE_DIR}, else {@code
 * $XDG_CACHE_HOME/litmus-farm}, else {@code ~/.cache/litmus-farm}.
 */
final class CacheDir {
  private CacheDir() {}

  /** The cache sub-directory {@code name}. */
  static Path of(String name) {
    String explicit = System.getenv("FARM_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).resolve(name);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("litmus-farm").resolve(name);
  }
}
