package org.litmusfarm.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;

/**
 * Decides, by the Go memory model, which outcomes of a program are SC, WEAK or FORBIDDEN.
 *
 * <p>It explores every SC interleaving; if none has a data race, the allowed outcomes are the SC
 * ones (DRF-SC). Otherwise a weak pass explores executions where synchronizing operations keep
 * their interleaving order and racy reads may return any write happens-before lets them see,
 * including promised future writes, without out-of-thin-air dependency cycles (gomm.md 3.2).
 */
public final class Oracle {
  /** Rounds of the weak pass while the value domains of promised reads still grow. */
  private static final int MAX_DOMAIN_ROUNDS = 6;

  private final Budget budget;

  /** Creates an oracle with the default budget ({@link Budget#DEFAULT}). */
  public Oracle() {
    this(Budget.DEFAULT);
  }

  /** Creates an oracle that explores at most {@code budget} states per program. */
  public Oracle(Budget budget) {
    this.budget = Objects.requireNonNull(budget);
  }

  /**
   * The cheap half of {@link #decide}: checks that every sequentially consistent interleaving of
   * {@code program} runs to completion, without exploring weak executions. The mutator uses it to
   * drop programs that can block or panic; a program that passes may still be rejected by {@link
   * #decide} if only a weak execution (a racy read steering an {@code if}) blocks.
   *
   * @throws RejectedProgramException if an interleaving can block or panic, or it is too large
   */
  public void checkCompletes(Program program) {
    new Explorer(new Code(program), null, budget, 0).run();
  }

  /**
   * Decides {@code program}, which must be valid (see {@link org.litmusfarm.model.Validator}).
   *
   * @throws RejectedProgramException if it can block or panic, or is too large to decide
   */
  public Decision decide(Program program) {
    Code code = new Code(program);
    Explorer sc = new Explorer(code, null, budget, 0);
    sc.run();
    long spent = sc.states();
    Set<List<Long>> weak = Set.of();
    if (sc.racy) {
      List<Set<Long>> domain = sc.written;
      for (int round = 0; round < MAX_DOMAIN_ROUNDS; round++) {
        Explorer w = new Explorer(code, toArrays(domain), budget, spent);
        w.run();
        spent += w.states();
        weak = w.outcomes;
        List<Set<Long>> grown = union(domain, w.written);
        if (grown.equals(domain)) {
          break;
        }
        domain = grown;
      }
    }
    Map<Outcome, OutcomeClass> allowed = new HashMap<>();
    for (List<Long> o : weak) {
      allowed.put(outcome(code, o), OutcomeClass.WEAK);
    }
    for (List<Long> o : sc.outcomes) {
      allowed.put(outcome(code, o), OutcomeClass.SC);
    }
    OutcomeClass verdict = OutcomeClass.FORBIDDEN;
    for (Map.Entry<Outcome, OutcomeClass> e : allowed.entrySet()) {
      if (e.getKey().satisfies(program.exists()) && e.getValue().compareTo(verdict) < 0) {
        verdict = e.getValue();
      }
    }
    return new OracleDecision(allowed, verdict, sc.racy, spent);
  }

  private static Outcome outcome(Code code, List<Long> values) {
    long[] vals = new long[values.size()];
    for (int i = 0; i < vals.length; i++) {
      vals[i] = values.get(i);
    }
    return Outcome.of(code.outcomeLocations, vals);
  }

  private static long[][] toArrays(List<Set<Long>> domain) {
    long[][] out = new long[domain.size()][];
    for (int v = 0; v < out.length; v++) {
      out[v] = new TreeSet<>(domain.get(v)).stream().mapToLong(Long::longValue).toArray();
    }
    return out;
  }

  private static List<Set<Long>> union(List<Set<Long>> a, List<Set<Long>> b) {
    List<Set<Long>> out = new ArrayList<>();
    for (int v = 0; v < a.size(); v++) {
      Set<Long> s = new TreeSet<>(a.get(v));
      s.addAll(b.get(v));
      out.add(s);
    }
    return out;
  }
}
