package org.litmusfarm.coordinator.fuzz;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Picks the corpus entry to mutate next, with probability proportional to energy; when every entry
 * has lost its energy, uniformly (the corpus starts over rather than stopping). The random
 * generator of the n-th draw depends only on the campaign's seed and n, so the same observations
 * give the same mutants.
 */
final class ParentDraw {
  private ParentDraw() {}

  /** The generator of draw {@code n} of a campaign seeded {@code seed}. */
  static RandomGenerator random(long seed, int n) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
  }

  /** The index in {@code energies} (corpus order) of the chosen parent. */
  static int pick(List<Integer> energies, RandomGenerator rng) {
    if (energies.isEmpty()) {
      throw new IllegalArgumentException("the corpus is empty");
    }
    long total = 0;
    for (int e : energies) {
      total += e;
    }
    if (total == 0) {
      return rng.nextInt(energies.size());
    }
    long x = rng.nextLong(total);
    for (int i = 0; i < energies.size(); i++) {
      x -= energies.get(i);
      if (x < 0) {
        return i;
      }
    }
    throw new IllegalStateException("energies changed during the draw");
  }
}
