package org.litmusfarm.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.litmusfarm.schema.v1.Campaign;
import org.litmusfarm.schema.v1.CampaignArch;
import org.litmusfarm.schema.v1.CampaignReport;
import org.litmusfarm.schema.v1.CampaignReduction;
import org.litmusfarm.schema.v1.CampaignViolation;
import org.litmusfarm.schema.v1.ConformanceCell;
import org.litmusfarm.schema.v1.FuzzArch;
import org.litmusfarm.schema.v1.FuzzSummary;
import org.litmusfarm.schema.v1.SignaturePoint;
import org.litmusfarm.schema.v1.WeakOutcome;

/** A campaign report as text for people: summary, conformance table, new WEAK outcomes, violations, fuzzing. */
final class CampaignReportText {
  /** WEAK outcomes listed one by one at most; more are counted. */
  private static final int MAX_LISTED = 30;

  private final PrintWriter out;

  CampaignReportText(PrintWriter out) {
    this.out = out;
  }

  void print(CampaignReport r) {
    Campaign c = r.getCampaign();
    out.printf("campaign %s: %s v%d, %s, %d/%d jobs done%s, started %s%s%n", c.getCampaignId(), c.getSpecName(),
        c.getSpecVersion(), c.getState(), c.getJobsDone(), c.getJobsTotal(),
        c.getJobsFailed() > 0 ? " (" + c.getJobsFailed() + " failed)" : "", Instant.ofEpochMilli(c.getStartedUnixMs()),
        c.getFinishedUnixMs() > 0 ? ", took " + duration(c.getFinishedUnixMs() - c.getStartedUnixMs()) : "");
    out.println();
    architectures(r);
    conformance(r);
    newWeak(r);
    violations(r);
    if (r.hasFuzz()) {
      fuzz(r.getFuzz());
    }
  }

  private void architectures(CampaignReport r) {
    out.printf("%-8s %-30s %-10s %5s %8s %15s %5s %9s%n", "arch", "mode", "go", "jobs", "programs", "iterations", "weak", "forbidden");
    for (CampaignArch a : r.getArchitecturesList()) {
      out.printf("%-8s %-30s %-10s %5d %8d %,15d %5d %9d%n", a.getArch(), a.getMode(), a.getGoVersion(), a.getJobs(),
          a.getPrograms(), a.getIterations(), a.getWeak(), a.getForbidden());
    }
    out.println("(weak, forbidden: distinct program and outcome pairs observed; emulated rows are not hardware evidence)");
    out.println();
  }

  private void conformance(CampaignReport r) {
    Set<String> goVersions = new LinkedHashSet<>();
    r.getConformanceList().forEach(cell -> goVersions.add(cell.getGoVersion()));
    boolean splitByGo = goVersions.size() > 1;
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    Set<String> columns = new LinkedHashSet<>();
    for (ConformanceCell cell : r.getConformanceList()) {
      String column = cell.getArch() + "/" + shortMode(cell.getMode()) + (splitByGo ? "/" + cell.getGoVersion() : "");
      columns.add(column);
      String value = !cell.getWorst().isEmpty() ? cell.getWorst() : cell.getState().equals("failed") ? "failed" : "-";
      rows.computeIfAbsent(cell.getProgram(), k -> new LinkedHashMap<>()).put(column, value);
    }
    List<String> sorted = new ArrayList<>(columns);
    sorted.sort(null);
    out.println("conformance: worst class observed per catalog program (SC < WEAK < FORBIDDEN; - nothing yet)");
    int width = Math.max(22, rows.keySet().stream().mapToInt(p -> p.length() + 1).max().orElse(0));
    StringBuilder header = new StringBuilder(String.format("%-" + width + "s", "program"));
    sorted.forEach(col -> header.append(String.format(" %-" + Math.max(10, col.length()) + "s", col)));
    out.println(header);
    rows.forEach((program, cells) -> {
      StringBuilder line = new StringBuilder(String.format("%-" + width + "s", program));
      sorted.forEach(col -> line.append(String.format(" %-" + Math.max(10, col.length()) + "s", cells.getOrDefault(col, ""))));
      out.println(line.toString().stripTrailing());
    });
    out.println();
  }

