package org.litmusfarm.detect;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a mutant's runs happened: the machine, the toolchain and the harness knobs. A mode other
 * than {@code native} marks an emulated run, which is never hardware evidence.
 *
 * @param cpuModel the host's CPU model
 * @param cpus CPUs the harness saw ({@code runtime.NumCPU()}; under an emulator, the host's)
 * @param goVersion the Go version the harness was built with
 * @param params the harness parameters the last run recorded (mutant included)
 * @param mode {@code native} or {@code emulated:<emulator>}
 */
public record Provenance(String cpuModel, int cpus, String goVersion, Map<String, String> params, String mode) {
  public Provenance {
    Objects.requireNonNull(cpuModel);
    Objects.requireNonNull(goVersion);
    Objects.requireNonNull(mode);
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }
}
