package org.litmusfarm.worker.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoArchTest {
  @Test
  void emulatorsAreNamedInQemuSpelling() {
    assertEquals("qemu-aarch64-static", GoArch.defaultEmulator("arm64"));
    assertEquals("qemu-riscv64-static", GoArch.defaultEmulator("riscv64"));
    assertEquals("qemu-x86_64-static", GoArch.defaultEmulator("amd64"));
  }

  @Test
  void jvmArchitecturesMapToGoarch() {
    assertEquals(Optional.of("amd64"), GoArch.fromJvm("amd64"));
    assertEquals(Optional.of("arm64"), GoArch.fromJvm("aarch64"));
    assertEquals(Optional.empty(), GoArch.fromJvm("vax"));
  }

  @Test
  void cpuModelComesFromTheFirstProcessorOrTheArmParts() {
    assertEquals("Intel(R) Xeon(R) CPU", CpuInfo.model("processor\t: 0\nmodel name\t: Intel(R) Xeon(R) CPU\n\nprocessor\t: 1\nmodel name\t: other\n"));
    assertEquals("Arm implementer 0x41 part 0xd0c", CpuInfo.model("processor\t: 0\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n"));
    assertEquals("", CpuInfo.model(""));
  }
}
