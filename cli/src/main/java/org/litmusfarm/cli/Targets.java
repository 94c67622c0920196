package org.litmusfarm.cli;

import java.util.Map;
import java.util.Optional;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.worker.platform.Platform;

/**
 * Chooses where {@code farm run} hammers a program: the host, or a cross build for another GOARCH
 * under a user-mode emulator ({@code qemu-<arch>-static} found on the PATH unless one is named).
 * Never the host of a process that itself runs under binfmt emulation.
 */
final class Targets {
  private static final Map<String, String> QEMU_NAMES =
      Map.of(
          "amd64", "x86_64",
          "386", "i386",
          "arm64", "aarch64",
          "arm", "arm",
          "riscv64", "riscv64",
          "ppc64le", "ppc64le",
          "s390x", "s390x",
          "loong64", "loongarch64",
          "mips64le", "mips64el");

  private Targets() {}

  /** The host's GOARCH, from the JVM's idea of the machine. */
  static String hostGoarch() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> arch;
    };
  }

  /** The host target, unless this process runs under binfmt emulation (see {@link #requireNotBinfmt}). */
  static GoTarget host() {
    return host(Optional.empty());
  }

  /** As {@link #host()}, building for {@code goarch} when it is named. */
  private static GoTarget host(Optional<String> goarch) {
    requireNotBinfmt(Platform.detect(Optional.empty(), Optional.empty()));
    return new GoTarget(goarch, Optional.empty());
  }

  /**
   * Refuses to run on the host when this process itself runs under a binfmt_misc emulator (e.g. in
   * a linux/arm64 container on an x86 host): results would record the host target's mode, native.
   */
  static void requireNotBinfmt(Platform here) {
    if (here.mode().equals(Platform.BINFMT)) {
      throw new UserInputException("this process runs under binfmt emulation (the machine's CPU: " + here.cpuModel()
          + "), so its " + here.goarch() + " results would pass for native ones; run on real " + here.goarch()
          + " hardware, or outside the emulator with --goarch " + here.goarch() + ", which marks the results emulated");
    }
  }

  /** The target for {@code --goarch} and {@code --emulator} as given (either may be null). */
  static GoTarget resolve(String goarch, String emulator) {
    if (goarch == null || goarch.isBlank()) {
      if (emulator != null) {
        throw new UserInputException("--emulator needs --goarch: name the architecture it runs");
      }
      return host();
    }
    if (!goarch.matches("[a-z0-9]{2,16}")) {
      throw new UserInputException("--goarch '" + goarch + "' is not a GOARCH name");
    }
    if (emulator != null) {
      return GoTarget.emulated(goarch, emulator);
    }
    if (goarch.equals(hostGoarch())) {
      return host(Optional.of(goarch));
    }
    String qemu = "qemu-" + QEMU_NAMES.getOrDefault(goarch, goarch) + "-static";
    if (GoToolchain.onPath(qemu).isEmpty()) {
      throw new UserInputException(
          "--goarch "
              + goarch
              + " is not this machine's architecture ("
              + hostGoarch()
              + ") and "
              + qemu
              + " is not on the PATH; install qemu-user-static or name one with --emulator");
    }
    return GoTarget.emulated(goarch, qemu);
  }
}
