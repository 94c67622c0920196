package org.litmusfarm.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;
import org.litmusfarm.oracle.Oracle;

class CandidatesTest {
  private static List<Program> catalog;
  private final Candidates candidates = new Candidates(new Oracle());

  @BeforeAll
  static void load() {
    catalog = CatalogPrograms.load();
  }

  @Test
  void aProgramIsAffectedExactlyWhenItHasTheOperationTheMutantBreaks() {
    for (Program p : catalog) {
      List<Stmt> all = new ArrayList<>();
      p.goroutines().forEach(g -> Statements.forEach(g.body(), all::add));
      assertEquals(
          all.stream().anyMatch(s -> s instanceof Stmt.Store st && st.access() == Access.ATOMIC),
          Candidates.affects(Mutant.ATOMIC_STORE_PLAIN, p),
          p.name());
      assertEquals(
          all.stream().anyMatch(s -> s instanceof Stmt.Rmw || s instanceof Stmt.Cas),
          Candidates.affects(Mutant.RMW_PLAIN, p),
          p.name());
      assertEquals(all.stream().anyMatch(s -> s instanceof Stmt.Lock), Candidates.affects(Mutant.MUTEX_NO_ORDER, p), p.name());
    }
  }

  @Test
  void plainAtomicStoresLetStoreBufferingShowInSbWithAtomics() {
    Program sb = Programs.catalog("SB+atomic");
    assertEquals(Prediction.STORE_BUFFERING, predict(sb, Mutant.ATOMIC_STORE_PLAIN));
  }

  @Test
  void plainAtomicStoresNeedAWeakCpuToShowInMpWithAtomics() {
    Program mp = Programs.catalog("MP+atomic");
    assertEquals(Prediction.WEAK_MEMORY, predict(mp, Mutant.ATOMIC_STORE_PLAIN));
  }

  @Test
  void aPlainSwapLosesAnUpdateInSomeInterleaving() {
    assertEquals(Prediction.INTERLEAVING, predict(Programs.catalog("SB+rmw"), Mutant.RMW_PLAIN));
  }

  @Test
  void anAddOfOneIsBeyondTheModel() {
    assertEquals(Prediction.UNMODELLED, predict(Programs.catalog("SB+add"), Mutant.RMW_PLAIN));
  }

  @Test
  void programsMostLikelyToKillRunFirst() {
    List<Candidate> chosen = candidates.select(catalog, Mutant.ATOMIC_STORE_PLAIN);
    assertEquals("SB+atomic", chosen.get(0).name());
    for (int i = 1; i < chosen.size(); i++) {
      assertTrue(chosen.get(i - 1).prediction().compareTo(chosen.get(i).prediction()) <= 0, chosen.toString());
    }
  }

  @Test
  void unaffectedProgramsAreNeverCandidates() {
    List<Candidate> chosen = candidates.select(catalog, Mutant.MUTEX_NO_ORDER);
    assertFalse(chosen.isEmpty());
    chosen.forEach(c -> assertTrue(Candidates.affects(Mutant.MUTEX_NO_ORDER, c.program()), c.name()));
  }

  /** The reasoning from lost guarantees and the oracle's predictions over the catalog agree. */
  @Test
  void amd64MustKillExactlyTheMutantsWhoseKillsTsoCanReach() {
    Set<Prediction> tsoReachable = EnumSet.of(Prediction.INTERLEAVING, Prediction.STORE_BUFFERING);
    for (Mutant m : Mutant.values()) {
      boolean reachable = candidates.select(catalog, m).stream().anyMatch(c -> tsoReachable.contains(c.prediction()));
      assertEquals(Exposure.of(m, "amd64", "native", 2).expected(), reachable, m.tag());
    }
  }

  private Prediction predict(Program p, Mutant m) {
    return candidates.predict(p, new Oracle().decide(p), m);
  }
}
