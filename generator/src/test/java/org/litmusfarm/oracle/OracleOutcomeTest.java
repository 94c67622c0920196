package org.litmusfarm.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.litmusfarm.oracle.Progs.and;
import static org.litmusfarm.oracle.Progs.eq;
import static org.litmusfarm.oracle.Progs.ld;
import static org.litmusfarm.oracle.Progs.st;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;

class OracleOutcomeTest {
  private final Oracle oracle = new Oracle();

  private static Program sbPlain() {
    return Progs.of("SB").vars("x", "y")
        .p(st("x", 1), ld(0, "y"))
        .p(st("y", 1), ld(0, "x"))
        .exists(and(eq("P0:r0", 0), eq("P1:r0", 0)));
  }

  @Test
  void storeBufferingWithPlainAccessesHasThreeScOutcomesAndOneWeak() {
    Decision d = oracle.decide(sbPlain());
    Map<Outcome, OutcomeClass> expected = new TreeMap<>();
    expected.put(Outcome.parse("P0:r0=0; P1:r0=1; x=1; y=1"), OutcomeClass.SC);
    expected.put(Outcome.parse("P0:r0=1; P1:r0=0; x=1; y=1"), OutcomeClass.SC);
    expected.put(Outcome.parse("P0:r0=1; P1:r0=1; x=1; y=1"), OutcomeClass.SC);
    expected.put(Outcome.parse("P0:r0=0; P1:r0=0; x=1; y=1"), OutcomeClass.WEAK);
    assertEquals(expected, d.allowed());
    assertEquals(3, d.scOutcomes().size());
    assertTrue(d.racy());
    assertEquals(OutcomeClass.WEAK, d.verdict());
    assertEquals(OutcomeClass.FORBIDDEN, d.classify(Outcome.parse("P0:r0=2; P1:r0=0; x=1; y=1")));
  }

  @Test
  void raceFreeProgramHasOnlyScOutcomes() {
    Program mp = VerdictCatalog.all().stream().filter(c -> c.id().equals("T01-A")).findFirst()
        .orElseThrow().program();
    Decision d = oracle.decide(mp);
    assertFalse(d.racy());
    assertEquals(d.scOutcomes(), d.allowed().keySet());
    assertEquals(3, d.allowed().size());
  }

  @Test
  void outcomesHoldOnlyTheObservedLocations() {
    Program sb = sbPlain();
    Program observed = new Program(sb.name(), sb.doc(), sb.decls(), sb.goroutines(),
        Optional.of(java.util.List.of(Progs.loc("P1:r0"), Progs.loc("P0:r0"))), sb.exists());
    Decision d = oracle.decide(observed);
    assertEquals(4, d.allowed().size());
    assertEquals(OutcomeClass.WEAK, d.classify(Outcome.parse("P0:r0=0; P1:r0=0")));
    assertEquals(OutcomeClass.WEAK, d.verdict());
  }

  @Test
  void countsExploredStates() {
    assertTrue(oracle.decide(sbPlain()).statesExplored() > 4);
  }
}
