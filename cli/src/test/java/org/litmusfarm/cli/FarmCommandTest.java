package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FarmCommandTest {
  @Test
  void helpListsEveryCommand() {
    FarmTestSupport.Result r = FarmTestSupport.farm("--help");
    assertEquals(0, r.status());
    for (String command : new String[] {"oracle", "run", "emit", "catalog", "mutate", "mutants"}) {
      assertTrue(r.out().contains("  " + command + " "), command + " missing from:\n" + r.out());
    }
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithStatusTwo() {
    FarmTestSupport.Result r = FarmTestSupport.farm("oracle", "--frobnicate", "x.litmus");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("farm: Unknown option: '--frobnicate'"), r.err());
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, FarmTestSupport.farm().status());
  }
}
