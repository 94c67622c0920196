package org.litmusfarm.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.model.Statements;
import org.litmusfarm.oracle.Budget;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;

/**
 * Chooses and orders the programs to run a mutant over. A program is a candidate when the mutant
 * changes the Go emitted for it (nothing else: no list of shapes); candidates are ordered by the
 * oracle's {@link Prediction} for the mutated program, then smallest first (fewer statements, then
 * fewer goroutines: they build and run fastest and share CPUs least), then in the given order.
 */
public final class Candidates {
  /** States the oracle may explore to predict one mutated program. */
  static final long PREDICTION_STATES = 200_000;

  private final Oracle oracle;
  private final Oracle predictor = new Oracle(Budget.states(PREDICTION_STATES));
  private final Map<Program, Decision> decisions = new LinkedHashMap<>();

  /** Candidates judged by {@code oracle}. */
  public Candidates(Oracle oracle) {
    this.oracle = oracle;
  }

  /**
   * The programs of {@code programs} that {@code mutant} affects, in run order. A program the
   * oracle cannot decide is left out: nothing could judge its runs.
   */
  public List<Candidate> select(List<Program> programs, Mutant mutant) {
    List<Candidate> chosen = new ArrayList<>();
    for (Program p : programs) {
      if (!affects(mutant, p)) {
        continue;
      }
      decision(p).ifPresent(d -> chosen.add(new Candidate(p, d, predict(p, d, mutant))));
    }
    List<Candidate> ordered = new ArrayList<>(chosen);
    ordered.sort(
        Comparator.comparing(Candidate::prediction)
            .thenComparingInt(c -> size(c.program()))
            .thenComparingInt(c -> c.program().goroutines().size())
            .thenComparingInt(chosen::indexOf));
    return ordered;
  }

  /** Whether {@code mutant} changes the Go emitted for {@code program} (its own name aside). */
  static boolean affects(Mutant mutant, Program program) {
    HarnessParams plain = HarnessParams.defaultsFor(program);
    String original = GoEmitter.emit(program, plain);
    String mutated = GoEmitter.emit(program, plain.withMutant(mutant));
    return !original.equals(mutated.replace("\"mutant\":\"" + mutant.tag() + "\"", "\"mutant\":null"));
  }

  /**
   * What the oracle says {@code mutant} makes reachable in {@code program}, decided {@code
   * original}. Interleavings first (the variants are race-free, so the oracle only interleaves
   * them), the weak pass over the mutated program only when they show nothing, with a smaller
   * budget: a prediction only orders the runs.
   */
  Prediction predict(Program program, Decision original, Mutant mutant) {
    Optional<Program> mutated = MutantModel.of(program, mutant);
    if (mutated.isEmpty()) {
      return Prediction.UNMODELLED;
    }
    try {
      List<Program> variants = StoreBuffering.variants(mutated.get());
      for (int i = 0; i < variants.size(); i++) {
        if (predictor.decide(variants.get(i)).scOutcomes().stream().anyMatch(o -> forbidden(original, o))) {
          return i == 0 ? Prediction.INTERLEAVING : Prediction.STORE_BUFFERING;
        }
      }
      if (predictor.decide(mutated.get()).allowed().keySet().stream().anyMatch(o -> forbidden(original, o))) {
        return Prediction.WEAK_MEMORY;
      }
      return Prediction.NONE;
    } catch (RejectedProgramException e) {
      return Prediction.UNMODELLED;
    }
  }

  private static boolean forbidden(Decision original, Outcome o) {
    return original.classify(o) == OutcomeClass.FORBIDDEN;
  }

  private Optional<Decision> decision(Program p) {
    if (!decisions.containsKey(p)) {
      try {
        decisions.put(p, oracle.decide(p));
      } catch (RejectedProgramException e) {
        decisions.put(p, null);
      }
    }
    return Optional.ofNullable(decisions.get(p));
  }

  private static int size(Program p) {
    return p.goroutines().stream().mapToInt(g -> Statements.count(g.body())).sum();
  }
}
