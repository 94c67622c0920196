package org.litmusfarm.coordinator.reduction;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.litmusfarm.coordinator.submit.Submissions;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.reduce.Candidates;
import org.litmusfarm.reduce.ReduceLimits;
import org.litmusfarm.reduce.Reducer;
import org.litmusfarm.reduce.Reduction;
import org.litmusfarm.reduce.Size;
import org.litmusfarm.reduce.Step;
import org.litmusfarm.reduce.Violation;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Programs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's reduction loop, one step per call of {@link #runOnce}: find violations without
 * a reduction, claim one (queued, or abandoned by a coordinator that stopped), and reduce it to
 * the end, re-running candidates on the farm and storing every smaller program that reproduces
 * as it is found. Runs on its own thread: a reduction takes minutes.
 */
public final class ReductionWork {
  /** How long to wait before looking for work again when there was none. */
  public static final Duration IDLE_PAUSE = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(ReductionWork.class);

  private final DataSource db;
  private final Submissions submissions;
  private final ReductionSettings settings;
  private final ReductionStore store;
  private final Oracle oracle = new Oracle();

  /** Reductions over {@code db}, submitting candidates through {@code submissions}, claimed as {@code owner}. */
  public ReductionWork(DataSource db, Submissions submissions, ReductionSettings settings, String owner) {
    this.db = Objects.requireNonNull(db);
    this.submissions = Objects.requireNonNull(submissions);
    this.settings = Objects.requireNonNull(settings);
    this.store = new ReductionStore(db, owner);
  }

  /** Discovers new violations and reduces one of them, if any is waiting; returns whether it did. */
  public boolean runOnce() {
    int found = store.discover();
    if (found > 0) {
      LOG.info("{} violation(s) to reduce", found);
    }
    return store.claim().map(this::reduce).orElse(false);
  }

  private boolean reduce(Claimed claim) {
    Violation start;
    try {
      Program program = Parser.parse("reduction-" + claim.id() + ".litmus", claim.litmus()).program();
      start = new Candidates(oracle).narrow(Violation.checked(program, Outcome.parse(claim.outcome()), oracle));
    } catch (RuntimeException e) {
      store.finish(claim.id(), false, "cannot reduce: " + e.getMessage());
      LOG.warn("reduction {}: cannot reduce: {}", claim.id(), e.getMessage());
      return true;
    }
    store.started(claim.id(), start.outcome().toString(), sizeOf(start));
    int attemptsLeft = settings.maxAttempts() - claim.attempts();
    if (attemptsLeft < 1) {
      store.finish(claim.id(), true, Reduction.Stop.ATTEMPTS.name());
      return true;
    }
    LOG.info("reduction {}: {} on {} {} ({}), outcome {}", claim.id(), start.program().name(), claim.arch(), claim.mode(),
        sizeOf(start), start.outcome());
    Reducer reducer =
        new Reducer(new Candidates(oracle), new FarmReproducer(db, submissions, store, claim, settings),
            new ReduceLimits(attemptsLeft, settings.maxTime(), 1, 2), step -> accepted(claim, step));
    try {
      Reduction r = reducer.reduce(start);
      store.finish(claim.id(), true, r.stop().name());
      LOG.info("reduction {}: {} after {} candidate(s) in {} s: {} -> {}", claim.id(), r.stop(), r.attempts(),
          r.elapsed().toSeconds(), r.originalSize(), r.reducedSize());
    } catch (FarmReproducer.NoWorkerException e) {
      store.finish(claim.id(), false, e.getMessage());
      LOG.warn("reduction {}: {}", claim.id(), e.getMessage());
    } catch (FarmReproducer.ClaimLostException | FarmReproducer.CancellationException e) {
      LOG.info("reduction {}: stopped ({}); it resumes from the smallest program found", claim.id(), e.getMessage());
    }
    return true;
  }

  private void accepted(Claimed claim, Step step) {
    if (!step.reproduced()) {
      return;
    }
    Violation v = step.candidate().violation();
    store.accepted(claim.id(), Programs.id(v.program()).hex(), v.outcome().toString(), sizeOf(v));
    LOG.info("reduction {}: candidate {} reproduced ({}), now {}", claim.id(), step.attempt(), step.candidate().edit(),
        sizeOf(v));
  }

  private static String sizeOf(Violation v) {
    return Size.of(v.program()).toString();
  }
}
