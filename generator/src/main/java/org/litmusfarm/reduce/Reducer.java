package org.litmusfarm.reduce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.litmusfarm.model.ProgramId;
import org.litmusfarm.text.Programs;

/**
 * Greedy delta debugging of a violation. It first narrows the violation to the locations that
 * make it forbidden ({@link Candidates#narrow}). Each round lists the edits of the current program
 * ({@link Edits}), shuffles them with the seed and sorts them by size, smallest first; it checks
 * them in that order ({@link Candidates}) and hands each valid one to the {@link Reproducer}. The
 * first that reproduces becomes the current program and a new round starts. A round in which
 * nothing reproduces is repeated with the candidates that have not yet failed {@link
 * ReduceLimits#triesPerCandidate()} times, smallest first again; when every candidate has, the
 * program is minimal. The attempt and time limits stop it earlier. With the same seed and the
 * same answers the reduction is the same.
 */
public final class Reducer {
  private final Candidates candidates;
  private final Reproducer reproducer;
  private final ReduceLimits limits;
  private final Consumer<Step> progress;
  private final LongSupplier nanoClock;

  /**
   * A reducer that checks edits with {@code candidates}, runs them with {@code reproducer} within
   * {@code limits} and reports every attempt to {@code progress}.
   */
  public Reducer(Candidates candidates, Reproducer reproducer, ReduceLimits limits, Consumer<Step> progress) {
    this(candidates, reproducer, limits, progress, System::nanoTime);
  }

  Reducer(Candidates candidates, Reproducer reproducer, ReduceLimits limits, Consumer<Step> progress,
      LongSupplier nanoClock) {
    this.candidates = Objects.requireNonNull(candidates);
    this.reproducer = Objects.requireNonNull(reproducer);
    this.limits = Objects.requireNonNull(limits);
    this.progress = Objects.requireNonNull(progress);
    this.nanoClock = Objects.requireNonNull(nanoClock);
  }

  /**
   * Reduces {@code start}, whose outcome must have been observed and be forbidden.
   *
   * @throws IllegalArgumentException if the oracle allows {@code start}'s outcome
   */
  public Reduction reduce(Violation start) {
    long t0 = nanoClock.getAsLong();
    SplittableRandom rng = new SplittableRandom(limits.seed());
    Map<ProgramId, Integer> failures = new HashMap<>();
    failures.put(Programs.id(start.program()), limits.triesPerCandidate());
    List<Step> accepted = new ArrayList<>();
    Violation current = candidates.narrow(start);
    int attempts = 0;
    int rejected = 0;
    Reduction.Stop stop = Reduction.Stop.MINIMAL;
    Map<String, Optional<Candidate>> checked = new HashMap<>();
    rounds:
    while (true) {
      boolean triedAny = false;
      for (Edit edit : ordered(Edits.of(current), rng)) {
        Optional<Reduction.Stop> over = over(attempts, t0);
        if (over.isPresent()) {
          stop = over.get();
          break rounds;
        }
        Optional<Candidate> c = checked.get(edit.description());
        if (c == null) {
          c = candidates.check(current, edit);
          checked.put(edit.description(), c);
          rejected += c.isEmpty() ? 1 : 0;
        }
        if (c.isEmpty()) {
          continue;
        }
        ProgramId id = Programs.id(c.get().violation().program());
        if (failures.getOrDefault(id, 0) >= limits.triesPerCandidate()) {
          continue;
        }
        triedAny = true;
        attempts++;
        boolean reproduced = reproducer.reproduces(c.get().violation());
        Step step = new Step(attempts, c.get(), reproduced, since(t0));
        progress.accept(step);
        if (reproduced) {
          accepted.add(step);
          current = c.get().violation();
          checked.clear();
          continue rounds;
        }
        failures.merge(id, 1, Integer::sum);
      }
      if (!triedAny) {
        break;
      }
    }
    return new Reduction(start, current, accepted, attempts, rejected, since(t0), stop);
  }

  private static List<Edit> ordered(List<Edit> edits, SplittableRandom rng) {
    List<Edit> shuffled = new ArrayList<>(edits);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Edit e = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, e);
    }
    return Candidates.sorted(shuffled);
  }

  private Optional<Reduction.Stop> over(int attempts, long t0) {
    if (attempts >= limits.maxAttempts()) {
      return Optional.of(Reduction.Stop.ATTEMPTS);
    }
    if (since(t0).compareTo(limits.maxTime()) >= 0) {
      return Optional.of(Reduction.Stop.TIME);
    }
    return Optional.empty();
  }

  private Duration since(long t0) {
    return Duration.ofNanos(nanoClock.getAsLong() - t0);
  }
}
