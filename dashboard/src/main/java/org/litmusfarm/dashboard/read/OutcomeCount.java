package org.litmusfarm.dashboard.read;

/** An outcome with its class (SC, WEAK or FORBIDDEN) and how often it was observed (0 if never). */
public record OutcomeCount(String outcome, String outcomeClass, long count) {}
