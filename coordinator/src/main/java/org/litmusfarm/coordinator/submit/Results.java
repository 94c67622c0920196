package org.litmusfarm.coordinator.submit;

import java.util.List;
import org.litmusfarm.model.OutcomeClass;

/**
 * The results of a submission, job by job (ordered by architecture); {@code finished} when every
 * job is done or failed.
 */
public record Results(
    String submissionId,
    String programId,
    String programName,
    OutcomeClass verdict,
    List<JobResult> jobs,
    boolean finished) {
  public Results {
    jobs = List.copyOf(jobs);
  }
}
