package org.litmusfarm.worker.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Translates between the JVM's, QEMU's and Go's names of an architecture. */
public final class GoArch {
  private static final Map<String, String> FROM_JVM =
      Map.ofEntries(
          Map.entry("amd64", "amd64"),
          Map.entry("x86_64", "amd64"),
          Map.entry("aarch64", "arm64"),
          Map.entry("arm64", "arm64"),
          Map.entry("riscv64", "riscv64"),
          Map.entry("ppc64le", "ppc64le"),
          Map.entry("s390x", "s390x"),
          Map.entry("loongarch64", "loong64"),
          Map.entry("x86", "386"),
          Map.entry("i386", "386"),
          Map.entry("arm", "arm"),
          Map.entry("mips64el", "mips64le"));

  private static final Map<String, String> TO_QEMU =
      Map.of(
          "amd64", "x86_64",
          "arm64", "aarch64",
          "386", "i386",
          "loong64", "loongarch64",
          "mips64le", "mips64el");

  private GoArch() {}

  /** The GOARCH of the JVM's {@code os.arch}; throws if it has no Go name. */
  public static String host() {
    return fromJvm(System.getProperty("os.arch"))
        .orElseThrow(
            () -> new IllegalStateException(
                "unknown host architecture '" + System.getProperty("os.arch") + "': pass --arch"));
  }

  /** The GOARCH for a JVM {@code os.arch} value, if known. */
  static Optional<String> fromJvm(String osArch) {
    return Optional.ofNullable(osArch).map(a -> FROM_JVM.get(a.toLowerCase(Locale.ROOT)));
  }

  /** The default user-mode emulator for {@code goarch}, e.g. {@code qemu-aarch64-static} for arm64. */
  public static String defaultEmulator(String goarch) {
    return "qemu-" + TO_QEMU.getOrDefault(goarch, goarch) + "-static";
  }
}
