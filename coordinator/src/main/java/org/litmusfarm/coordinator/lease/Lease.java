package org.litmusfarm.coordinator.lease;

import java.time.Instant;

/** A job leased to a worker: which attempt it is and until when the lease holds. */
public record Lease(
    String jobId,
    int attempt,
    String programId,
    String goarch,
    String goVersion,
    String paramsJson,
    Instant expiresAt) {}
