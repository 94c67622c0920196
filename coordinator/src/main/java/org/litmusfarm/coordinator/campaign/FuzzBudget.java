package org.litmusfarm.coordinator.campaign;

/**
 * How much outcome-guided fuzzing a campaign does: how many mutants it runs in all, how long each
 * runs per architecture, and how many may be waiting for results at once.
 *
 * @param mutants mutants to run (the budget)
 * @param seconds hammering time per mutant and architecture
 * @param parallel mutants scheduled but not yet evaluated, at most
 */
public record FuzzBudget(int mutants, double seconds, int parallel) {
  static final int MAX_MUTANTS = 10_000;

  public FuzzBudget {
    if (mutants < 0 || mutants > MAX_MUTANTS) {
      throw new IllegalArgumentException("mutants must be between 0 and " + MAX_MUTANTS);
    }
    if (!(seconds > 0) || seconds > 3600) {
      throw new IllegalArgumentException("seconds must be more than 0 and at most 3600");
    }
    if (parallel < 1 || parallel > 1000) {
      throw new IllegalArgumentException("parallel must be between 1 and 1000");
    }
  }
}
