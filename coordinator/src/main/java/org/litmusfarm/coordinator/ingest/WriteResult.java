package org.litmusfarm.coordinator.ingest;

import java.util.List;

/**
 * What one poll's transaction did: batches stored for the first time, batches already stored (or
 * repeated within the poll), records refused by what the database knows, and violations updated.
 */
record WriteResult(
    List<ValidBatch> inserted,
    int duplicates,
    List<Rejection> rejected,
    List<ViolationUpdate> violations) {}
