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

  /** The model of this machine's CPU, or an empty string when the OS does not say. */
  static String model() {
    try {
      return Files.isReadable(PROC_CPUINFO)
          ? model(Files.readString(PROC_CPUINFO, StandardCharsets.UTF_8))
          : "";
    } catch (IOException e) {
      return "";
    }
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
