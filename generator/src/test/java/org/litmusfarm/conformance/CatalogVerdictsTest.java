package org.litmusfarm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.ParsedProgram;
import org.litmusfarm.text.Parser;

/**
 * Like herdtools7's catalogue check: every checked-in catalog file parses, and the oracle's
 * verdict of its {@code exists} condition is the verdict the index records from gomm.md.
 */
class CatalogVerdictsTest {
  @Test
  void theOracleAgreesWithEveryVerdictTheIndexRecords() {
    Oracle oracle = new Oracle();
    List<String> disagreements = new ArrayList<>();
    List<CatalogEntry> entries = Catalog.load().entries();
    for (CatalogEntry e : entries) {
      ParsedProgram parsed = Parser.parse("catalog/" + e.name() + ".litmus", e.text().orElseThrow());
      assertEquals(e.name(), parsed.program().name());
      Decision d = oracle.decide(parsed.program());
      if (d.verdict() != e.expected()) {
        disagreements.add(e.name() + ": index says " + e.expected() + " (" + e.reference() + "), oracle says " + d.verdict());
      }
    }
    assertTrue(entries.size() >= 100, "catalog has only " + entries.size() + " tests");
    assertEquals(List.of(), disagreements);
  }

  @Test
  void theCatalogCoversAtLeastThirtyShapes() {
    long shapes = Catalog.load().entries().stream().map(CatalogEntry::shape).distinct().count();
    assertTrue(shapes >= 30, shapes + " shapes");
  }
}
