package org.litmusfarm.coordinator.fleet;

import java.time.Instant;
import java.util.Objects;

/** A registered worker as stored: its id, what it registered with, its last heartbeat and jobs done. */
public record WorkerRow(String id, WorkerRegistration registration, Instant lastHeartbeat, long jobsDone) {
  public WorkerRow {
    Objects.requireNonNull(id);
    Objects.requireNonNull(registration);
    Objects.requireNonNull(lastHeartbeat);
  }
}
