package org.litmusfarm.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Names;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Validator;

class CatalogGeneratorTest {
  private final List<CatalogEntry> entries = CatalogGenerator.generate();

  @Test
  void everyGeneratedProgramPassesTheValidatorWithoutWarnings() {
    for (CatalogEntry e : entries) {
      List<Problem> problems = Validator.check(e.program().orElseThrow());
      assertEquals(List.of(), problems, e.name());
    }
  }

  @Test
  void namesAreUniqueWellFormedAndMatchTheirPrograms() {
    Set<String> seen = new HashSet<>();
    for (CatalogEntry e : entries) {
      assertTrue(Names.isTestName(e.name()), e.name());
      assertTrue(seen.add(e.name()), "duplicate name " + e.name());
      assertEquals(e.name(), e.program().orElseThrow().name());
      assertTrue(e.name().startsWith(e.shape() + "+"), e.name() + " does not start with its shape " + e.shape());
      assertEquals(e.shape(), Catalog.shapeOf(e.name()), e.name());
    }
  }

  @Test
  void coversAtLeastThirtyShapesInAtLeastEightyEntries() {
    Set<String> shapes = entries.stream().map(CatalogEntry::shape).collect(Collectors.toSet());
    assertTrue(shapes.size() >= 30, "only " + shapes.size() + " shapes: " + shapes);
    assertTrue(entries.size() >= 80, "only " + entries.size() + " entries");
  }

  @Test
  void docLineStatesTheExpectedVerdictAndReference() {
    for (CatalogEntry e : entries) {
      String doc = e.program().orElseThrow().doc().orElseThrow();
      assertTrue(doc.endsWith("Expected: " + e.expected() + " (gomm " + e.reference() + ")."), doc);
      assertFalse(e.reference().contains("\t"), e.name());
    }
  }

  @Test
  void allAtomicAndRmwVariantsAreForbiddenAndAllPlainCyclesWeak() {
    for (CatalogEntry e : entries) {
      if (e.name().endsWith("+atomic") || e.name().endsWith("+rmw")) {
        assertEquals(OutcomeClass.FORBIDDEN, e.expected(), e.name());
      }
    }
    assertEquals(OutcomeClass.WEAK, find("MP+plain").expected());
    assertEquals(OutcomeClass.FORBIDDEN, find("LB+data+plain").expected());
    assertEquals(OutcomeClass.SC, find("MP.recv+chan1").expected());
  }

  @Test
  void everyVerdictClassOccurs() {
    Set<OutcomeClass> classes = entries.stream().map(CatalogEntry::expected).collect(Collectors.toSet());
    assertEquals(Set.of(OutcomeClass.values()), classes);
  }

  private CatalogEntry find(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  static Program program(String name) {
    return Catalog.generate().find(name).orElseThrow().program().orElseThrow();
  }
}
