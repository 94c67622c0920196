package org.litmusfarm.mutate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.oracle.Budget;
import org.litmusfarm.oracle.Oracle;

/**
 * Measures valid distinct mutants per second from every catalog seed, twice in the same process:
 * with a trivially-true accept predicate (the mutator alone, the baseline) and with the oracle's
 * SC completion check as {@code farm mutate} uses it (every interleaving completes within 200,000
 * states); {@code -Dbench.fullOracle=true} adds the full decision (weak executions too). One
 * warm-up run each, then five measured runs; prints each and the medians. Run with
 * {@code mvn -q -o -pl generator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.litmusfarm.mutate.MutatorBenchmark}.
 */
public final class MutatorBenchmark {
  private static final int PER_SEED = 100;
  private static final int RUNS = 5;

  private MutatorBenchmark() {}

  public static void main(String[] args) {
    List<Program> seeds = Catalog.generate().entries().stream().map(e -> e.program().orElseThrow()).toList();
    measure(seeds, p -> true, "mutator alone (accept always)");
    Oracle oracle = new Oracle(Budget.states(200_000));
    measure(seeds, accepting(oracle::checkCompletes), "with the oracle's SC completion check (farm mutate)");
    if (Boolean.getBoolean("bench.fullOracle")) {
      measure(seeds, accepting(oracle::decide), "with the full oracle decision");
    }
  }

  private static Predicate<Program> accepting(java.util.function.Consumer<Program> check) {
    return p -> {
      try {
        check.accept(p);
        return true;
      } catch (RejectedProgramException e) {
        return false;
      }
    };
  }

  private static void measure(List<Program> seeds, Predicate<Program> accept, String label) {
    run(seeds, 0, accept);
    List<Double> rates = new ArrayList<>();
    for (int i = 1; i <= RUNS; i++) {
      double rate = run(seeds, i, accept);
      rates.add(rate);
      System.out.printf("run %d: %.0f mutants/s%n", i, rate);
    }
    Collections.sort(rates);
    System.out.printf("%s: median of %d runs: %.0f valid distinct mutants/s (min %.0f, max %.0f; %d seeds x %d)%n",
        label, RUNS, rates.get(RUNS / 2), rates.get(0), rates.get(RUNS - 1), seeds.size(), PER_SEED);
  }

  private static double run(List<Program> seeds, long seed, Predicate<Program> accept) {
    Mutator m = new Mutator(MutateOptions.DEFAULTS, new SplittableRandom(seed), accept);
    long start = System.nanoTime();
    long count = 0;
    for (Program s : seeds) {
      count += m.mutants(s, PER_SEED).size();
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
