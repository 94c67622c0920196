package org.litmusfarm.dashboard.submit;

import java.util.List;
import org.litmusfarm.dashboard.read.Mode;
import org.litmusfarm.dashboard.read.OutcomeCount;
import org.litmusfarm.schema.v1.ArchResult;
import org.litmusfarm.schema.v1.ClassifiedCount;
import org.litmusfarm.schema.v1.GetResultsResponse;

/** A submission's results so far, per job, as the coordinator reports them. */
public record SubmissionView(
    String id, String programId, String programName, String verdict, boolean finished, List<ArchRun> runs) {
  /**
   * One job: where it ran (mode, CPU, cores and Go version are empty until its first batch), its
   * state (queued, leased, done, failed), iterations and counts.
   */
  public record ArchRun(
      String arch, String mode, String cpuModel, int cores, String goVersion, String state, long iterations,
      List<OutcomeCount> counts) {
    public boolean emulated() {
      return !mode.isEmpty() && !Mode.isNative(mode);
    }

    public long forbidden() {
      return counts.stream().filter(c -> c.outcomeClass().equals("FORBIDDEN")).count();
    }
  }

  /** The view of {@code r}, the results of submission {@code id} of the program {@code programName}. */
  public static SubmissionView of(String id, String programName, GetResultsResponse r) {
    List<ArchRun> runs =
        r.getResultsList().stream()
            .map(a -> new ArchRun(
                a.getProvenance().getArch(), a.getProvenance().getMode(), a.getProvenance().getCpuModel(),
                a.getProvenance().getCores(), a.getProvenance().getGoVersion(), a.getState(), a.getIterations(),
                counts(a)))
            .toList();
    return new SubmissionView(id, r.getProgramId(), programName, r.getVerdict(), r.getFinished(), runs);
  }

  private static List<OutcomeCount> counts(ArchResult a) {
    return a.getCountsList().stream()
        .map((ClassifiedCount c) -> new OutcomeCount(c.getOutcome(), c.getOutcomeClass(), c.getCount()))
        .toList();
  }
}
