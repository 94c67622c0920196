package org.litmusfarm.worker.publish;

import org.litmusfarm.schema.v1.OutcomeBatch;

/** Sends outcome batches to the ingester; {@link #publish} returns only once the batch is durable. */
public interface JobPublisher extends AutoCloseable {
  /**
   * Publishes {@code batch} and waits until it is acknowledged.
   *
   * @throws Exception with the reason when the batch could not be delivered
   */
  void publish(OutcomeBatch batch) throws Exception;
}
