package org.litmusfarm.dashboard.submit;

import org.litmusfarm.dashboard.read.ProgramInfo;
import org.litmusfarm.dashboard.read.ProgramReader;

/** Reads a submission's results from the coordinator, named with its program's name. */
public final class Results {
  private final FarmClient farm;
  private final ProgramReader programs;

  public Results(FarmClient farm, ProgramReader programs) {
    this.farm = farm;
    this.programs = programs;
  }

  /** The results of submission {@code id} so far; {@link Refused} when unknown or unreachable. */
  public SubmissionView of(String id) {
    var r = farm.results(id);
    String name = programs.find(r.getProgramId()).map(ProgramInfo::name).orElse(r.getProgramId());
    return SubmissionView.of(id, name, r);
  }
}
