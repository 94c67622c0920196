package org.litmusfarm.schema.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.emit.SyncMode;
import org.litmusfarm.model.Program;
import org.litmusfarm.text.Parser;

class ParamsTest {
  private static final Program EMPTY =
      Parser.parse("t.litmus", "litmus T\nvar x\nP0 {\n  x = 1\n}\nexists (x == 1)\n").program();

  @Test
  void anEmptyMessageMeansTheProgramsDefaults() {
    assertEquals(HarnessParams.defaultsFor(EMPTY), Params.toHarness(EMPTY, org.litmusfarm.schema.v1.HarnessParams.getDefaultInstance()));
  }

  @Test
  void everyFieldSurvivesTheRoundTrip() {
    HarnessParams p = HarnessParams.defaults().withIterations(123_000).withInstances(77).withStrideBytes(128)
        .withAffinity(true).withStressGoroutines(2).withSyncMode(SyncMode.SPIN).withSeed(9)
        .withMutant(Mutant.ATOMIC_STORE_PLAIN);
    assertEquals(p, Params.toHarness(EMPTY, Params.toWire(p)));
    HarnessParams timed = HarnessParams.defaults().withTimeBudget(Duration.ofMillis(2500));
    assertEquals(timed, Params.toHarness(EMPTY, Params.toWire(timed)));
  }

  @Test
  void outOfRangeOrUnknownFieldsAreRejectedWithAReason() {
    var both = org.litmusfarm.schema.v1.HarnessParams.newBuilder().setIterations(5).setSeconds(1).build();
    var mutant = org.litmusfarm.schema.v1.HarnessParams.newBuilder().setMutant("nope").build();
    var stride = org.litmusfarm.schema.v1.HarnessParams.newBuilder().setStride(3).build();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Params.toHarness(EMPTY, both)).getMessage().contains("not both"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Params.toHarness(EMPTY, mutant)).getMessage().contains("nope"));
    assertThrows(IllegalArgumentException.class, () -> Params.toHarness(EMPTY, stride));
  }
}
