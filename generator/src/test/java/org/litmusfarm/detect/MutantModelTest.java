package org.litmusfarm.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Stmt;

class MutantModelTest {
  @Test
  void atomicStoresBecomePlainAndTheOutcomeKeepsItsLocations() {
    Program sb = Programs.catalog("SB+atomic");
    Program m = MutantModel.of(sb, Mutant.ATOMIC_STORE_PLAIN).orElseThrow();
    assertEquals(new Stmt.Store(Access.PLAIN, "x", new org.litmusfarm.model.Const(1)), m.goroutines().get(0).body().get(0));
    assertEquals(Access.ATOMIC, ((Stmt.Load) m.goroutines().get(0).body().get(1)).access());
    assertEquals(sb.outcomeLocations(), m.outcomeLocations());
  }

  @Test
  void aSwapWithoutResultReadsIntoAFreeRegisterThenStores() {
    Program m = MutantModel.of(Programs.catalog("2+2W+rmw"), Mutant.RMW_PLAIN).orElseThrow();
    List<Stmt> p0 = m.goroutines().get(0).body();
    assertEquals(4, p0.size());
    assertTrue(p0.get(0) instanceof Stmt.Load l && l.access() == Access.PLAIN && l.dst().index() == 15, p0.toString());
    assertTrue(p0.get(1) instanceof Stmt.Store s && s.access() == Access.PLAIN && s.var().equals("x"));
    assertEquals(Programs.catalog("2+2W+rmw").outcomeLocations(), m.outcomeLocations());
  }

  @Test
  void aCasWithAResultRegisterIsBeyondTheModel() {
    Program p =
        Programs.parse(
            """
            litmus T
            var x
            P0 {
              r0 = atomic.CompareAndSwap(&x, 0, 1)
            }
            exists (P0:r0 == 1)
            """);
    assertTrue(MutantModel.of(p, Mutant.RMW_PLAIN).isEmpty());
  }

  @Test
  void locksVanishWithTheirMutex() {
    Program m = MutantModel.of(Programs.catalog("MP+mutex"), Mutant.MUTEX_NO_ORDER).orElseThrow();
    m.goroutines().forEach(g -> g.body().forEach(s -> assertTrue(!(s instanceof Stmt.Lock) && !(s instanceof Stmt.Unlock))));
    assertTrue(m.decls().stream().noneMatch(d -> d instanceof Decl.Mutex));
  }
}
