/**
 * The farm's own detection score: runs each harness {@link org.litmusfarm.emit.Mutant} over the
 * catalog programs it affects on each target, stops at the first FORBIDDEN outcome (a kill) and
 * scores each architecture by the fraction of mutants killed within a budget ({@link
 * org.litmusfarm.detect.Detector}). Candidates are ordered by what the oracle predicts the mutant
 * makes reachable ({@link org.litmusfarm.detect.Candidates}); whether a CPU can expose a mutant at
 * all is reasoned from the guarantees it loses ({@link org.litmusfarm.detect.Exposure}).
 */
package org.litmusfarm.detect;
