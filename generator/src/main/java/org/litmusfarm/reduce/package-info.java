/**
 * Violation reduction: shrinks a program that showed a FORBIDDEN outcome to a smaller one that
 * still shows it ({@link org.litmusfarm.reduce.Reducer}). Candidates ({@link
 * org.litmusfarm.reduce.Candidates}) are checked with the text round trip and the oracle; whether
 * a candidate still reproduces on real (or emulated) hardware is asked of a {@link
 * org.litmusfarm.reduce.Reproducer} the caller supplies. Depends on the model, the text format and
 * the oracle only.
 */
package org.litmusfarm.reduce;
