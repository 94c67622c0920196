package org.litmusfarm.coordinator.ingest;

import java.util.Map;
import java.util.SortedMap;

/**
 * An outcome batch that passed every check that needs no database: ids and provenance present,
 * nothing negative, outcomes in canonical text, each distinct outcome once with a positive count.
 */
record ValidBatch(
    String jobId,
    int attempt,
    int sequence,
    String programId,
    String arch,
    String mode,
    String cpuModel,
    int cores,
    String goVersion,
    String workerId,
    long iterations,
    long elapsedNs,
    SortedMap<String, Long> counts) {

  /** The identity that makes ingestion idempotent. */
  record Key(String jobId, int attempt, int sequence) {}

  Key key() {
    return new Key(jobId, attempt, sequence);
  }

  /** Observations in this batch, over all outcomes. */
  long observations() {
    long sum = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      sum += e.getValue();
    }
    return sum;
  }

  boolean emulated() {
    return !mode.equals("native");
  }
}
