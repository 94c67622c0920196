package org.litmusfarm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.litmusfarm.mutate.BlockingExplorer;

class CatalogSafetyTest {
  @Test
  void noCatalogProgramCanBlockOrPanicInAnyInterleaving() {
    for (CatalogEntry e : CatalogGenerator.generate()) {
      assertEquals(BlockingExplorer.Result.SAFE, BlockingExplorer.explore(e.program().orElseThrow(), 1_000_000), e.name());
    }
  }
}
