package org.litmusfarm.oracle;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;

/** The oracle's {@link Decision}: an immutable table of allowed outcomes. */
record OracleDecision(
    Map<Outcome, OutcomeClass> allowed, OutcomeClass verdict, boolean racy, long statesExplored)
    implements Decision {

  OracleDecision {
    allowed = Collections.unmodifiableMap(new TreeMap<>(allowed));
  }

  @Override
  public OutcomeClass classify(Outcome outcome) {
    return allowed.getOrDefault(outcome, OutcomeClass.FORBIDDEN);
  }

  @Override
  public Set<Outcome> scOutcomes() {
    Set<Outcome> sc = new TreeSet<>();
    allowed.forEach((o, c) -> {
      if (c == OutcomeClass.SC) {
        sc.add(o);
      }
    });
    return Collections.unmodifiableSet(sc);
  }
}
