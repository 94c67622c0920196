package org.litmusfarm.coordinator.submit;

import java.util.List;
import org.litmusfarm.model.OutcomeClass;

/** An accepted submission: its id, the program's id, name and verdict, and one job per architecture. */
public record Submission(
    String submissionId, String programId, String programName, OutcomeClass verdict, List<String> jobIds) {
  public Submission {
    jobIds = List.copyOf(jobIds);
  }
}
