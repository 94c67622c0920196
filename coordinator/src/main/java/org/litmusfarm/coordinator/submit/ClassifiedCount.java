package org.litmusfarm.coordinator.submit;

import org.litmusfarm.model.OutcomeClass;

/** How often one outcome was observed for a job, and the class the oracle gives it. */
public record ClassifiedCount(String outcome, long count, OutcomeClass outcomeClass) {}
