package org.litmusfarm.dashboard.page;

import java.util.ArrayList;
import java.util.List;
import org.litmusfarm.dashboard.read.WeakOutcome;

/** The weak outcomes of one program on one architecture in one mode, as the review page groups them. */
public record WeakGroup(
    String programId, String programName, String shape, String arch, String mode, long iterations, int jobsRun,
    List<WeakOutcome> outcomes) {
  /** Groups consecutive rows of the same program, architecture and mode. */
  static List<WeakGroup> of(List<WeakOutcome> rows) {
    List<WeakGroup> out = new ArrayList<>();
    WeakGroup current = null;
    for (WeakOutcome w : rows) {
      if (current == null
          || !current.programId().equals(w.programId())
          || !current.arch().equals(w.arch())
          || !current.mode().equals(w.mode())) {
        current = new WeakGroup(w.programId(), w.programName(), w.shape(), w.arch(), w.mode(), w.iterations(), w.jobsRun(), new ArrayList<>());
        out.add(current);
      }
      current.outcomes().add(w);
    }
    return out;
  }
}
