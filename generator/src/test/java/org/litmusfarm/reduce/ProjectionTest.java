package org.litmusfarm.reduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Stmt;

class ProjectionTest {
  private final Violation noise = Fixtures.noise();

  private Program withoutGoroutine(int g) {
    List<Goroutine> gs = new ArrayList<>(noise.program().goroutines());
    gs.remove(g);
    return noise.program().withGoroutines(gs);
  }

  @Test
  void removingAGoroutineDropsItsRegistersAndRenumbersTheLaterOnes() {
    Outcome projected = Projection.withoutGoroutine(1).apply(noise.outcome(), withoutGoroutine(1)).orElseThrow();
    assertEquals("P0:r0=0; P0:r1=5; P1:r0=0; P2:r0=0; x=1; y=1; z=5; w=5", projected.toString());
  }

  @Test
  void removingAVariableDropsItsFinalValue() {
    Program p = noise.program();
    List<Decl> decls = new ArrayList<>(p.decls());
    decls.removeIf(d -> d.name().equals("z"));
    Program candidate = p.withDecls(decls);
    Outcome projected = Projection.withoutVariable("z").apply(noise.outcome(), candidate).orElseThrow();
    assertEquals("P0:r0=0; P0:r1=5; P1:r0=0; P1:r2=0; P2:r0=0; P3:r0=0; x=1; y=1; w=5", projected.toString());
  }

  @Test
  void aRegisterTheCandidateNoLongerAssignsIsDropped() {
    Program p = noise.program();
    List<Goroutine> gs = new ArrayList<>(p.goroutines());
    List<Stmt> p0 = new ArrayList<>(gs.get(0).body());
    p0.remove(3);
    gs.set(0, new Goroutine(p0));
    Outcome projected = Projection.identity().apply(noise.outcome(), p.withGoroutines(gs)).orElseThrow();
    assertEquals("P0:r0=0; P1:r0=0; P1:r2=0; P2:r0=0; P3:r0=0; x=1; y=1; z=5; w=5", projected.toString());
  }

  @Test
  void renamingAValueMapsEveryOccurrenceAndNothingElse() {
    Outcome projected = Projection.renamingValue(5, 2).apply(noise.outcome(), noise.program()).orElseThrow();
    assertEquals("P0:r0=0; P0:r1=2; P1:r0=0; P1:r2=0; P2:r0=0; P3:r0=0; x=1; y=1; z=2; w=2", projected.toString());
  }

  @Test
  void projectionsComposeInOrder() {
    Projection both = Projection.withoutGoroutine(3).andThen(Projection.withoutGoroutine(0));
    List<Goroutine> gs = new ArrayList<>(noise.program().goroutines());
    gs.remove(3);
    gs.remove(0);
    Outcome projected = both.apply(noise.outcome(), noise.program().withGoroutines(gs)).orElseThrow();
    assertEquals("P0:r0=0; P0:r2=0; P1:r0=0; x=1; y=1; z=5; w=5", projected.toString());
  }

  @Test
  void aProjectionThatLeavesNoLocationIsEmpty() {
    Outcome onlyP1 = Outcome.parse("P1:r0=0");
    assertTrue(Projection.withoutGoroutine(1).apply(onlyP1, withoutGoroutine(1)).isEmpty());
  }

  @Test
  void aPartOfAnOutcomeProjectsToTheLocationsTheCandidateStillRecords() {
    Outcome part = Outcome.parse("P0:r0=0; P2:r0=0; z=5");
    assertEquals("P0:r0=0; P1:r0=0; z=5", Projection.withoutGoroutine(1).apply(part, withoutGoroutine(1)).orElseThrow().toString());
  }
}
