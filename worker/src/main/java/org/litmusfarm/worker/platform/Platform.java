package org.litmusfarm.worker.platform;

import java.util.Objects;
import java.util.Optional;
import org.litmusfarm.harness.GoTarget;

/**
 * The machine a worker runs its binaries on, as it appears in every result's provenance.
 *
 * @param goarch the GOARCH the worker builds for
 * @param target how to build and run: native, or cross-built and run under an emulator
 * @param cpuModel the host CPU's model as the OS reports it, empty if unknown
 * @param cores the host's logical CPUs
 */
public record Platform(String goarch, GoTarget target, String cpuModel, int cores) {
  public Platform {
    Objects.requireNonNull(goarch, "goarch");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(cpuModel, "cpuModel");
  }

  /**
   * Detects the host. With {@code goarch} naming another architecture than the host's, or with an
   * explicit {@code emulator}, the worker is emulated: it cross-compiles for {@code goarch} and runs
   * under {@code emulator} (default {@link GoArch#defaultEmulator}).
   */
  public static Platform detect(Optional<String> goarch, Optional<String> emulator) {
    String host = GoArch.host();
    String arch = goarch.filter(a -> !a.isBlank()).orElse(host);
    boolean emulated = !arch.equals(host) || emulator.isPresent();
    GoTarget target =
        emulated
            ? GoTarget.emulated(arch, emulator.orElseGet(() -> GoArch.defaultEmulator(arch)))
            : GoTarget.host();
    return new Platform(arch, target, CpuInfo.model(), Runtime.getRuntime().availableProcessors());
  }

  /** {@code native} or {@code emulated:<emulator basename>}. */
  public String mode() {
    return target.mode();
  }
}
