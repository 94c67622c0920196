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
 * @param mode {@code native}, or {@code emulated:<emulator>}: the emulator the worker runs its
 *     binaries under, or {@code binfmt} when the worker itself runs under a binfmt_misc emulator
 *     (e.g. a {@code linux/arm64} container on an x86 host)
 */
public record Platform(String goarch, GoTarget target, String cpuModel, int cores, String mode) {
  /** The mode of a worker that finds itself running under binfmt_misc emulation. */
  public static final String BINFMT = "emulated:binfmt";

  public Platform {
    Objects.requireNonNull(goarch, "goarch");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(cpuModel, "cpuModel");
    Objects.requireNonNull(mode, "mode");
  }

  /** Whether results from here are hardware evidence: the worker runs natively, not emulated. */
  public boolean hardwareEvidence() {
    return mode.equals("native");
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
    String cpuinfo = CpuInfo.text();
    String modalias = CpuInfo.modalias();
    boolean binfmt = !emulated && CpuInfo.foreign(host, cpuinfo, modalias);
    return new Platform(arch, target, CpuInfo.hostModel(cpuinfo, modalias, binfmt), Runtime.getRuntime().availableProcessors(),
        binfmt ? BINFMT : target.mode());
  }
}
