package org.litmusfarm.coordinator.fuzz;

/**
 * How corpus energy changes. Catalog seeds start with {@value #SEED}, plus {@value
 * #PER_SIGNATURE} for each WEAK signature their own catalog run showed first (the budget goes where
 * the hardware and toolchain behave weakly). A mutant that showed new
 * WEAK signatures or a violation joins with {@value #JOIN} plus {@value #PER_SIGNATURE} per new
 * signature and {@value #PER_VIOLATION} if it showed a violation, at most {@value #MAX}, and its
 * parent gains {@value #PARENT_REWARD}; a mutant that showed nothing new costs its parent
 * {@value #PENALTY} (never below 0).
 */
final class Energy {
  static final int SEED = 4;
  static final int JOIN = 4;
  static final int PER_SIGNATURE = 2;
  static final int PER_VIOLATION = 4;
  static final int PARENT_REWARD = 2;
  static final int PENALTY = 1;
  static final int MAX = 16;

  private Energy() {}

  /** A seed's energy once its catalog run showed {@code newSignatures} signatures first. */
  static int seedAfterCatalog(int energy, int newSignatures) {
    return (int) Math.min(MAX, energy + (long) PER_SIGNATURE * newSignatures);
  }

  /** Whether a mutant with these findings joins the corpus. */
  static boolean joins(int newSignatures, int violations) {
    return newSignatures > 0 || violations > 0;
  }

  /** The energy a joining mutant starts with. */
  static int joined(int newSignatures, int violations) {
    long e = JOIN + (long) PER_SIGNATURE * newSignatures + (violations > 0 ? PER_VIOLATION : 0);
    return (int) Math.min(MAX, e);
  }

  /** The parent's energy after its mutant was evaluated. */
  static int parentAfter(int parentEnergy, int newSignatures, int violations) {
    if (joins(newSignatures, violations)) {
      return Math.min(MAX, parentEnergy + PARENT_REWARD);
    }
    return Math.max(0, parentEnergy - PENALTY);
  }
}
