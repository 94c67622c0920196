package org.litmusfarm.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.oracle.Budget;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.model.Names;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Validator;

class MutatorTest {
  private final List<Program> seeds = Seeds.programs();

  private static Mutator mutator(long seed) {
    return new Mutator(MutateOptions.DEFAULTS, new SplittableRandom(seed), p -> true);
  }

  @Test
  void sameSeedGivesTheSameMutants() {
    for (Program seed : seeds) {
      List<Program> a = mutator(7).mutants(seed, 30);
      List<Program> b = mutator(7).mutants(seed, 30);
      assertEquals(a, b, seed.name());
    }
  }

  @Test
  void differentSeedsGiveDifferentMutants() {
    Program seed = seeds.get(0);
    assertFalse(mutator(1).mutants(seed, 20).equals(mutator(2).mutants(seed, 20)));
  }

  @Test
  void tenThousandMutantsFromSeveralSeedsAreAllValid() {
    int total = 0;
    for (int i = 0; i < seeds.size(); i++) {
      Program seed = seeds.get(i);
      List<Program> mutants = mutator(100 + i).mutants(seed, 850);
      for (Program m : mutants) {
        List<Problem> errors = Validator.check(m).stream().filter(Problem::isError).toList();
        assertEquals(List.of(), errors, m.name() + " from " + seed.name());
      }
      total += mutants.size();
    }
    assertTrue(total >= 10_000, "only " + total + " mutants");
  }

  @Test
  void mutantsAreDistinctFromEachOtherAndFromTheSeed() {
    for (Program seed : seeds) {
      List<Program> mutants = mutator(3).mutants(seed, 200);
      Set<String> forms = new HashSet<>();
      forms.add(CanonicalForm.of(seed));
      for (Program m : mutants) {
        assertTrue(forms.add(CanonicalForm.of(m)), m.name() + " repeats a canonical form");
      }
      assertEquals(200, mutants.size(), seed.name());
    }
  }

  @Test
  void mutantsAreNamedAfterTheirRootAndRecordParentAndOperator() {
    Program seed = seeds.get(0);
    Set<String> labels = new HashSet<>();
    for (Operator op : Operator.values()) {
      labels.add(op.label());
    }
    for (Program m : mutator(5).mutants(seed, 100)) {
      assertTrue(Names.isTestName(m.name()), m.name());
      assertTrue(m.name().matches("MP\\+plain-m[0-9a-f]{10}"), m.name());
      String doc = m.doc().orElseThrow();
      assertTrue(doc.matches("parent=\\S+ op=\\S+"), doc);
      assertTrue(labels.contains(doc.substring(doc.indexOf("op=") + 3)), doc);
    }
  }

  @Test
  void everyOperatorIsAppliedOverASample() {
    Set<Operator> applied = EnumSet.noneOf(Operator.class);
    Mutator m = mutator(11);
    for (int round = 0; round < 50; round++) {
      for (Program seed : seeds) {
        m.mutate(seed).ifPresent(mutant -> applied.add(mutant.operator()));
      }
    }
    assertEquals(EnumSet.allOf(Operator.class), applied);
  }

  @Test
  void eachOperatorAloneProducesAMutantLabelledWithIt() {
    for (Operator op : Operator.values()) {
      Mutator m = new Mutator(MutateOptions.only(op), new SplittableRandom(13), p -> true);
      Optional<Mutant> found = seeds.stream().map(m::mutate).flatMap(Optional::stream).findFirst();
      assertTrue(found.isPresent(), op.label());
      assertEquals(op, found.get().operator());
      assertTrue(found.get().program().doc().orElseThrow().endsWith("op=" + op.label()));
    }
  }

  @Test
  void rejectedProgramsAreNeverReturned() {
    AtomicInteger rejected = new AtomicInteger();
    Mutator m = new Mutator(MutateOptions.DEFAULTS, new SplittableRandom(17), p -> {
      boolean safe = decidable(p);
      if (!safe) {
        rejected.incrementAndGet();
      }
      return safe;
    });
    for (Program seed : seeds) {
      for (Program mutant : m.mutants(seed, 40)) {
        assertTrue(decidable(mutant), mutant.name());
      }
    }
    assertTrue(rejected.get() > 0, "the sample never exercised rejection");
  }

  @Test
  void givesUpWhenNothingIsAccepted() {
    Mutator m = new Mutator(MutateOptions.DEFAULTS, new SplittableRandom(19), p -> false);
    assertEquals(List.of(), m.mutants(seeds.get(0), 5));
    assertTrue(m.mutate(seeds.get(0)).isEmpty());
  }

  /** Whether every interleaving of {@code p} completes: it cannot block or panic, and is small. */
  private static boolean decidable(Program p) {
    try {
      new Oracle(Budget.states(100_000)).checkCompletes(p);
      return true;
    } catch (RejectedProgramException e) {
      return false;
    }
  }
}
