package org.litmusfarm.worker.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuInfoTest {
  private static final String XEON =
      "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU\nflags\t\t: fpu sse2\n";
  private static final String NEOVERSE =
      "processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0c\n";

  /** What QEMU 10's qemu-aarch64 shows a guest in place of the host's /proc/cpuinfo (Debian trixie). */
  private static final String QEMU10_ARM64 =
      "processor\t: 0\nmodel name\t: ARMv8 Processor rev 0 (v8l)\nBogoMIPS\t: 100.00\nFeatures\t: fp asimd atomics\n"
          + "CPU implementer\t: 0x00\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0x051\nCPU revision\t: 0\n";
  /** What QEMU 10's qemu-riscv64 shows a guest. */
  private static final String QEMU10_RISCV64 =
      "processor\t: 0\nhart\t\t: 0\nisa\t\t: rv64imafdcbvh_zicbom\nmmu\t\t: sv48\nuarch\t\t: qemu\n";
  /** /sys/devices/system/cpu/modalias of an AMD EPYC host (family 0x1a), shortened. */
  private static final String X86_MODALIAS = "cpu:type:x86,ven0002fam001Amod0002:feature:,0000,0001,0002";
  private static final String ARM64_MODALIAS = "cpu:type:aarch64:feature:,0000,0001,0002,0003";

  @Test
  void aProcessWhoseArchitectureIsNotTheKernelsRunsUnderBinfmtEvenWhenQemuRewritesCpuinfo() {
    assertTrue(CpuInfo.foreign("arm64", QEMU10_ARM64, X86_MODALIAS));
    assertTrue(CpuInfo.foreign("riscv64", QEMU10_RISCV64, X86_MODALIAS));
    assertTrue(CpuInfo.foreign("amd64", NEOVERSE, ARM64_MODALIAS), "an amd64 container on an arm64 host");
  }

  @Test
  void withoutAModaliasAnX86CpuinfoSeenByANonX86ProcessStillMeansBinfmt() {
    assertTrue(CpuInfo.foreign("arm64", XEON, ""));
    assertTrue(CpuInfo.foreign("riscv64", XEON.replace("GenuineIntel", "AuthenticAMD"), ""));
  }

  @Test
  void aProcessOfTheKernelsOwnArchitectureIsNative() {
    assertFalse(CpuInfo.foreign("amd64", XEON, X86_MODALIAS));
    assertFalse(CpuInfo.foreign("386", XEON, X86_MODALIAS));
    assertFalse(CpuInfo.foreign("arm64", NEOVERSE, ARM64_MODALIAS));
    assertFalse(CpuInfo.foreign("arm", NEOVERSE, ARM64_MODALIAS), "AArch32 runs natively on arm64 kernels");
    assertFalse(CpuInfo.foreign("amd64", XEON, ""));
    assertFalse(CpuInfo.foreign("arm64", NEOVERSE, ""));
    assertFalse(CpuInfo.foreign("arm64", "", ""));
  }

  @Test
  void underEmulationTheHostModelComesFromTheKernelWhenCpuinfoDescribesTheEmulatedCpu() {
    assertEquals("AMD x86 family 0x1a model 0x2 (from sysfs; /proc/cpuinfo is emulated)",
        CpuInfo.hostModel(QEMU10_ARM64, X86_MODALIAS, true));
    assertEquals("Intel(R) Xeon(R) CPU", CpuInfo.hostModel(XEON, X86_MODALIAS, true), "QEMU 7 shows the host's cpuinfo");
    assertEquals("Intel(R) Xeon(R) CPU", CpuInfo.hostModel(XEON, X86_MODALIAS, false));
    assertEquals("Arm implementer 0x41 part 0xd0c", CpuInfo.hostModel(NEOVERSE, ARM64_MODALIAS, false));
  }

  @Test
  void thisKernelsModaliasNamesTheArchitectureThisJvmRunsOnWhenItHasOne() {
    String modalias = CpuInfo.modalias();
    assumeFalse(modalias.isEmpty(), "this kernel has no /sys/devices/system/cpu/modalias; the cpuinfo rule applies");
    assertFalse(CpuInfo.foreign(GoArch.host(), CpuInfo.text(), modalias), "modalias " + modalias);
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
