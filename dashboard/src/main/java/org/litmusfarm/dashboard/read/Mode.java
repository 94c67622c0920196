package org.litmusfarm.dashboard.read;

import java.util.Optional;

/**
 * An execution mode as the farm records it: {@code native}, or {@code emulated:<emulator>}.
 * Emulated results say something about the emulator, never about the hardware it imitates.
 */
public final class Mode {
  private Mode() {}

  /** Whether {@code mode} is a run on real hardware of its architecture. */
  public static boolean isNative(String mode) {
    return "native".equals(mode);
  }

  /** The emulator of an emulated mode, e.g. {@code qemu-aarch64-static}. */
  public static Optional<String> emulator(String mode) {
    return mode != null && mode.startsWith("emulated:") ? Optional.of(mode.substring("emulated:".length())) : Optional.empty();
  }

  /** Native first, then emulated, each alphabetically. */
  public static int order(String a, String b) {
    int byKind = Boolean.compare(!isNative(a), !isNative(b));
    return byKind != 0 ? byKind : a.compareTo(b);
  }
}
