package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.worker.platform.Platform;

/** Where local runs go, and where they must not. */
class TargetsTest {
  @Test
  void aHostRunInAProcessUnderBinfmtEmulationIsRefusedWithWhereToRunInstead() {
    Platform binfmt = new Platform("arm64", GoTarget.host(),
        "AMD x86 family 0x1a model 0x2 (from sysfs; /proc/cpuinfo is emulated)", 2, Platform.BINFMT);
    UserInputException e = assertThrows(UserInputException.class, () -> Targets.requireNotBinfmt(binfmt));
    assertTrue(e.getMessage().startsWith("this process runs under binfmt emulation (the machine's CPU: AMD x86"), e.getMessage());
    assertTrue(e.getMessage().contains("its arm64 results would pass for native ones"), e.getMessage());
    assertTrue(e.getMessage().endsWith("outside the emulator with --goarch arm64, which marks the results emulated"),
        e.getMessage());
  }

  @Test
  void aHostRunOnItsOwnHardwareIsAllowed() {
    assertDoesNotThrow(() -> Targets.requireNotBinfmt(new Platform("arm64", GoTarget.host(), "Neoverse-N1", 4, "native")));
    assertEquals(GoTarget.host(), Targets.host(), "this machine runs its own architecture");
  }
}
