/**
 * The outcome ingester: consumes outcome batches from Kafka as a consumer group, writes their
 * counts into PostgreSQL exactly once per (job, attempt, sequence), classifies every outcome by the
 * oracle's stored classes, and records and logs every FORBIDDEN one as a violation.
 */
package org.litmusfarm.coordinator.ingest;
