package org.litmusfarm.mutate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.model.Program;

/**
 * Measures valid distinct mutants per second from every catalog seed, with a trivially-true
 * accept predicate (so the oracle's blocking check is NOT included). One warm-up run, then five
 * measured runs; prints each and the median. Run with
 * {@code mvn -q -o -pl generator test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.litmusfarm.mutate.MutatorBenchmark}.
 */
public final class MutatorBenchmark {
  private static final int PER_SEED = 100;
  private static final int RUNS = 5;

  private MutatorBenchmark() {}

  public static void main(String[] args) {
    List<Program> seeds = Catalog.generate().entries().stream().map(e -> e.program().orElseThrow()).toList();
    run(seeds, 0);
    List<Double> rates = new ArrayList<>();
    for (int i = 1; i <= RUNS; i++) {
      double rate = run(seeds, i);
      rates.add(rate);
      System.out.printf("run %d: %.0f mutants/s%n", i, rate);
    }
    Collections.sort(rates);
    System.out.printf("median of %d runs: %.0f valid distinct mutants/s (min %.0f, max %.0f; %d seeds x %d;"
        + " accept predicate trivially true)%n", RUNS, rates.get(RUNS / 2), rates.get(0), rates.get(RUNS - 1),
        seeds.size(), PER_SEED);
  }

  private static double run(List<Program> seeds, long seed) {
    Mutator m = new Mutator(MutateOptions.DEFAULTS, new SplittableRandom(seed), p -> true);
    long start = System.nanoTime();
    long count = 0;
    for (Program s : seeds) {
      count += m.mutants(s, PER_SEED).size();
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
