package org.litmusfarm.coordinator.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The ingester's Micrometer meters. */
final class IngestMetrics {
  private final MeterRegistry registry;
  private final Counter outcomes;
  private final Counter batches;
  private final Counter duplicates;
  private final Counter failures;
  private final AtomicLong lag = new AtomicLong();

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.outcomes =
        Counter.builder("farm.outcomes.ingested")
            .description("Outcome observations ingested, summed over outcomes")
            .register(registry);
    this.batches =
        Counter.builder("farm.batches.ingested")
            .description("Outcome batches stored for the first time")
            .register(registry);
    this.duplicates =
        Counter.builder("farm.batches.duplicate")
            .description("Outcome batches received again and ignored")
            .register(registry);
    this.failures =
        Counter.builder("farm.ingest.failures")
            .description("Polls whose database transaction failed and will be retried")
            .register(registry);
    Gauge.builder("farm.ingest.lag", lag, AtomicLong::get)
        .description("Records behind the end of the outcome topic (best effort)")
        .register(registry);
  }

  void ingested(WriteResult result) {
    batches.increment(result.inserted().size());
    duplicates.increment(result.duplicates());
    double observations = 0;
    for (ValidBatch b : result.inserted()) {
      observations += b.observations();
    }
    outcomes.increment(observations);
    for (ViolationUpdate v : result.violations()) {
      Counter.builder("farm.violations")
          .description("FORBIDDEN outcome observations, by architecture and execution mode")
          .tag("arch", v.arch())
          .tag("mode", v.mode())
          .register(registry)
          .increment(v.added());
    }
  }

  void rejected(RejectReason reason) {
    Counter.builder("farm.batches.rejected")
        .description("Kafka records skipped as not acceptable outcome batches")
        .tag("reason", reason.tag())
        .register(registry)
        .increment();
  }

  void failed() {
    failures.increment();
  }

  void lag(long records) {
    lag.set(records);
  }
}
