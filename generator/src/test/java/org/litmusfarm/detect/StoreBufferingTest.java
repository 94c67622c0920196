package org.litmusfarm.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

class StoreBufferingTest {
  @Test
  void aLoadMayPassAnEarlierPlainStoreToAnotherVariable() {
    Program sb = Programs.catalog("SB+plain");
    List<List<Stmt>> bodies = StoreBuffering.bodies(sb.goroutines().get(0).body());
    assertEquals(2, bodies.size());
    assertTrue(bodies.get(1).get(0) instanceof Stmt.Load, bodies.toString());
    assertEquals(4, StoreBuffering.variants(sb).size());
  }

  @Test
  void aLoadNeverPassesAnAtomicStoreAStoreToItsOwnVariableOrAStoreOfItsRegister() {
    Program p =
        Programs.parse(
            """
            litmus T
            var x y z
            P0 {
              atomic.Store(&x, 1)
              r0 = y
            }
            P1 {
              y = 1
              r0 = y
            }
            P2 {
              r1 = x
              z = r1
              r1 = y
            }
            exists (P0:r0 == 0)
            """);
    for (int g = 0; g < 3; g++) {
      assertEquals(1, StoreBuffering.bodies(p.goroutines().get(g).body()).size(), "P" + g);
    }
  }

  @Test
  void loadsKeepTheirOrderAmongThemselves() {
    Program p =
        Programs.parse(
            """
            litmus T
            var x y z
            P0 {
              x = 1
              r0 = y
              r1 = z
            }
            exists (P0:r0 == 0)
            """);
    List<List<Stmt>> bodies = StoreBuffering.bodies(p.goroutines().get(0).body());
    assertEquals(3, bodies.size(), bodies.toString());
    for (List<Stmt> b : bodies) {
      assertTrue(b.indexOf(b.stream().filter(s -> s instanceof Stmt.Load l && l.var().equals("y")).findFirst().orElseThrow())
          < b.indexOf(b.stream().filter(s -> s instanceof Stmt.Load l && l.var().equals("z")).findFirst().orElseThrow()));
    }
  }

  @Test
  void variantsAreRaceFreeSoTheOracleOnlyInterleavesThem() {
    for (Program v : StoreBuffering.variants(Programs.catalog("SB+plain"))) {
      v.goroutines().forEach(g -> Statements.forEach(g.body(), s -> {
        if (s instanceof Stmt.Store st) {
          assertEquals(Access.ATOMIC, st.access());
        }
        if (s instanceof Stmt.Load ld) {
          assertEquals(Access.ATOMIC, ld.access());
        }
      }));
    }
  }
}
