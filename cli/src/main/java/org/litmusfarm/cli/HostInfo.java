package org.litmusfarm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the machine that every result records: the CPU model, and its load. */
final class HostInfo {
  private HostInfo() {}

  /** The CPU model from {@code /proc/cpuinfo}, or {@code unknown} where there is none. */
  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          String key = line.substring(0, colon).strip();
          if (key.equals("model name") || key.equals("Model") || key.equals("uarch")) {
            return line.substring(colon + 1).strip();
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or {@code unknown}. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "unknown";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
