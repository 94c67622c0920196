package org.litmusfarm.coordinator.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes outcome batches from Kafka as a member of a consumer group and writes them into
 * PostgreSQL. Each poll is one database transaction; Kafka offsets are committed only after it
 * commits, so a crash re-delivers batches that the (job, attempt, sequence) key then ignores. A
 * record that is not an acceptable batch is logged, counted and skipped. When the database fails,
 * nothing is committed: the consumer seeks back and retries the same records after a pause. Every
 * FORBIDDEN outcome observed updates a violation row and is logged at ERROR.
 *
 * <p>{@link #start} runs the poll loop on its own daemon thread; {@link #close} stops it.
 */
public final class Ingester implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Ingester.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_POLL_RECORDS = 5000;
  private static final int SESSION_TIMEOUT_MS = 10_000;

  private final IngestConfig config;
  private final KafkaConsumer<String, byte[]> consumer;
  private final BatchDecoder decoder;
  private final BatchWriter writer;
  private final IngestMetrics metrics;
  private final AtomicLong ingestedBatches = new AtomicLong();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Object lifecycle = new Object();
  private Thread thread;
  private boolean closed;
  private Map<TopicPartition, OffsetAndMetadata> uncommitted = Map.of();

  public Ingester(IngestConfig config, DataSource db, MeterRegistry metrics) {
    this.config = Objects.requireNonNull(config, "config");
    this.decoder = new BatchDecoder(config.maxMessageBytes());
    this.writer = new BatchWriter(Objects.requireNonNull(db, "db"));
    this.metrics = new IngestMetrics(Objects.requireNonNull(metrics, "metrics"));
    this.consumer = new KafkaConsumer<>(consumerProperties(config));
  }

  private static Properties consumerProperties(IngestConfig config) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // A new group starts at the beginning: outcome counts are facts and none may be missed.
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
    // A member that vanished without leaving (a coordinator killed, or stopped while Kafka was
    // down) holds its partitions until its session ends: 10 s instead of the default 45 s.
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /** Starts the poll loop on a daemon thread. Throws IllegalStateException if started or closed. */
  public void start() {
    synchronized (lifecycle) {
      if (closed || thread != null) {
        throw new IllegalStateException(closed ? "ingester is closed" : "ingester already started");
      }
      thread = new Thread(this::run, "farm-ingester");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Batches stored for the first time by this ingester (re-deliveries are not counted). */
  public long ingestedBatches() {
    return ingestedBatches.get();
  }

  /**
   * Stops the poll loop, commits the offsets of everything ingested, leaves the group and closes
   * the consumer. Idempotent.
   */
  @Override
  public void close() {
    Thread running;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      running = thread;
    }
    stopping.countDown();
    if (running == null) {
      consumer.close();
      return;
    }
    consumer.wakeup();
    try {
      running.join(CLOSE_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (running.isAlive()) {
      log.warn("ingester thread did not stop within {}", CLOSE_TIMEOUT);
    }
  }

  private boolean stopped() {
    return stopping.getCount() == 0;
  }

  private void run() {
    log.info(
        "ingesting topic {} as group {} from {}",
        config.topic(), config.groupId(), config.bootstrapServers());
    Duration backoff = FIRST_BACKOFF;
    try {
      consumer.subscribe(List.of(config.topic()));
      while (!stopped()) {
        try {
          ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
          boolean ok = records.isEmpty() || ingest(records);
          updateLag();
          if (ok) {
            backoff = FIRST_BACKOFF;
          } else {
            pause(backoff);
            backoff = longer(backoff);
          }
        } catch (WakeupException e) {
          if (!stopped()) {
            log.warn("ingester woken up without being closed; polling on");
          }
        } catch (InterruptException e) {
          log.warn("ingester thread interrupted; stopping");
          // Only this loop uses the thread: clear the flag so the last commit and close can run.
          Thread.interrupted();
          stopping.countDown();
        } catch (RuntimeException e) {
          log.error("ingest poll failed, retrying in {}: {}", backoff, e.toString(), e);
          pause(backoff);
          backoff = longer(backoff);
        }
      }
    } finally {
      try {
        commitUncommitted();
      } catch (RuntimeException e) {
        log.warn("last offsets not committed; their batches will be read again and ignored: {}",
            e.toString());
      }
      try {
        consumer.close(CLOSE_TIMEOUT);
      } catch (RuntimeException e) {
        log.warn("closing the Kafka consumer failed: {}", e.toString());
      }
      log.info("ingester stopped after {} new batches", ingestedBatches.get());
    }
  }

  /** Ingests one poll; false when the database failed and the records must be read again. */
  private boolean ingest(ConsumerRecords<String, byte[]> records) {
    List<Received> good = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      RecordRef ref = new RecordRef(r.topic(), r.partition(), r.offset());
      try {
        good.add(new Received(ref, decoder.decode(r.value())));
      } catch (RejectedBatchException e) {
        rejected.add(new Rejection(ref, e.reason(), e.getMessage()));
      }
    }
    WriteResult result = new WriteResult(List.of(), 0, List.of(), List.of());
    if (!good.isEmpty()) {
      try {
        result = write(good);
      } catch (SQLException | RuntimeException e) {
        metrics.failed();
        log.warn(
            "database write of {} records failed, offsets not committed, retrying: {}",
            records.count(), oneLine(e));
        rewind(records);
        return false;
      }
    }
    rejected.addAll(result.rejected());
    for (Rejection r : rejected) {
      metrics.rejected(r.reason());
      log.warn("skipping record {}: {}: {}", r.ref(), r.reason().tag(), r.detail());
    }
    for (ViolationUpdate v : result.violations()) {
      logViolation(v);
    }
    metrics.ingested(result);
    ingestedBatches.addAndGet(result.inserted().size());
    uncommitted = nextOffsets(records);
    commitUncommitted();
    return true;
  }

  /**
   * Writes the poll in one transaction. When PostgreSQL refuses it for some row's content, writes
   * each batch in its own transaction instead, so that the offending batches are rejected and the
   * others stored; a poll is never retried forever because of its data.
   */
  private WriteResult write(List<Received> good) throws SQLException {
    try {
      return writer.write(good);
    } catch (SQLException e) {
      if (!RefusedData.isCause(e)) {
        throw e;
      }
      if (good.size() == 1) {
        return refused(good.get(0), e);
      }
      log.warn(
          "database refused a poll of {} batches ({}); writing them one by one",
          good.size(), oneLine(e));
    }
    List<ValidBatch> inserted = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    List<ViolationUpdate> violations = new ArrayList<>();
    int duplicates = 0;
    for (Received r : good) {
      WriteResult one;
      try {
        one = writer.write(List.of(r));
      } catch (SQLException e) {
        if (!RefusedData.isCause(e)) {
          throw e;
        }
        one = refused(r, e);
      }
      inserted.addAll(one.inserted());
      rejected.addAll(one.rejected());
      violations.addAll(one.violations());
      duplicates += one.duplicates();
    }
    return new WriteResult(inserted, duplicates, rejected, violations);
  }

  private static WriteResult refused(Received r, SQLException e) {
    Rejection rejection =
        new Rejection(
            r.ref(),
            RejectReason.DATABASE_REFUSED,
            "SQLSTATE " + e.getSQLState() + ": " + oneLine(e));
    return new WriteResult(List.of(), 0, List.of(rejection), List.of());
  }

  /** An exception as one log line: PostgreSQL puts its detail on further lines. */
  private static String oneLine(Exception e) {
    return e.toString().replaceAll("\\s*\\R\\s*", " ");
  }

  private static void logViolation(ViolationUpdate v) {
    log.error(
        "VIOLATION program={} arch={} mode={} outcome=\"{}\" count={} total={} cpu=\"{}\" go={}"
            + " program_id={}{}",
        v.programName(), v.arch(), v.mode(), v.outcome(), v.added(), v.total(), v.cpuModel(),
        v.goVersion(), v.programId(),
        v.emulated() ? " (emulated: NOT hardware evidence, says nothing about real " + v.arch() + ")" : "");
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (TopicPartition tp : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> ofPartition = records.records(tp);
      next.put(tp, new OffsetAndMetadata(ofPartition.get(ofPartition.size() - 1).offset() + 1));
    }
    return next;
  }

  /** Commits the offsets of the last ingested poll; a failure only means re-delivery later. */
  private void commitUncommitted() {
    if (uncommitted.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(uncommitted);
      uncommitted = Map.of();
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (KafkaException e) {
      log.warn(
          "committing offsets {} failed; those batches will be read again and ignored: {}",
          uncommitted, e.toString());
      uncommitted = Map.of();
    }
  }

  /** Seeks every partition of {@code records} still assigned back to its first record. */
  private void rewind(ConsumerRecords<String, byte[]> records) {
    for (TopicPartition tp : records.partitions()) {
      if (consumer.assignment().contains(tp)) {
        consumer.seek(tp, records.records(tp).get(0).offset());
      }
    }
  }

  private void updateLag() {
    long total = 0;
    for (TopicPartition tp : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(tp);
      if (lag.isPresent()) {
        total += lag.getAsLong();
      }
    }
    metrics.lag(total);
  }

  private void pause(Duration d) {
    try {
      stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping.countDown();
    }
  }

  private static Duration longer(Duration d) {
    Duration doubled = d.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }
}
