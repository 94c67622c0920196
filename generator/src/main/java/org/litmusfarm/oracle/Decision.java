package org.litmusfarm.oracle;

import java.util.Map;
import java.util.Set;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;

/**
 * What the oracle decided for one program: every allowed outcome with its class ({@code SC} or
 * {@code WEAK}) and the verdict of the {@code exists} condition. Any outcome not listed is
 * {@code FORBIDDEN}.
 */
public interface Decision {
  /** Every allowed outcome and its class, in canonical order. */
  Map<Outcome, OutcomeClass> allowed();

  /** The class of {@code outcome}: its entry in {@link #allowed()}, else FORBIDDEN. */
  OutcomeClass classify(Outcome outcome);

  /** The class of the exists condition. */
  OutcomeClass verdict();

  /** Whether some SC execution has a data race. */
  boolean racy();

  /** The outcomes some sequentially consistent interleaving produces, in canonical order. */
  Set<Outcome> scOutcomes();

  /** How many distinct states the oracle explored, over all its passes. */
  long statesExplored();
}
