package org.litmusfarm.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools tests need. When CI is set a missing tool fails the test; otherwise the test is
 * skipped with a printed reason.
 */
public final class Tools {
  private Tools() {}

  /** The Go toolchain, or the test fails (CI) or is skipped. */
  public static GoToolchain go() {
    Optional<GoToolchain> go = GoToolchain.find();
    if (go.isEmpty()) {
      missing("no go toolchain (set FARM_GO or put go on PATH)");
    }
    return go.orElseThrow();
  }

  /** An executable at {@code path}, or the test fails (CI) or is skipped. */
  public static Path executable(String path) {
    Path p = Path.of(path);
    if (!Files.isExecutable(p)) {
      missing(path + " is not installed");
    }
    return p;
  }

  private static void missing(String reason) {
    if (System.getenv("CI") != null) {
      Assertions.fail(reason + " and CI is set");
    }
    System.out.println("skipping: " + reason);
    Assumptions.abort(reason);
  }
}
