package org.litmusfarm.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litmusfarm.emit.Mutant;

class ExposureTest {
  @Test
  void tsoExposesLostStoreLoadOrderAndAtomicityButNotLostAcquire() {
    assertTrue(Exposure.of(Mutant.ATOMIC_STORE_PLAIN, "amd64", "native", 2).expected());
    assertTrue(Exposure.of(Mutant.RMW_PLAIN, "amd64", "native", 2).expected());
    assertTrue(Exposure.of(Mutant.MUTEX_NO_ORDER, "amd64", "native", 2).expected());
    Exposure load = Exposure.of(Mutant.ATOMIC_LOAD_PLAIN, "amd64", "native", 2);
    assertFalse(load.expected());
    assertTrue(load.reason().startsWith("no: amd64 (x86-TSO)"), load.reason());
    assertTrue(load.reason().contains("acquire"), load.reason());
  }

  @Test
  void weaklyOrderedCpusExposeEveryMutant() {
    for (Mutant m : Mutant.values()) {
      assertTrue(Exposure.of(m, "arm64", "native", 4).expected(), m.tag());
      assertTrue(Exposure.of(m, "riscv64", "native", 4).expected(), m.tag());
    }
  }

  @Test
  void agreesWithTheArchitecturesEachMutantDeclares() {
    for (Mutant m : Mutant.values()) {
      for (String arch : List.of("amd64", "386", "arm64", "riscv64", "ppc64le")) {
        assertEquals(m.exposingArchitectures().contains(arch), Exposure.of(m, arch, "native", 2).expected(), m.tag() + " on " + arch);
      }
    }
  }

  @Test
  void emulatedRunsAndSingleCpusAreNeverRequiredToKill() {
    Exposure emulated = Exposure.of(Mutant.ATOMIC_STORE_PLAIN, "arm64", "emulated:qemu-aarch64-static", 2);
    assertFalse(emulated.expected());
    assertTrue(emulated.reason().contains("emulator"), emulated.reason());
    assertFalse(Exposure.of(Mutant.RMW_PLAIN, "amd64", "native", 1).expected());
  }
}