  private static String shortMode(String mode) {
    return mode.isEmpty() ? "?" : mode.startsWith("emulated:") ? "emulated" : mode;
  }

  private void newWeak(CampaignReport r) {
    out.printf("new WEAK outcomes: %d%s%n", r.getNewWeakCount(), r.getPreviousCampaignId().isEmpty()
        ? " (no previous campaign of this spec: every WEAK outcome is new)"
        : " since campaign " + r.getPreviousCampaignId());
    int listed = 0;
    for (WeakOutcome w : r.getNewWeakList()) {
      if (listed++ == MAX_LISTED) {
        out.printf("  ... and %d more (--json lists all)%n", r.getNewWeakCount() - MAX_LISTED);
        break;
      }
      out.printf("  %s on %s (%s): %s, %,d times%n", w.getProgram(), w.getArch(), w.getMode(), w.getOutcome(), w.getCount());
    }
    out.println();
  }

  private void violations(CampaignReport r) {
    out.println("violations: " + r.getViolationsCount());
    for (CampaignViolation v : r.getViolationsList()) {
      out.printf("  %s on %s (%s, %s): %s observed %,d times%s%n", v.getProgram(), v.getArch(), v.getMode(), v.getGoVersion(),
          v.getOutcome(), v.getCount(),
          v.getMode().equals("native") ? "" : " [emulated: a finding about the emulator, not hardware evidence]");
    }
    for (CampaignReduction x : r.getReductionsList()) {
      String sizes = x.getOriginalSize().isEmpty() ? "" : "; " + x.getOriginalSize() + " -> " + x.getReducedSize();
      String why = !x.getError().isEmpty() ? " (" + x.getError() + ")" : x.getStop().isEmpty() ? "" : " (" + x.getStop() + ")";
      out.printf("  reduction of %s on %s (%s): %s, %d candidate(s) run, %d reproduced%s%s%n", x.getProgram(), x.getArch(),
          x.getMode(), x.getState(), x.getCandidates(), x.getReproduced(), sizes, why);
      if (x.getReproduced() > 0) {
        out.println("    smallest program that shows " + x.getOutcome() + ":");
        x.getLitmus().lines().forEach(l -> out.println("      " + l));
      }
    }
    out.println();
  }

  private void fuzz(FuzzSummary f) {
    out.printf("fuzzing: %d/%d mutants run and evaluated (%d scheduled%s), %d refused draws; corpus %d (%d catalog seeds + %d mutants);"
            + " %d distinct programs run; %d mutant violations%n",
        f.getEvaluated(), f.getBudget(), f.getScheduled(), f.getFinished() ? ", finished" : ", running", f.getRefused(),
        f.getCorpusSize(), f.getCorpusSeeds(), f.getCorpusSize() - f.getCorpusSeeds(), f.getDistinctPrograms(),
        f.getMutantViolations());
    out.println("WEAK signatures (shape, arch, mode, outcome) per architecture: by catalog programs, by mutants, by mutants only");
    int total = 0;
    for (FuzzArch a : f.getArchitecturesList()) {
      total += a.getFuzzOnlySignatures();
      out.printf("  %-8s %-30s catalog %3d  mutants %3d  mutants only %3d   over time: %s%n", a.getArch(), a.getMode(),
          a.getCatalogSignatures(), a.getFuzzSignatures(), a.getFuzzOnlySignatures(), timeline(a.getTimelineList()));
    }
    out.println("mutants found " + total + " WEAK signature(s) the catalog programs did not");
  }

  /** At most eight points of a timeline, evenly spaced, always with the last. */
  private static String timeline(List<SignaturePoint> points) {
    if (points.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    int n = points.size();
    int step = Math.max(1, (n + 7) / 8);
    for (int i = 0; i < n; i += step) {
      append(sb, points.get(i));
    }
    if ((n - 1) % step != 0) {
      append(sb, points.get(n - 1));
    }
    return sb.toString().strip();
  }

  private static void append(StringBuilder sb, SignaturePoint p) {
    sb.append(String.format(" %.0fs:%d", p.getSeconds(), p.getSignatures()));
  }

  private static String duration(long millis) {
    Duration d = Duration.ofMillis(millis);
    return d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : String.format("%.1fs", millis / 1000.0);
  }
}
