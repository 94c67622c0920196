package org.litmusfarm.coordinator.fleet;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a worker says about itself when it registers: a name, the architecture it runs ({@code
 * GOARCH}), its execution mode ({@code native} or {@code emulated:<emulator>}), CPU model (empty if
 * unknown), logical cores, the Go toolchains it offers, free-form labels and its farm version.
 * Checked on construction.
 *
 * @throws IllegalArgumentException with the reason when a field is malformed or too large
 */
public record WorkerRegistration(
    String name,
    String arch,
    String mode,
    String cpuModel,
    int cores,
    List<String> goVersions,
    Map<String, String> labels,
    String farmVersion) {
  static final Pattern ARCH = Pattern.compile("[a-z0-9]{2,16}");
  static final Pattern MODE = Pattern.compile("native|emulated:[A-Za-z0-9._+-]{1,64}");
  static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
  static final int MAX_NAME = 128;
  static final int MAX_CPU_MODEL = 256;
  static final int MAX_CORES = 65_536;
  static final int MAX_GO_VERSIONS = 16;
  static final int MAX_GO_VERSION = 128;
  static final int MAX_LABELS = 32;
  static final int MAX_LABEL_VALUE = 256;
  static final int MAX_FARM_VERSION = 64;

  public WorkerRegistration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(cpuModel, "cpuModel");
    Objects.requireNonNull(goVersions, "goVersions");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(farmVersion, "farmVersion");
    text("name", name, 1, MAX_NAME);
    if (!ARCH.matcher(arch).matches()) {
      throw new IllegalArgumentException("arch must match " + ARCH.pattern());
    }
    if (!MODE.matcher(mode).matches()) {
      throw new IllegalArgumentException("mode must be native or emulated:<emulator>");
    }
    text("cpu model", cpuModel, 0, MAX_CPU_MODEL);
    if (cores < 1 || cores > MAX_CORES) {
      throw new IllegalArgumentException("cores must be between 1 and " + MAX_CORES + ", got " + cores);
    }
    if (goVersions.isEmpty() || goVersions.size() > MAX_GO_VERSIONS) {
      throw new IllegalArgumentException("a worker offers 1 to " + MAX_GO_VERSIONS + " Go versions");
    }
    for (String v : goVersions) {
      text("Go version", Objects.requireNonNull(v, "Go version"), 1, MAX_GO_VERSION);
    }
    if (labels.size() > MAX_LABELS) {
      throw new IllegalArgumentException("at most " + MAX_LABELS + " labels");
    }
    labels.forEach(
        (k, v) -> {
          if (k == null || !LABEL_KEY.matcher(k).matches()) {
            throw new IllegalArgumentException("label keys must match " + LABEL_KEY.pattern());
          }
          text("label " + k, Objects.requireNonNull(v, "label value"), 0, MAX_LABEL_VALUE);
        });
    text("farm version", farmVersion, 1, MAX_FARM_VERSION);
    goVersions = List.copyOf(goVersions);
    labels = Map.copyOf(labels);
  }

  /** Whether the worker runs its architecture under an emulator. */
  public boolean emulated() {
    return mode.startsWith("emulated:");
  }

  private static void text(String what, String value, int min, int max) {
    if (value.length() < min || value.length() > max) {
      throw new IllegalArgumentException(what + " must be " + min + " to " + max + " characters long");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " must not contain control characters");
    }
  }
}
