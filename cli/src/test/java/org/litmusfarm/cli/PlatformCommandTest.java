package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** {@code farm platform} tells an operator what provenance a worker here would give its results. */
class PlatformCommandTest {
  @Test
  void onItsOwnHardwareAWorkerIsNativeAndItsResultsAreHardwareEvidence() {
    var r = FarmTestSupport.farm("platform", "--json");
    assertEquals(0, r.status(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(Targets.hostGoarch(), o.get("arch").getAsString());
    assertEquals("native", o.get("mode").getAsString());
    assertTrue(o.get("hardware_evidence").getAsBoolean());
    assertEquals(Runtime.getRuntime().availableProcessors(), o.get("cores").getAsInt());
    assertTrue(o.getAsJsonArray("go_versions").get(0).getAsString().startsWith("go1."), r.out());
  }

  @Test
  void anotherArchitectureRunsUnderItsEmulatorAndIsNotHardwareEvidence() {
    String other = Targets.hostGoarch().equals("riscv64") ? "arm64" : "riscv64";
    var r = FarmTestSupport.farm("platform", "--arch", other);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("arch   " + other + "\n"), r.out());
    assertTrue(r.out().contains("mode   emulated:qemu-" + (other.equals("arm64") ? "aarch64" : "riscv64")
        + "-static (results are not hardware evidence)"), r.out());
  }

  @Test
  void anEmulatorWithoutAnArchitectureIsAUsageError() {
    var r = FarmTestSupport.farm("platform", "--emulator", "qemu-aarch64-static");
    assertEquals(2, r.status());
    assertEquals("farm: --emulator needs --arch\n", r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
