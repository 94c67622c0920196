package org.litmusfarm.coordinator.submit;

import java.util.List;
import java.util.Optional;
import org.litmusfarm.schema.v1.Provenance;

/**
 * What one job of a submission has produced so far: its state ({@code queued}, {@code leased},
 * {@code done}, {@code failed}), the iterations of every batch ingested (all attempts: outcomes
 * are facts), where the latest batch came from (none before the first batch), and the counts per
 * outcome in canonical order.
 */
public record JobResult(
    String jobId,
    String arch,
    String state,
    long iterations,
    Optional<Provenance> provenance,
    List<ClassifiedCount> counts) {
  public JobResult {
    counts = List.copyOf(counts);
  }
}
