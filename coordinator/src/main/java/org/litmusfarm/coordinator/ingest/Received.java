package org.litmusfarm.coordinator.ingest;

/** A decoded batch and the record it came from. */
record Received(RecordRef ref, ValidBatch batch) {}
