package org.litmusfarm.coordinator.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the ingester consumes: Kafka bootstrap servers, the outcome topic, the consumer
 * group, how long one poll waits, and the largest record value accepted (larger ones are rejected).
 */
public record IngestConfig(
    String bootstrapServers, String topic, String groupId, Duration pollTimeout, int maxMessageBytes) {
  /** The outcome topic workers publish to. */
  public static final String DEFAULT_TOPIC = "farm.outcomes";
  /** The consumer group every ingester instance joins. */
  public static final String DEFAULT_GROUP = "farm-ingester";

  public IngestConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    if (bootstrapServers.isBlank() || topic.isBlank() || groupId.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers, topic and group id must not be blank");
    }
    if (pollTimeout.isNegative() || pollTimeout.isZero()) {
      throw new IllegalArgumentException("poll timeout must be positive, got " + pollTimeout);
    }
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("max message bytes must be positive, got " + maxMessageBytes);
    }
  }

  /** Topic farm.outcomes, group farm-ingester, 500 ms polls, records of at most 1 MiB. */
  public static IngestConfig defaults(String bootstrapServers) {
    return new IngestConfig(
        bootstrapServers, DEFAULT_TOPIC, DEFAULT_GROUP, Duration.ofMillis(500), 1 << 20);
  }
}
