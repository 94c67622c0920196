package org.litmusfarm.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.litmusfarm.emit.Mutant;

/**
 * How one mutant fared on one target.
 *
 * @param mutant the harness mutant
 * @param goarch the architecture its code ran as
 * @param exposure whether the target must kill it, and why
 * @param kill the first kill, if any
 * @param secondsToKill wall time from the start of the mutant's work on this target (builds
 *     included) to the end of the run that showed the kill; runs last one slice, so this is an
 *     upper bound with slice granularity; 0 when not killed
 * @param secondsSpent wall time spent on the mutant in all, the kill's control runs included
 * @param iterations test instances run over all its runs
 * @param runs harness runs
 * @param candidates catalog programs the mutant affects
 * @param programsRun distinct candidates built and run
 * @param provenance machine, toolchain, parameters and mode
 * @param failures builds or runs that failed, one line each (the program is then skipped)
 */
public record MutantResult(
    Mutant mutant,
    String goarch,
    Exposure exposure,
    Optional<Kill> kill,
    double secondsToKill,
    double secondsSpent,
    long iterations,
    int runs,
    int candidates,
    int programsRun,
    Provenance provenance,
    List<String> failures) {
  public MutantResult {
    Objects.requireNonNull(mutant);
    Objects.requireNonNull(goarch);
    Objects.requireNonNull(exposure);
    Objects.requireNonNull(kill);
    Objects.requireNonNull(provenance);
    failures = List.copyOf(failures);
  }

  /** Whether a forbidden outcome was observed within the budget. */
  public boolean killed() {
    return kill.isPresent();
  }

  /** {@code native} or {@code emulated:<emulator>}. */
  public String mode() {
    return provenance.mode();
  }

  /** Whether the mutant survived on a target that must kill it: the farm missed it. */
  public boolean missed() {
    return exposure.expected() && !killed();
  }
}
