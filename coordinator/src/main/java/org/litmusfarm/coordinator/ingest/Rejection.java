package org.litmusfarm.coordinator.ingest;

/** A skipped record: where it was, why, and the detail for the log. */
record Rejection(RecordRef ref, RejectReason reason, String detail) {}
