package org.litmusfarm.dashboard.api;

/** The body of {@code POST /api/triage}. */
record TriageRequest(String program, String arch, String mode, String outcome, String state, String note) {}
