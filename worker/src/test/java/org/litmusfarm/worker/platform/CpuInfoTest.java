package org.litmusfarm.worker.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuInfoTest {
  private static final String XEON =
      "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU\nflags\t\t: fpu sse2\n";
  private static final String NEOVERSE =
      "processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n";

  @Test
  void anArm64ProcessSeeingAnX86CpuRunsUnderBinfmtEmulation() {
    assertTrue(CpuInfo.foreign("arm64", XEON));
    assertTrue(CpuInfo.foreign("riscv64", XEON.replace("GenuineIntel", "AuthenticAMD")));
  }

  @Test
  void aProcessSeeingItsOwnArchitecturesCpuIsNative() {
    assertFalse(CpuInfo.foreign("amd64", XEON));
    assertFalse(CpuInfo.foreign("arm64", NEOVERSE));
    assertFalse(CpuInfo.foreign("arm64", ""));
  }

  @Test
  void thisHostIsDetectedAsNativeWhenNothingSaysOtherwise() {
    Platform p = Platform.detect(Optional.empty(), Optional.empty());
    assertEquals("native", p.mode(), "a worker on its own hardware must report native; cpuinfo says " + p.cpuModel());
    assertEquals(GoArch.host(), p.goarch());
  }

  @Test
  void anExplicitEmulatorMakesTheWorkerEmulatedUnderThatEmulator() {
    String other = GoArch.host().equals("riscv64") ? "arm64" : "riscv64";
    Platform p = Platform.detect(Optional.of(other), Optional.empty());
    assertEquals("emulated:" + GoArch.defaultEmulator(other), p.mode());
  }
}
