package org.litmusfarm.mutate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Validator;

/**
 * Makes valid mutants of litmus programs by applying one weighted operator at a time (see
 * {@link Operator}). A mutant is kept only if it passes {@link Validator}, differs from its parent
 * by {@link CanonicalForm}, and passes {@code accept} (wired to the oracle's deadlock and panic
 * check by the caller). Mutants are named {@code PARENT-mHASH} (HASH: 10 hex digits of the
 * canonical form) and their doc line is {@code parent=NAME op=OPERATOR}. Output depends only on
 * the inputs and the random generator's state.
 */
public final class Mutator {
  private static final int MAX_NAME = 100;
  private static final String MUTANT_MARK = "-m";
  private static final int HASH_DIGITS = 10;

  private final MutateOptions options;
  private final RandomGenerator rng;
  private final Predicate<Program> accept;
  private final Operators operators;
  private final int totalWeight;

  public Mutator(MutateOptions options, RandomGenerator rng, Predicate<Program> accept) {
    this.options = options;
    this.rng = rng;
    this.accept = accept;
    this.operators = new Operators(rng);
    int sum = 0;
    for (Operator op : Operator.values()) {
      sum += options.weight(op);
    }
    if (sum == 0) {
      throw new IllegalArgumentException("at least one operator needs a positive weight");
    }
    this.totalWeight = sum;
  }

  /**
   * One mutant of {@code parent}, or empty if {@code maxAttempts} attempts gave no valid, changed
   * and accepted program.
   */
  public Optional<Mutant> mutate(Program parent) {
    String parentForm = CanonicalForm.of(parent);
    for (int attempt = 0; attempt < options.maxAttempts(); attempt++) {
      Optional<Mutant> m = attempt(parent, parentForm);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  /**
   * Up to {@code count} mutants, distinct from each other and from {@code seed} by canonical form.
   * Each is a mutant of the seed or of an earlier mutant, so the fuzzer walks away from the seed.
   */
  public List<Program> mutants(Program seed, int count) {
    List<Program> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(CanonicalForm.of(seed));
    int failures = 0;
    while (out.size() < count && failures < options.maxAttempts() * 4) {
      Program parent = out.isEmpty() || rng.nextBoolean() ? seed : out.get(rng.nextInt(out.size()));
      Optional<Mutant> m = mutate(parent);
      if (m.isPresent() && seen.add(CanonicalForm.of(m.get().program()))) {
        out.add(m.get().program());
        failures = 0;
      } else {
        failures++;
      }
    }
    return out;
  }

  private Optional<Mutant> attempt(Program parent, String parentForm) {
    Operator op = drawOperator();
    Draft draft = new Draft(parent);
    if (!operators.apply(op, draft)) {
      return Optional.empty();
    }
    Optional<Program> built = draft.build(parent.name(), "parent=" + parent.name() + " op=" + op.label());
    if (built.isEmpty() || !Validator.isValid(built.get())) {
      return Optional.empty();
    }
    String form = CanonicalForm.of(built.get());
    if (form.equals(parentForm)) {
      return Optional.empty();
    }
    Program named = built.get().withName(mutantName(parent.name(), CanonicalForm.hashOf(form)));
    if (!accept.test(named)) {
      return Optional.empty();
    }
    return Optional.of(new Mutant(named, op));
  }

  private Operator drawOperator() {
    int x = rng.nextInt(totalWeight);
    for (Operator op : Operator.values()) {
      x -= options.weight(op);
      if (x < 0) {
        return op;
      }
    }
    throw new IllegalStateException("weights changed while drawing");
  }

  /** {@code PARENT-mHASH}, where a parent that is itself a mutant contributes only its root name. */
  static String mutantName(String parentName, String hash) {
    int mark = parentName.indexOf(MUTANT_MARK);
    String root = mark >= 0 ? parentName.substring(0, mark) : parentName;
    String suffix = MUTANT_MARK + hash.substring(0, HASH_DIGITS);
    if (root.length() + suffix.length() > MAX_NAME) {
      root = root.substring(0, MAX_NAME - suffix.length());
    }
    return root + suffix;
  }
}
