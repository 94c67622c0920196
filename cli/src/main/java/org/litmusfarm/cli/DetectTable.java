package org.litmusfarm.cli;

import java.io.PrintWriter;
import org.litmusfarm.detect.DetectReport;
import org.litmusfarm.detect.Detector;
import org.litmusfarm.detect.MutantResult;

/** The text report of {@code farm detect}: one table and score per architecture and mode. */
final class DetectTable {
  private DetectTable() {}

  static void print(
      PrintWriter out, DetectReport report, Detector.Budget budget, String cpuModel, String goVersion, String loadBefore, String loadAfter) {
    out.printf(
        "host: %s, %d cores, %s, load average %s (before) %s (after); %.1f s per mutant, %.2f s slices%n",
        cpuModel, Runtime.getRuntime().availableProcessors(), goVersion, loadBefore, loadAfter,
        budget.perMutant().toNanos() / 1e9, budget.slice().toNanos() / 1e9);
    for (DetectReport.ArchitectureScore s : report.architectures()) {
      out.println();
      out.printf(
          "%s %s: score %.2f (%d/%d killed, %d attributable; %d/%d the CPU can expose)%s%n",
          s.goarch(), s.mode(), s.score(), s.killed(), s.mutants(), s.attributable(), s.exposableKilled(), s.exposable(),
          s.mode().equals("native") ? "" : " - emulated, not hardware evidence");
      out.printf("  %-20s %-7s %9s  %-28s %-16s %14s  %s%n", "mutant", "killed", "s-to-kill", "program", "prediction", "iterations", "exposable");
      for (MutantResult r : report.results()) {
        if (!r.goarch().equals(s.goarch()) || !r.mode().equals(s.mode())) {
          continue;
        }
        out.printf(
            "  %-20s %-7s %9s  %-28s %-16s %,14d  %s%n",
            r.mutant().tag(),
            r.killed() ? (r.kill().get().attributable() ? "yes" : "yes*") : r.missed() ? "MISSED" : "no",
            r.killed() ? String.format("%.1f", r.secondsToKill()) : "-",
            r.kill().map(k -> k.program()).orElse("-"),
            r.kill().map(k -> k.prediction().tag()).orElse("-"),
            r.iterations(),
            r.exposure().reason());
      }
    }
    out.println();
    out.printf("score: %.2f%n", report.score());
    out.println(DetectJson.TIMING.replace("slice_seconds", "one slice"));
    out.println("yes*: the unmutated program showed a forbidden outcome too, so the kill is not the mutant's doing");
  }
}
