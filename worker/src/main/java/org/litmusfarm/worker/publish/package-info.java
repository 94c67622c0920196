/** Where a worker's outcome batches go: Kafka, with every batch acknowledged before it counts as sent. */
package org.litmusfarm.worker.publish;
