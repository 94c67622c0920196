package org.litmusfarm.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Validator;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Printer;

class CandidatesTest {
  private static final List<String> CATALOG_SAMPLE = List.of(
      "MP+atomic", "MP+rmw", "SB+atomic", "IRIW+atomic", "LB+ctrl+plain", "MP+chan0", "MP+mutex",
      "WRC+atomic", "2+2W+rmw", "ISA2+plain+chan1");

  private final Candidates candidates = new Candidates(Fixtures.ORACLE);

  private static void assertGoodCandidateOf(Violation parent, Candidate c) {
    Program p = c.violation().program();
    String what = parent.program().name() + " / " + c.edit();
    assertTrue(Validator.isValid(p), what);
    String text = Printer.print(p);
    assertEquals(p, Parser.parse("c", text).program(), what);
    Decision d = Fixtures.ORACLE.decide(p);
    Outcome o = c.violation().outcome();
    assertTrue(Candidates.forbidden(o, d), what);
    assertEquals(OutcomeClass.FORBIDDEN, d.verdict(), what);
    assertEquals(Candidates.conjunction(o), p.exists(), what);
    assertEquals(o, new Candidates(Fixtures.ORACLE).narrow(c.violation()).outcome(), what + ": not narrowed");
    if (Candidates.eachValuePossible(parent.outcome(), Fixtures.ORACLE.decide(parent.program()))) {
      assertTrue(Candidates.eachValuePossible(o, d), what);
    }
    assertTrue(c.size().compareTo(Size.of(parent.program())) < 0, what + ": " + c.size());
    assertEquals(Size.of(p), c.size(), what);
  }

  @Test
  void everyCandidateOfTheNoiseProgramIsValidStillForbiddenAndStrictlySmaller() {
    Violation noise = Fixtures.noise();
    List<Candidate> all = candidates.of(noise);
    assertTrue(all.size() >= 10, all.size() + " candidates");
    all.forEach(c -> assertGoodCandidateOf(noise, c));
  }

  @Test
  void everyCandidateOfForbiddenCatalogProgramsIsValidStillForbiddenAndStrictlySmaller() {
    Catalog catalog = Catalog.generate();
    int checked = 0;
    for (String name : CATALOG_SAMPLE) {
      CatalogEntry e = catalog.find(name).orElseThrow();
      assertEquals(OutcomeClass.FORBIDDEN, e.expected(), name);
      Violation v = Fixtures.forbiddenOutcome(e.program().orElseThrow()).orElseThrow(() -> new AssertionError(name));
      for (Candidate c : candidates.of(v)) {
        assertGoodCandidateOf(v, c);
        checked++;
      }
    }
    assertTrue(checked > 0, "no catalog candidate survived");
  }

