package org.litmusfarm.worker.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the CPU model from Linux's {@code /proc/cpuinfo}. */
final class CpuInfo {
  private static final Path PROC_CPUINFO = Path.of("/proc/cpuinfo");
  private static final List<String> MODEL_KEYS = List.of("model name", "cpu model", "uarch", "cpu", "Hardware", "Model");

  private CpuInfo() {}

  /** The text of {@code /proc/cpuinfo}, or an empty string when the OS does not offer it. */
  static String text() {
    try {
      return Files.isReadable(PROC_CPUINFO) ? Files.readString(PROC_CPUINFO, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Whether {@code cpuinfo} describes a CPU of another architecture than {@code goarch}, the
   * architecture this process believes it runs on: then it runs under a user-mode emulator
   * registered with binfmt_misc, and the kernel shows the real CPU. Only x86 CPUs are recognised
   * (their {@code vendor_id} line), which covers arm64 and riscv64 containers on x86 hosts.
   */
  static boolean foreign(String goarch, String cpuinfo) {
    boolean x86Host = goarch.equals("amd64") || goarch.equals("386");
    boolean x86Cpu =
        cpuinfo.lines().anyMatch(l -> l.startsWith("vendor_id") && (l.contains("GenuineIntel") || l.contains("AuthenticAMD")
            || l.contains("HygonGenuine") || l.contains("CentaurHauls")));
    return !x86Host && x86Cpu;
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
