package org.litmusfarm.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Stmt;

class CanonicalFormTest {
  private final List<Program> catalog =
      Catalog.generate().entries().stream().map(e -> e.program().orElseThrow()).toList();

  @Test
  void renamingAndPermutingLeavesTheFormOfEveryCatalogProgramUnchanged() {
    for (Program p : catalog) {
      for (long seed = 0; seed < 5; seed++) {
        assertEquals(CanonicalForm.of(p), CanonicalForm.of(Renaming.scramble(p, seed)), p.name());
      }
    }
  }

  @Test
  void renamingAndPermutingLeavesTheFormOfMutantsUnchanged() {
    Mutator m = new Mutator(MutateOptions.DEFAULTS, new SplittableRandom(23), p -> true);
    for (Program seed : Seeds.programs()) {
      for (Program mutant : m.mutants(seed, 30)) {
        assertEquals(CanonicalForm.of(mutant), CanonicalForm.of(Renaming.scramble(mutant, 99)), mutant.name());
      }
    }
  }

  @Test
  void distinctCatalogProgramsHaveDistinctForms() {
    Map<String, String> byForm = new HashMap<>();
    List<String> clashes = new ArrayList<>();
    for (CatalogEntry e : Catalog.generate().entries()) {
      String other = byForm.put(CanonicalForm.of(e.program().orElseThrow()), e.name());
      if (other != null) {
        clashes.add(other + " = " + e.name());
      }
    }
    assertEquals(List.of(), clashes);
  }

  @Test
  void changingAnAccessKindChangesTheForm() {
    Program mp = find("MP+plain");
    Goroutine p0 = mp.goroutines().get(0);
    Stmt.Store first = (Stmt.Store) p0.body().get(0);
    List<Stmt> body = new ArrayList<>(p0.body());
    body.set(0, new Stmt.Store(Access.ATOMIC, first.var(), first.value()));
    Program changed = mp.withGoroutines(List.of(new Goroutine(body), mp.goroutines().get(1)));
    assertNotEquals(CanonicalForm.of(mp), CanonicalForm.of(changed));
  }

  @Test
  void swappingWhichVariableIsWrittenFirstChangesTheForm() {
    Program mp = find("MP+plain");
    List<Stmt> body = new ArrayList<>(mp.goroutines().get(0).body());
    body.add(body.remove(0));
    Program changed = mp.withGoroutines(List.of(new Goroutine(body), mp.goroutines().get(1)));
    assertNotEquals(CanonicalForm.of(mp), CanonicalForm.of(changed));
  }

  @Test
  void ignoresNameAndDoc() {
    Program mp = find("MP+plain");
    Program other = new Program("other", Optional.empty(), mp.decls(), mp.goroutines(), mp.observe(), mp.exists());
    assertEquals(CanonicalForm.of(mp), CanonicalForm.of(other));
    assertEquals(CanonicalForm.hash(mp), CanonicalForm.hash(other));
  }

  private Program find(String name) {
    return catalog.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
