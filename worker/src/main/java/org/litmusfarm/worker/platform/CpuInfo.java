package org.litmusfarm.worker.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CPU from Linux: its model from {@code /proc/cpuinfo}, and the architecture the kernel
 * runs on from {@code /sys/devices/system/cpu/modalias}, which user-mode emulators leave alone
 * (QEMU 8 and later rewrite {@code /proc/cpuinfo} for arm64 and riscv64 guests; 7 does not).
 */
final class CpuInfo {
  private static final Path PROC_CPUINFO = Path.of("/proc/cpuinfo");
  private static final Path SYS_MODALIAS = Path.of("/sys/devices/system/cpu/modalias");
  private static final List<String> MODEL_KEYS = List.of("model name", "cpu model", "uarch", "cpu", "Hardware", "Model");
  private static final Pattern X86_MODALIAS =
      Pattern.compile("cpu:type:x86,ven(\\p{XDigit}{4})fam(\\p{XDigit}{4})mod(\\p{XDigit}{4}).*", Pattern.DOTALL);
  private static final Set<String> X86 = Set.of("amd64", "386");
  private static final Set<String> AARCH64 = Set.of("arm64", "arm");
  private static final Map<Integer, String> X86_VENDORS =
      Map.of(0, "Intel", 2, "AMD", 5, "Centaur", 9, "Hygon", 10, "Zhaoxin");

  private CpuInfo() {}

  /** The text of {@code /proc/cpuinfo}, or an empty string when the OS does not offer it. */
  static String text() {
    return read(PROC_CPUINFO);
  }

  /** The kernel's CPU modalias, e.g. {@code cpu:type:x86,ven0002fam001Amod0002:feature:...}, or "". */
  static String modalias() {
    return read(SYS_MODALIAS).strip();
  }

  private static String read(Path file) {
    try {
      return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Whether the CPU is of another architecture than {@code goarch}, the architecture this process
   * believes it runs on: then it runs under a user-mode emulator registered with binfmt_misc (e.g.
   * a {@code linux/arm64} container on an x86 host). The kernel's {@code modalias} decides where it
   * names x86 or aarch64; without it, a {@code cpuinfo} showing an x86 vendor to a non-x86 process
   * does.
   */
  static boolean foreign(String goarch, String cpuinfo, String modalias) {
    return kernelFamily(modalias).map(family -> !family.contains(goarch)).orElseGet(() -> showsX86(cpuinfo) && !X86.contains(goarch));
  }

  private static Optional<Set<String>> kernelFamily(String modalias) {
    if (modalias.startsWith("cpu:type:x86")) {
      return Optional.of(X86);
    }
    if (modalias.startsWith("cpu:type:aarch64")) {
      return Optional.of(AARCH64);
    }
    return Optional.empty();
  }

  private static boolean showsX86(String cpuinfo) {
    return cpuinfo.lines().anyMatch(l -> l.startsWith("vendor_id") && (l.contains("GenuineIntel") || l.contains("AuthenticAMD")
        || l.contains("HygonGenuine") || l.contains("CentaurHauls")));
  }

  /**
   * The host CPU's model for provenance. Under binfmt emulation on an x86 host, QEMU 8 and later
   * rewrite {@code cpuinfo} to describe the emulated CPU; the model then comes from the kernel's
   * modalias (vendor, family, model) and says so.
   */
  static String hostModel(String cpuinfo, String modalias, boolean foreign) {
    Matcher m = X86_MODALIAS.matcher(modalias);
    if (!foreign || showsX86(cpuinfo) || !m.matches()) {
      return model(cpuinfo);
    }
    int vendor = Integer.parseInt(m.group(1), 16);
    return String.format("%s x86 family 0x%x model 0x%x (from sysfs; /proc/cpuinfo is emulated)",
        X86_VENDORS.getOrDefault(vendor, "vendor " + vendor), Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16));
  }

  /**
   * The model named by the first processor's block of a {@code /proc/cpuinfo} text: "model name"
   * on x86, "uarch" or "isa"-like keys on RISC-V and POWER, else the Arm implementer and part.
   */
  static String model(String cpuinfo) {
    Map<String, String> first = new LinkedHashMap<>();
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        if (line.isBlank() && !first.isEmpty() && first.containsKey("processor")) {
          break;
        }
        continue;
      }
      first.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    for (String key : MODEL_KEYS) {
      String v = first.get(key);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    String implementer = first.get("CPU implementer");
    String part = first.get("CPU part");
    if (implementer != null && part != null) {
      return "Arm implementer " + implementer + " part " + part;
    }
    return "";
  }
}
