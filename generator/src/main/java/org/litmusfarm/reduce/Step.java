package org.litmusfarm.reduce;

import java.time.Duration;

/**
 * One candidate handed to the {@link Reproducer}, and its answer.
 *
 * @param attempt 1 for the first candidate tried, counting up
 * @param candidate the candidate
 * @param reproduced whether it showed the violation (and became the program reduced further)
 * @param elapsed wall time since the reduction started, including this attempt
 */
public record Step(int attempt, Candidate candidate, boolean reproduced, Duration elapsed) {}
