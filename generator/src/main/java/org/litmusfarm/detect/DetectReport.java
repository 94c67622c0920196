package org.litmusfarm.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection score: every mutant's result on every target, the fraction killed per
 * architecture and mode, and the mutants a target should have killed but did not.
 *
 * @param results one per mutant and target, in run order
 */
public record DetectReport(List<MutantResult> results) {
  /**
   * One architecture and mode's score.
   *
   * @param goarch the architecture
   * @param mode {@code native} or {@code emulated:<emulator>}
   * @param mutants mutants run
   * @param killed mutants killed within the budget
   * @param attributable kills whose unmutated control run stayed clean
   * @param exposable mutants the target must kill (native runs only)
   * @param exposableKilled of those, how many it killed
   */
  public record ArchitectureScore(String goarch, String mode, int mutants, int killed, int attributable, int exposable, int exposableKilled) {
    /** The fraction of mutants killed, 0 when none ran. */
    public double score() {
      return mutants == 0 ? 0 : (double) killed / mutants;
    }
  }

  public DetectReport {
    results = List.copyOf(results);
  }

  /** The fraction of all (mutant, target) results that were kills; 0 when there are none. */
  public double score() {
    return results.isEmpty() ? 0 : (double) results.stream().filter(MutantResult::killed).count() / results.size();
  }

  /** Scores per architecture and mode, in the order they first ran. */
  public List<ArchitectureScore> architectures() {
    Map<String, List<MutantResult>> byTarget = new LinkedHashMap<>();
    for (MutantResult r : results) {
      byTarget.computeIfAbsent(r.goarch() + " " + r.mode(), k -> new ArrayList<>()).add(r);
    }
    List<ArchitectureScore> scores = new ArrayList<>();
    byTarget.values()
        .forEach(
            rs ->
                scores.add(
                    new ArchitectureScore(
                        rs.get(0).goarch(),
                        rs.get(0).mode(),
                        rs.size(),
                        (int) rs.stream().filter(MutantResult::killed).count(),
                        (int) rs.stream().filter(r -> r.kill().map(Kill::attributable).orElse(false)).count(),
                        (int) rs.stream().filter(r -> r.exposure().expected()).count(),
                        (int) rs.stream().filter(r -> r.exposure().expected() && r.killed()).count())));
    return scores;
  }

  /** Mutants that survived on a target whose CPU can expose them: detection failures. */
  public List<MutantResult> missed() {
    return results.stream().filter(MutantResult::missed).toList();
  }
}