  @Test
  void candidatesComeSmallestFirst() {
    List<Candidate> all = candidates.of(Fixtures.noise());
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).size().compareTo(all.get(i).size()) <= 0, all.get(i - 1) + " before " + all.get(i));
    }
  }

  @Test
  void storeBufferingWithAtomicsHasNoSmallerViolation() {
    Program sb = Catalog.generate().find("SB+atomic").flatMap(CatalogEntry::program).orElseThrow();
    Violation v = Violation.checked(sb, Outcome.parse("P0:r0=0; P1:r0=0; x=1; y=1"), Fixtures.ORACLE);
    assertEquals(List.of(), candidates.of(v));
  }

  @Test
  void removingTheOnlyStoreOfAnObservedValueIsNoViolation() {
    Violation noise = Fixtures.noise();
    for (Candidate c : candidates.of(noise)) {
      assertFalse(c.edit().equals("P0 statement 1 (atomic.Store x): remove"), c.edit());
    }
    assertTrue(Edits.of(noise).stream().anyMatch(e -> e.description().equals("P0 statement 1 (atomic.Store x): remove")));
  }

  @Test
  void editsCoverGoroutinesObjectsStatementsBlocksAndReadModifyWrites() {
    List<String> edits = Edits.of(Fixtures.noise()).stream().map(Edit::description).toList();
    for (String expected : List.of(
        "remove P3", "remove variable z", "remove channel c", "remove mutex m",
        "P0 statement 2 (store z): remove", "P2 statement 3 (if r0): unwrap",
        "P0 statement 4 (atomic.Add w): to atomic.Store", "P0 statement 4 (atomic.Add w): to atomic.Load",
        "P1 statement 6 (Send c): send 1", "channel c capacity 0", "channel c capacity 1")) {
      assertTrue(edits.contains(expected), expected + " not in " + edits);
    }
  }

  @Test
  void valuesAreRenamedToSmallerUnusedOnesOnlyWithoutArithmetic() {
    Program p = Parser.parse("v", """
        litmus SB+values
        var x y
        P0 {
          atomic.Store(&x, 7)
          r0 = atomic.Load(&y)
        }
        P1 {
          atomic.Store(&y, 9)
          r0 = atomic.Load(&x)
        }
        exists (P0:r0 == 0 && P1:r0 == 0)
        """).program();
    Violation v = Violation.checked(p, Outcome.parse("P0:r0=0; P1:r0=0; x=7; y=9"), Fixtures.ORACLE);
    List<Candidate> renamed = new ArrayList<>(candidates.of(v).stream().filter(c -> c.edit().startsWith("value")).toList());
    assertEquals(List.of("value 7 to 1", "value 9 to 1"), renamed.stream().map(Candidate::edit).sorted().toList());
    Candidate first = renamed.stream().filter(c -> c.edit().equals("value 7 to 1")).findFirst().orElseThrow();
    String text = Printer.print(first.violation().program());
    assertTrue(text.contains("atomic.Store(&x, 1)") && text.contains("atomic.Store(&y, 9)"), text);
    assertTrue(Edits.of(Fixtures.noise()).stream().noneMatch(e -> e.description().startsWith("value")));
  }

  @Test
  void theExistsConditionOfACandidateStatesItsNarrowedViolation() {
    Candidate c = candidates.of(Fixtures.noise()).stream()
        .filter(x -> x.edit().equals("remove P3")).findFirst().orElseThrow();
    String text = Printer.print(c.violation().program());
    assertTrue(text.endsWith("exists (P0:r0 == 0 && P1:r0 == 0)\n"), text);
    assertTrue(text.startsWith("litmus SB+atomic+noise-reduced\n"), text);
  }

  @Test
  void narrowingKeepsOnlyTheLocationsThatMakeTheOutcomeForbidden() {
    Violation narrowed = candidates.narrow(Fixtures.noise());
    assertEquals("P0:r0=0; P1:r0=0", narrowed.outcome().toString());
    assertTrue(narrowed.shownBy(Outcome.parse(Fixtures.NOISE_OUTCOME)));
    assertTrue(narrowed.shownBy(Outcome.parse("P0:r0=0; P0:r1=9; P1:r0=0; P1:r2=2; P2:r0=0; P3:r0=1; x=1; y=1; z=2; w=9")));
    assertFalse(narrowed.shownBy(Outcome.parse("P0:r0=1; P0:r1=5; P1:r0=0; P1:r2=0; P2:r0=0; P3:r0=0; x=1; y=1; z=5; w=5")));
  }

  @Test
  void anAllowedOutcomeIsNoViolation() {
    Program sb = Catalog.generate().find("SB+atomic").flatMap(CatalogEntry::program).orElseThrow();
    assertThrows(IllegalArgumentException.class,
        () -> Violation.checked(sb, Outcome.parse("P0:r0=1; P1:r0=0; x=1; y=1"), Fixtures.ORACLE));
    assertThrows(IllegalArgumentException.class,
        () -> candidates.narrow(new Violation(sb, Outcome.parse("P0:r0=0"))));
  }
}
