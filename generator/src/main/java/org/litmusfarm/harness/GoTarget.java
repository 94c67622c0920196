package org.litmusfarm.harness;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a harness runs: natively for the host's GOARCH, or cross-built for {@code goarch} and run
 * under a user-mode emulator command such as {@code qemu-aarch64-static}.
 *
 * @param goarch the GOARCH to build for, or empty for the toolchain's default
 * @param emulator the emulator command to run the binary under, or empty to run it directly
 */
public record GoTarget(Optional<String> goarch, Optional<String> emulator) {
  public GoTarget {
    Objects.requireNonNull(goarch);
    Objects.requireNonNull(emulator);
    goarch.ifPresent(
        a -> {
          if (!a.matches("[a-z0-9]{2,16}")) {
            throw new IllegalArgumentException("invalid GOARCH '" + a + "'");
          }
        });
  }

  /** The host: native build, run directly. */
  public static GoTarget host() {
    return new GoTarget(Optional.empty(), Optional.empty());
  }

  /** A cross build for {@code goarch} run under {@code emulator} (a command name or path). */
  public static GoTarget emulated(String goarch, String emulator) {
    return new GoTarget(Optional.of(goarch), Optional.of(emulator));
  }

  /** {@code native}, or {@code emulated:<emulator basename>}. */
  public String mode() {
    return emulator.map(e -> "emulated:" + Path.of(e).getFileName()).orElse("native");
  }
}
