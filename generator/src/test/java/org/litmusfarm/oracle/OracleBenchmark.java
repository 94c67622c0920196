package org.litmusfarm.oracle;

import static org.litmusfarm.oracle.Progs.eq;
import static org.litmusfarm.oracle.Progs.ld;
import static org.litmusfarm.oracle.Progs.st;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.model.Stmt;
import org.litmusfarm.text.Parser;

/**
 * Times the oracle: median time per program of the checked-in catalog and of the gomm.md verdict
 * programs after warm-up, growth over SB-like rings of 2..8 goroutines and chains of 2..8
 * statements, and peak heap on an 8x8 fuzzer-sized program. With {@code --8x8-only} it decides
 * only the 8x8 program, so that running it under {@code -Xmx256m} shows the heap bound holds.
 */
public final class OracleBenchmark {
  private OracleBenchmark() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--8x8-only")) {
      peakHeap(fuzzerSized());
      return;
    }
    Oracle oracle = new Oracle();
    List<Program> catalog = Catalog.load().entries().stream()
        .map(e -> Parser.parse(e.name(), e.text().orElseThrow()).program()).toList();
    times(oracle, "checked-in catalog", catalog);
    times(oracle, "gomm.md verdict programs", VerdictCatalog.all().stream().map(VerdictCatalog.Case::program).toList());
    for (int n = 2; n <= 8; n++) {
      report(oracle, "ring of " + n + " goroutines (SB-like, plain)", ring(n));
    }
    for (int k = 2; k <= 8; k++) {
      report(oracle, "chain of " + k + " statements (2 goroutines, plain)", chain(k));
    }
    peakHeap(fuzzerSized());
  }

  private static void times(Oracle oracle, String what, List<Program> programs) {
    for (int i = 0; i < 200; i++) {
      programs.forEach(oracle::decide);
    }
    long[] perProgram = new long[programs.size()];
    long maxStates = 0;
    for (int i = 0; i < programs.size(); i++) {
      Program p = programs.get(i);
      perProgram[i] = medianNanos(() -> oracle.decide(p), 21);
      maxStates = Math.max(maxStates, oracle.decide(p).statesExplored());
    }
    Arrays.sort(perProgram);
    System.out.printf("%s: %d programs, median of per-program medians %.1f us, "
            + "min %.1f us, max %.1f us, most states %d%n",
        what, perProgram.length, perProgram[perProgram.length / 2] / 1e3, perProgram[0] / 1e3,
        perProgram[perProgram.length - 1] / 1e3, maxStates);
  }

  private static void report(Oracle oracle, String what, Program p) {
    try {
      long states = oracle.decide(p).statesExplored();
      long ns = medianNanos(() -> oracle.decide(p), 5);
      System.out.printf("%-48s %10.2f ms %9d states%n", what, ns / 1e6, states);
    } catch (RejectedProgramException e) {
      System.out.printf("%-48s rejected: %s%n", what, e.getMessage());
    }
  }

  private static void peakHeap(Program p) {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    String result;
    try {
      result = "decided, " + new Oracle().decide(p).statesExplored() + " states";
    } catch (RejectedProgramException e) {
      result = "rejected: " + e.getMessage();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("8x8 fuzzer-sized program: %s in %d ms, peak heap %d MiB%n", result, ms,
        peak >> 20);
  }

  private static long medianNanos(Runnable r, int runs) {
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      r.run();
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    return t[runs / 2];
  }

  /** Goroutine g stores v_g and loads v_{g+1}: SB generalised to n goroutines. */
  static Program ring(int n) {
    Progs b = Progs.of("ring" + n);
    for (int g = 0; g < n; g++) {
      b.vars("v" + g);
    }
    for (int g = 0; g < n; g++) {
      b.p(st("v" + g, 1), ld(0, "v" + ((g + 1) % n)));
    }
    return b.exists(eq("P0:r0", 0));
  }

  /** Two goroutines of k alternating stores and loads on x and y. */
  static Program chain(int k) {
    Progs b = Progs.of("chain" + k).vars("x", "y");
    for (int g = 0; g < 2; g++) {
      Stmt[] body = new Stmt[k];
      for (int i = 0; i < k; i++) {
        String v = (i + g) % 2 == 0 ? "x" : "y";
        body[i] = i % 2 == 0 ? st(v, i + 1) : ld(i, v);
      }
      b.p(body);
    }
    return b.exists(eq("x", 0));
  }

  /** 8 goroutines of 8 plain accesses over 4 variables, as the fuzzer makes them. */
  static Program fuzzerSized() {
    Progs b = Progs.of("fuzz8x8").vars("a", "b", "c", "d");
    String[] vars = {"a", "b", "c", "d"};
    for (int g = 0; g < 8; g++) {
      Stmt[] body = new Stmt[8];
      for (int i = 0; i < 8; i++) {
        String v = vars[(g * 3 + i * 5) % 4];
        body[i] = (g + i) % 2 == 0 ? st(v, g + 1) : ld(i, v);
      }
      b.p(body);
    }
    return b.exists(eq("a", 0));
  }
}
