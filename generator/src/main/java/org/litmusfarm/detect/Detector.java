package org.litmusfarm.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.harness.GoBuild;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;

/**
 * Runs one mutant over its candidates on one target until the first kill or the end of its budget.
 * Candidates take turns in short slices, in their order ({@link Candidates}), round after round,
 * so a program that needs many iterations still gets them while the likely killers run first.
 * Each program is built once; builds count against the budget. A run is judged against the oracle's
 * decision for the original program: any FORBIDDEN outcome kills the mutant.
 */
public final class Detector {
  /**
   * How long to spend.
   *
   * @param perMutant budget per mutant and target; a slice that starts before it ends runs to its end
   * @param slice how long one run of one program lasts
   */
  public record Budget(Duration perMutant, Duration slice) {
    public Budget {
      if (perMutant.isNegative() || perMutant.isZero()) {
        throw new IllegalArgumentException("the budget per mutant must be positive");
      }
      if (slice.isNegative() || slice.isZero() || slice.compareTo(HarnessParams.MAX_TIME) > 0) {
        throw new IllegalArgumentException("a slice must last between 0 and " + HarnessParams.MAX_TIME);
      }
    }
  }

  private final Trial trial;
  private final String goarch;
  private final String mode;
  private final String cpuModel;
  private final String goVersion;
  private final Consumer<String> progress;
  private final LongSupplier nanoTime;

  /**
   * A detector building with {@code build} for {@code target}, which runs as {@code goarch}, on a
   * host with {@code cpuModel}, toolchain {@code goVersion}; progress lines go to {@code progress}.
   */
  public Detector(GoBuild build, GoTarget target, String goarch, String cpuModel, String goVersion, Consumer<String> progress) {
    this(new BuiltTrial(build, target, line -> {}), goarch, target.mode(), cpuModel, goVersion, progress, System::nanoTime);
  }

  Detector(
      Trial trial,
      String goarch,
      String mode,
      String cpuModel,
      String goVersion,
      Consumer<String> progress,
      LongSupplier nanoTime) {
    this.trial = trial;
    this.goarch = goarch;
    this.mode = mode;
    this.cpuModel = cpuModel;
    this.goVersion = goVersion;
    this.progress = progress;
    this.nanoTime = nanoTime;
  }

  /** Runs {@code mutant} over {@code candidates} (in run order) within {@code budget}. */
  public MutantResult run(Mutant mutant, List<Candidate> candidates, Budget budget) {
    long start = nanoTime.getAsLong();
    long limit = budget.perMutant().toNanos();
    String label = goarch + " " + mode + " " + mutant.tag();
    List<Candidate> turn = new ArrayList<>(candidates);
    Map<String, Integer> run = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    long iterations = 0;
    int runs = 0;
    RunResult last = null;
    Optional<Kill> kill = Optional.empty();
    double secondsToKill = 0;
    progress.accept(label + ": " + candidates.size() + " affected programs, " + seconds(limit) + " s budget");
    rounds:
    while (!turn.isEmpty()) {
      for (Candidate c : List.copyOf(turn)) {
        if (nanoTime.getAsLong() - start >= limit) {
          break rounds;
        }
        HarnessParams params =
            HarnessParams.defaultsFor(c.program()).withTimeBudget(budget.slice()).withMutant(mutant);
        RunResult r;
        try {
          r = trial.run(c.program(), params);
        } catch (IllegalStateException e) {
          String line = c.name() + ": " + e.getMessage().lines().findFirst().orElse("failed");
          failures.add(line);
          progress.accept(label + ": skipping " + line);
          turn.remove(c);
          continue;
        }
        run.merge(c.name(), 1, Integer::sum);
        runs++;
        iterations += r.iterations();
        last = r;
        kill = forbidden(c, r);
        double elapsed = seconds(nanoTime.getAsLong() - start);
        if (kill.isPresent()) {
          secondsToKill = elapsed;
          kill = Optional.of(control(c, run.get(c.name()), budget, kill.get(), label));
          progress.accept(
              String.format(
                  "%s: KILLED by %s (%s) after %.1f s: %s seen %,d times in %,d iterations",
                  label, c.name(), c.prediction().tag(), elapsed, kill.get().outcome(), kill.get().count(), r.iterations()));
          break rounds;
        }
        progress.accept(
            String.format("%s: %s (%s): %,d iterations, no kill [%.1f s]", label, c.name(), c.prediction().tag(), r.iterations(), elapsed));
      }
    }
    double spent = seconds(nanoTime.getAsLong() - start);
    if (kill.isEmpty()) {
      progress.accept(String.format("%s: survived %.1f s, %,d iterations over %d programs", label, spent, iterations, run.size()));
    }
    int cpus = last != null ? last.cpus() : Runtime.getRuntime().availableProcessors();
    Map<String, String> params = last != null ? last.params() : Map.of("mutant", mutant.tag());
    Provenance provenance =
        new Provenance(cpuModel, cpus, last != null ? last.goVersion() : goVersion, params, mode);
    return new MutantResult(
        mutant,
        goarch,
        Exposure.of(mutant, goarch, mode, cpus),
        kill,
        secondsToKill,
        spent,
        iterations,
        runs,
        candidates.size(),
        run.size(),
        provenance,
        failures);
  }

  /**
   * Runs the unmutated program as many slices as the mutant ran it; a failed control run counts
   * as showing nothing. Not part of the time to kill.
   */
  private Kill control(Candidate c, int slices, Budget budget, Kill kill, String label) {
    HarnessParams params = HarnessParams.defaultsFor(c.program()).withTimeBudget(budget.slice());
    long iterations = 0;
    long forbidden = 0;
    for (int i = 0; i < slices; i++) {
      try {
        RunResult r = trial.run(c.program(), params);
        iterations += r.iterations();
        forbidden += r.count(o -> c.decision().classify(o) == OutcomeClass.FORBIDDEN);
      } catch (IllegalStateException e) {
        progress.accept(label + ": control run of " + c.name() + " failed: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    progress.accept(
        String.format(
            "%s: control: unmutated %s showed %,d forbidden outcomes in %,d iterations%s",
            label, c.name(), forbidden, iterations, forbidden > 0 ? " - the kill is not the mutant's doing" : ""));
    return kill.withControl(iterations, forbidden);
  }

  /** The forbidden outcome {@code r} saw most often, if any. */
  static Optional<Kill> forbidden(Candidate c, RunResult r) {
    return r.histogram().entrySet().stream()
        .filter(e -> e.getValue() > 0 && c.decision().classify(e.getKey()) == OutcomeClass.FORBIDDEN)
        .max(Comparator.comparingLong(Map.Entry<Outcome, Long>::getValue))
        .map(e -> new Kill(c.name(), c.prediction(), e.getKey(), e.getValue(), 0, 0));
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
