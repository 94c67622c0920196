package org.litmusfarm.mutate;

/**
 * Operator weights of {@link Mutator} (relative; 0 disables an operator) and how many times one
 * mutation is retried when the result is invalid, unchanged or not accepted.
 */
public record MutateOptions(
    int changeKind,
    int wrapMutex,
    int addChannelHandoff,
    int addAtomicFlag,
    int removeSync,
    int addGoroutine,
    int addStatement,
    int removeStatement,
    int changeConstant,
    int addDataDependency,
    int swapAdjacent,
    int changeCapacity,
    int maxAttempts) {

  /** Favours access-kind and statement edits, which keep the shape recognisable. */
  public static final MutateOptions DEFAULTS = new MutateOptions(8, 3, 2, 3, 2, 1, 4, 3, 4, 2, 3, 1, 50);

  public MutateOptions {
    for (Operator op : Operator.values()) {
      if (weightOf(op, changeKind, wrapMutex, addChannelHandoff, addAtomicFlag, removeSync, addGoroutine,
              addStatement, removeStatement, changeConstant, addDataDependency, swapAdjacent, changeCapacity) < 0) {
        throw new IllegalArgumentException("operator weights must not be negative: " + op.label());
      }
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The weight of {@code op}. */
  public int weight(Operator op) {
    return weightOf(op, changeKind, wrapMutex, addChannelHandoff, addAtomicFlag, removeSync, addGoroutine,
        addStatement, removeStatement, changeConstant, addDataDependency, swapAdjacent, changeCapacity);
  }

  /** Options where only {@code op} has a weight. */
  public static MutateOptions only(Operator op) {
    int[] w = new int[Operator.values().length];
    w[op.ordinal()] = 1;
    return new MutateOptions(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11],
        DEFAULTS.maxAttempts());
  }

  private static int weightOf(Operator op, int... weights) {
    return weights[op.ordinal()];
  }
}
