package org.litmusfarm.worker.publish;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.litmusfarm.schema.v1.OutcomeBatch;

/**
 * Publishes outcome batches to a Kafka topic with an idempotent producer and {@code acks=all}: the
 * record key is the job id (so a job's batches stay in order on one partition), the value the
 * serialized {@link OutcomeBatch}. {@link #publish} waits for the broker's acknowledgement.
 */
public final class KafkaJobPublisher implements JobPublisher {
  /** Longest {@link #publish} waits for an acknowledgement. */
  public static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final String bootstrapServers;
  private final Duration ackTimeout;

  /** A publisher to {@code topic} on the cluster at {@code bootstrapServers}. */
  public KafkaJobPublisher(String bootstrapServers, String topic) {
    this(bootstrapServers, topic, ACK_TIMEOUT);
  }

  KafkaJobPublisher(String bootstrapServers, String topic, Duration ackTimeout) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("no Kafka bootstrap servers given");
    }
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("no Kafka topic given");
    }
    this.topic = topic;
    this.bootstrapServers = bootstrapServers;
    this.ackTimeout = ackTimeout;
    int timeoutMs = (int) ackTimeout.toMillis();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "litmus-farm-worker");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 30_000));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
  }

  @Override
  public void publish(OutcomeBatch batch) throws Exception {
    String what = "outcome batch " + batch.getSequence() + " of job " + batch.getJobId() + " attempt " + batch.getAttempt();
    try {
      producer
          .send(new ProducerRecord<>(topic, batch.getJobId(), batch.toByteArray()))
          .get(ackTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + bootstrapServers + " did not acknowledge " + what + " on topic " + topic
              + " within " + ackTimeout.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Kafka at " + bootstrapServers + " refused " + what + " on topic " + topic + ": " + e.getCause(), e.getCause());
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + bootstrapServers + " was not reachable for " + what + " on topic " + topic
              + " within " + ackTimeout.toSeconds() + " s: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
