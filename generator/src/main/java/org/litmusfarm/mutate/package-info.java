/**
 * The fuzzer's mutator: weighted operators over model programs ({@link org.litmusfarm.mutate.Mutator})
 * and a canonical form for deduplication ({@link org.litmusfarm.mutate.CanonicalForm}). Depends
 * only on the model; the deadlock and panic check is injected as a predicate.
 */
package org.litmusfarm.mutate;
