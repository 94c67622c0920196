package org.litmusfarm.coordinator.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.schema.v1.OutcomeBatch;
import org.litmusfarm.schema.v1.OutcomeCount;
import org.litmusfarm.schema.v1.Provenance;

/**
 * How many outcome batches per second the ingester moves from a real Kafka broker into a real
 * PostgreSQL, sustained: it fills the topic with a backlog of realistic batches (four outcomes of
 * SB, one of them WEAK, over 2,000 jobs), then lets one ingester drain it and reports the rate of
 * every 5-second window over the measured period (median, min, max) and overall. Not a test; run
 * with {@code mvn -q -pl coordinator -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.litmusfarm.coordinator.ingest.IngestBenchmark -Dexec.args=60}.
 */
public final class IngestBenchmark {
  private static final String[] OUTCOMES = {
    "P0:r0=0; P1:r0=0", "P0:r0=0; P1:r0=1", "P0:r0=1; P1:r0=0", "P0:r0=1; P1:r0=1"
  };
  private static final int JOBS = 2_000;
  private static final int TARGET_PER_SECOND = 20_000;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    long backlog = (long) (TARGET_PER_SECOND * 1.6 * seconds);
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
      Database database = pg.createDatabase("ingest_benchmark");
      try (HikariDataSource db = FarmDatabase.open(database.jdbcUrl(), database.user(), database.password(), 8)) {
        FarmDatabase.migrate(db);
        String program = fixtures(db);
        kafka.createTopic("bench.outcomes", 3);
        long t0 = System.nanoTime();
        produce(kafka.bootstrapServers(), program, backlog);
        System.out.printf("produced %,d batches in %.1f s%n", backlog, (System.nanoTime() - t0) / 1e9);

        IngestConfig config =
            new IngestConfig(kafka.bootstrapServers(), "bench.outcomes", "bench", IngestConfig.defaults("x").pollTimeout(),
                1 << 20);
        try (Ingester ingester = new Ingester(config, db, new SimpleMeterRegistry())) {
          ingester.start();
          while (ingester.ingestedBatches() == 0) {
            Thread.sleep(50);
          }
          List<Double> windows = new ArrayList<>();
          long start = ingester.ingestedBatches();
          long startNs = System.nanoTime();
          long last = start;
          for (int w = 0; w < seconds / 5; w++) {
            Thread.sleep(5_000);
            long now = ingester.ingestedBatches();
            windows.add((now - last) / 5.0);
            System.out.printf("window %2d: %,.0f batches/s (%,d ingested)%n", w + 1, (now - last) / 5.0, now);
            last = now;
          }
          double overall = (last - start) / ((System.nanoTime() - startNs) / 1e9);
          Collections.sort(windows);
          System.out.printf(
              "ingest: %,.0f batches/s overall over %d s; 5-s windows median %,.0f, min %,.0f, max %,.0f; target %,d%n",
              overall, seconds, windows.get(windows.size() / 2), windows.get(0), windows.get(windows.size() - 1),
              TARGET_PER_SECOND);
          if (last >= backlog) {
            System.out.println("warning: the backlog ran out; the rate is a lower bound");
          }
        }
      }
    }
  }

  private static String fixtures(HikariDataSource db) throws SQLException {
    String program = HexFormat.of().formatHex(sha256("SB benchmark program"));
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      exec(c, "INSERT INTO programs (id, name, litmus, verdict, racy) VALUES (?, 'SB+plain', 'fixture', 'WEAK', true)", program);
      for (int i = 1; i < OUTCOMES.length; i++) {
        exec(c, "INSERT INTO program_outcomes (program_id, outcome, class) VALUES (?, ?, ?)",
            program, OUTCOMES[i], i == 3 ? "WEAK" : "SC");
      }
      exec(c, "INSERT INTO program_outcomes (program_id, outcome, class) VALUES (?, ?, 'WEAK')", program, OUTCOMES[0]);
      exec(c, "INSERT INTO submissions (id, program_id) VALUES ('s-bench', ?)", program);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO jobs (id, submission_id, program_id, goarch, params, allow_emulated, state, attempt)"
              + " VALUES (?, 's-bench', ?, 'amd64', '{}'::jsonb, false, 'leased', 1)")) {
        for (int j = 0; j < JOBS; j++) {
          ps.setString(1, "j-" + j);
          ps.setString(2, program);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
    return program;
  }

  private static void produce(String bootstrap, String program, long batches) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    AtomicLong failed = new AtomicLong();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      for (long i = 0; i < batches; i++) {
        String job = "j-" + (i % JOBS);
        OutcomeBatch.Builder b = OutcomeBatch.newBuilder()
            .setJobId(job).setAttempt(1).setSequence((int) (i / JOBS)).setProgramId(program)
            .setProvenance(Provenance.newBuilder().setArch("amd64").setMode("native").setCpuModel("Intel(R) Xeon(R)")
                .setCores(2).setGoVersion("go1.26.8").setWorkerId("w-bench"))
            .setIterations(1_000_000).setElapsedNs(5_000_000_000L);
        for (int o = 0; o < OUTCOMES.length; o++) {
          b.addCounts(OutcomeCount.newBuilder().setOutcome(OUTCOMES[o]).setCount(1000 + o + i % 7));
        }
        producer.send(new ProducerRecord<>("bench.outcomes", job, b.build().toByteArray()), (m, e) -> {
          if (e != null) {
            failed.incrementAndGet();
          }
        });
      }
      producer.flush();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " batches were not produced");
    }
  }

  private static void exec(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
