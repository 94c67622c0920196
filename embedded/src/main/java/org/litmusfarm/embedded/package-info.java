/**
 * Real servers started in-process for {@code farm up} and for integration tests: a single-node
 * KRaft Kafka broker ({@link org.litmusfarm.embedded.EmbeddedKafka}) and a PostgreSQL server
 * ({@link org.litmusfarm.embedded.EmbeddedPostgres}). Each fails loudly, with the reason, when it
 * cannot start; none of them skips.
 */
package org.litmusfarm.embedded;
