package org.litmusfarm.coordinator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.schema.v1.OutcomeBatch;
import org.litmusfarm.schema.v1.OutcomeCount;
import org.litmusfarm.schema.v1.Provenance;

/** The ingester against a real Kafka broker and a real PostgreSQL. */
class IngesterTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String SB = sha256("SB fixture program");
  private static final String OTHER = sha256("another fixture program");
  private static final String SC_A = "P0:r0=0; P1:r0=1";
  private static final String SC_B = "P0:r0=1; P1:r0=0";
  private static final String WEAK = "P0:r0=1; P1:r0=1";
  private static final String FORBIDDEN = "P0:r0=0; P1:r0=0";
  private static final String QEMU = "emulated:qemu-aarch64-static";
  private static final AtomicInteger TESTS = new AtomicInteger();

  private static EmbeddedKafka kafka;
  private static EmbeddedPostgres postgres;
  private static KafkaProducer<String, byte[]> producer;
  private static Admin admin;

  private HikariDataSource db;
  private String topic;
  private String group;
  private final List<Ingester> ingesters = new ArrayList<>();

  @BeforeAll
  static void startServers() {
    kafka = EmbeddedKafka.builder().start();
    postgres = EmbeddedPostgres.builder().start();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(p);
    Properties a = new Properties();
    a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    admin = Admin.create(a);
  }

  @AfterAll
  static void stopServers() {
    if (admin != null) {
      admin.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void freshDatabaseAndTopic() throws SQLException {
    int n = TESTS.incrementAndGet();
    Database database = postgres.createDatabase("ingest_" + n);
    db = FarmDatabase.open(database.jdbcUrl(), database.user(), database.password(), 4);
    FarmDatabase.migrate(db);
    topic = "outcomes-" + n;
    group = "ingester-" + n;
    kafka.createTopic(topic, 2);
    sql("INSERT INTO programs (id, name, litmus, verdict, racy) VALUES"
        + " ('" + SB + "', 'SB+atomic', 'fixture', 'SC', false),"
        + " ('" + OTHER + "', 'MP+atomic', 'fixture', 'SC', false)");
    sql("INSERT INTO program_outcomes (program_id, outcome, class) VALUES"
        + " ('" + SB + "', '" + SC_A + "', 'SC'), ('" + SB + "', '" + SC_B + "', 'SC'),"
        + " ('" + SB + "', '" + WEAK + "', 'WEAK'),"
        + " ('" + OTHER + "', '" + FORBIDDEN + "', 'SC')");
    sql("INSERT INTO submissions (id, program_id) VALUES ('s1', '" + SB + "'), ('s2', '" + OTHER + "')");
  }

  @AfterEach
  void closeEverything() {
    ingesters.forEach(Ingester::close);
    db.close();
  }

  @Test
  void countsAndClassesLandPerJobAndOutcome() throws Exception {
    job("j1", SB, "amd64", 1, "leased");
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    start(metrics);
    send(batch("j1", 1, 0, SB, "amd64", "native", Map.of(SC_A, 70L, "P0:r0=1 ;P1:r0=0", 20L, WEAK, 3L)));
    awaitCommitted(1);

    assertEquals(
        Map.of(SC_A, "SC 70", SC_B, "SC 20", WEAK, "WEAK 3"),
        strings("SELECT outcome, class || ' ' || count FROM outcome_counts WHERE job_id = 'j1'"));
    assertEquals(
        Map.of("j1/1/0", "amd64 native 1000"),
        strings("SELECT job_id || '/' || attempt || '/' || sequence,"
            + " arch || ' ' || mode || ' ' || iterations FROM batches"));
    assertEquals(0, count("SELECT count(*) FROM violations"));
    assertEquals(1.0, metrics.counter("farm.batches.ingested").count());
    assertEquals(93.0, metrics.counter("farm.outcomes.ingested").count());
  }

  @Test
  void aForbiddenOutcomeCreatesAViolationAndALaterBatchAddsToItsCountAndLastSeen()
      throws Exception {
    job("j1", SB, "arm64", 1, "leased");
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    start(metrics);
    send(batch("j1", 1, 0, SB, "arm64", "native", Map.of(SC_A, 50L, FORBIDDEN, 4L)));
    awaitCommitted(1);
    assertEquals(Map.of(FORBIDDEN, "FORBIDDEN 4"),
        strings("SELECT outcome, class || ' ' || count FROM outcome_counts WHERE class = 'FORBIDDEN'"));
    assertEquals(Map.of(FORBIDDEN, "4"), strings("SELECT outcome, count::text FROM violations"));
    Timestamp firstSeen = timestamp("SELECT first_seen FROM violations");
    Timestamp lastSeen = timestamp("SELECT last_seen FROM violations");

    send(batch("j1", 1, 1, SB, "arm64", "native", Map.of(FORBIDDEN, 6L)));
    awaitCommitted(2);
    assertEquals(
        Map.of(SB + " arm64 native Xeon go1.26.8 " + FORBIDDEN, "10"),
        strings("SELECT program_id || ' ' || arch || ' ' || mode || ' ' || cpu_model || ' '"
            + " || go_version || ' ' || outcome, count::text FROM violations"));
    assertEquals(firstSeen, timestamp("SELECT first_seen FROM violations"));
    assertTrue(timestamp("SELECT last_seen FROM violations").after(lastSeen));
    assertEquals(Map.of(FORBIDDEN, "FORBIDDEN 10"),
        strings("SELECT outcome, class || ' ' || count FROM outcome_counts WHERE class = 'FORBIDDEN'"));
    assertEquals(10.0, metrics.counter("farm.violations", "arch", "arm64", "mode", "native").count());
  }

  @Test
  void aBatchIngestedTwiceCountsOnce() throws Exception {
    job("j1", SB, "amd64", 1, "leased");
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    start(metrics);
    OutcomeBatch once = batch("j1", 1, 0, SB, "amd64", "native", Map.of(SC_A, 7L, FORBIDDEN, 1L));
    send(once);
    send(once);
    awaitCommitted(2);
    send(once);
    send(batch("j1", 1, 1, SB, "amd64", "native", Map.of(SC_A, 1L)));
    awaitCommitted(4);

    assertEquals(Map.of(SC_A, "8", FORBIDDEN, "1"),
        strings("SELECT outcome, count::text FROM outcome_counts"));
    assertEquals(Map.of(FORBIDDEN, "1"), strings("SELECT outcome, count::text FROM violations"));
    assertEquals(2, count("SELECT count(*) FROM batches"));
    assertEquals(2.0, metrics.counter("farm.batches.ingested").count());
    assertEquals(2.0, metrics.counter("farm.batches.duplicate").count());
    assertEquals(1.0, metrics.counter("farm.violations", "arch", "amd64", "mode", "native").count());
  }

  @Test
  void poisonMessagesAreSkippedAndTheNextGoodBatchIsStillIngested() throws Exception {
    job("j1", SB, "amd64", 1, "leased");
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    start(metrics, new IngestConfig(kafka.bootstrapServers(), topic, group, Duration.ofMillis(100), 4096));
    List<byte[]> values = List.of(
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07},
        batch("nobody", 1, 0, SB, "amd64", "native", Map.of(SC_A, 1L)).toByteArray(),
        batch("j1", 1, 0, OTHER, "amd64", "native", Map.of(SC_A, 1L)).toByteArray(),
        new byte[5000],
        batch("j1", 1, 0, SB, "amd64", "native", Map.of(SC_A, 11L)).toByteArray());
    for (byte[] v : values) {
      producer.send(new ProducerRecord<>(topic, "j1", v)).get(10, TimeUnit.SECONDS);
    }
    awaitCommitted(values.size());

    assertEquals(Map.of(SC_A, "11"), strings("SELECT outcome, count::text FROM outcome_counts"));
    for (String reason : List.of("unparseable", "unknown-job", "program-mismatch", "oversized")) {
      assertEquals(1.0, rejected(metrics, reason), reason);
    }
    assertEquals(1, ingesters.get(0).ingestedBatches());
  }

  @Test
  void offsetsAreCommittedAfterIngestSoANewIngesterInTheGroupDoesNotReread() throws Exception {
    job("j1", SB, "amd64", 1, "leased");
    Ingester first = start(new SimpleMeterRegistry());
    send(batch("j1", 1, 0, SB, "amd64", "native", Map.of(SC_A, 5L)));
    send(batch("j1", 1, 1, SB, "amd64", "native", Map.of(SC_A, 6L)));
    awaitCommitted(2);
    first.close();
    assertEquals(2, first.ingestedBatches());
    assertEquals(2, committed());

    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    Ingester second = start(metrics);
    send(batch("j1", 1, 2, SB, "amd64", "native", Map.of(SC_A, 7L)));
    awaitCommitted(3);
    assertEquals(1, second.ingestedBatches());
    assertEquals(0.0, metrics.counter("farm.batches.duplicate").count());
    assertEquals(Map.of(SC_A, "18"), strings("SELECT outcome, count::text FROM outcome_counts"));
  }

  @Test
  void aBatchOfAnAttemptThatLaterFailedStillCounts() throws Exception {
    job("j1", SB, "amd64", 2, "failed");
    start(new SimpleMeterRegistry());
    send(batch("j1", 1, 0, SB, "amd64", "native", Map.of(WEAK, 2L)));
    send(batch("j1", 2, 0, SB, "amd64", "native", Map.of(WEAK, 3L)));
    send(batch("j1", 3, 0, SB, "amd64", "native", Map.of(WEAK, 100L)));
    awaitCommitted(3);

    assertEquals(Map.of(WEAK, "WEAK 5"), strings("SELECT outcome, class || ' ' || count FROM outcome_counts"));
    assertEquals(Map.of("1/0", "1", "2/0", "1"),
        strings("SELECT attempt || '/' || sequence, count(*)::text FROM batches GROUP BY 1"));
  }

  @Test
  void emulatedAndNativeViolationsAreSeparateRows() throws Exception {
    job("j1", SB, "arm64", 1, "leased");
    job("j2", SB, "arm64", 1, "leased");
    job("j3", OTHER, "arm64", 1, "leased");
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    start(metrics);
    send(batch("j1", 1, 0, SB, "arm64", QEMU, Map.of(FORBIDDEN, 45L)));
    send(batch("j2", 1, 0, SB, "arm64", "native", Map.of(FORBIDDEN, 2L)));
    send(batch("j3", 1, 0, OTHER, "arm64", QEMU, Map.of(FORBIDDEN, 9L)));
    awaitCommitted(3);

    assertEquals(Map.of("native", "2", QEMU, "45"),
        strings("SELECT mode, count::text FROM violations WHERE program_id = '" + SB + "'"));
    assertEquals(0, count("SELECT count(*) FROM violations WHERE program_id = '" + OTHER + "'"));
    assertEquals(45.0, metrics.counter("farm.violations", "arch", "arm64", "mode", QEMU).count());
    assertEquals(2.0, metrics.counter("farm.violations", "arch", "arm64", "mode", "native").count());
  }

  @Test
  void aDatabaseFailureCommitsNoOffsetsAndTheBatchIsIngestedOnceTheDatabaseIsBack()
      throws Exception {
    job("j1", SB, "amd64", 1, "leased");
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    sql("ALTER TABLE outcome_counts RENAME TO outcome_counts_away");
    start(metrics);
    send(batch("j1", 1, 0, SB, "amd64", "native", Map.of(SC_A, 5L, FORBIDDEN, 1L)));
    await(() -> metrics.counter("farm.ingest.failures").count() >= 2, "two failed writes");
    assertEquals(0, committed());
    assertEquals(0, count("SELECT count(*) FROM batches"));
    assertEquals(1.0, metrics.get("farm.ingest.lag").gauge().value());

    sql("ALTER TABLE outcome_counts_away RENAME TO outcome_counts");
    awaitCommitted(1);
    assertEquals(Map.of(SC_A, "5", FORBIDDEN, "1"),
        strings("SELECT outcome, count::text FROM outcome_counts"));
    assertEquals(Map.of(FORBIDDEN, "1"), strings("SELECT outcome, count::text FROM violations"));
    assertEquals(1.0, metrics.counter("farm.batches.ingested").count());
    await(() -> metrics.get("farm.ingest.lag").gauge().value() == 0, "lag to fall to 0");
  }

  @Test
  void aBatchThePostgresRefusesForItsContentIsSkippedAndTheRestOfItsPollIsStored()
      throws Exception {
    job("j1", SB, "amd64", 1, "leased");
    sql("ALTER TABLE batches ADD CONSTRAINT refuse_seven CHECK (sequence <> 7)");
    for (int sequence = 6; sequence <= 8; sequence++) {
      send(batch("j1", 1, sequence, SB, "amd64", "native", Map.of(SC_A, (long) sequence)));
    }
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    start(metrics);
    awaitCommitted(3);

    assertEquals(Map.of(SC_A, "14"), strings("SELECT outcome, count::text FROM outcome_counts"));
    assertEquals(2, count("SELECT count(*) FROM batches"));
    assertEquals(1.0, rejected(metrics, "database-refused"));
    assertEquals(0.0, metrics.counter("farm.ingest.failures").count());
  }

  @Test
  void anIngesterStartsOnceAndClosingTwiceIsHarmless() {
    Ingester ingester = start(new SimpleMeterRegistry());
    assertThrows(IllegalStateException.class, ingester::start);
    ingester.close();
    ingester.close();
    assertThrows(IllegalStateException.class, ingester::start);
    Ingester neverStarted = new Ingester(IngestConfig.defaults(kafka.bootstrapServers()), db, new SimpleMeterRegistry());
    neverStarted.close();
    assertThrows(IllegalStateException.class, neverStarted::start);
  }

  private Ingester start(SimpleMeterRegistry metrics) {
    return start(metrics, new IngestConfig(kafka.bootstrapServers(), topic, group, Duration.ofMillis(100), 1 << 20));
  }

  private Ingester start(SimpleMeterRegistry metrics, IngestConfig config) {
    Ingester ingester = new Ingester(config, db, metrics);
    ingesters.add(ingester);
    ingester.start();
    return ingester;
  }

  private static double rejected(SimpleMeterRegistry metrics, String reason) {
    Counter c = metrics.find("farm.batches.rejected").tag("reason", reason).counter();
    return c == null ? 0 : c.count();
  }

  private static OutcomeBatch batch(
      String job, int attempt, int sequence, String program, String arch, String mode,
      Map<String, Long> counts) {
    OutcomeBatch.Builder b = OutcomeBatch.newBuilder()
        .setJobId(job)
        .setAttempt(attempt)
        .setSequence(sequence)
        .setProgramId(program)
        .setProvenance(Provenance.newBuilder()
            .setArch(arch).setMode(mode).setCpuModel("Xeon").setCores(2)
            .setGoVersion("go1.26.8").setWorkerId("w1"))
        .setIterations(1000)
        .setElapsedNs(1_000_000);
    new TreeMap<>(counts).forEach((o, n) -> b.addCounts(OutcomeCount.newBuilder().setOutcome(o).setCount(n)));
    return b.build();
  }

  private void send(OutcomeBatch batch) throws Exception {
    producer.send(new ProducerRecord<>(topic, batch.getJobId(), batch.toByteArray())).get(10, TimeUnit.SECONDS);
  }

  private void job(String id, String program, String goarch, int attempt, String state) throws SQLException {
    String submission = program.equals(SB) ? "s1" : "s2";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO jobs (id, submission_id, program_id, goarch, params, allow_emulated, state, attempt)"
                + " VALUES (?, ?, ?, ?, '{}'::jsonb, true, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, submission);
      ps.setString(3, program);
      ps.setString(4, goarch);
      ps.setString(5, state);
      ps.setInt(6, attempt);
      ps.executeUpdate();
    }
  }

  /** The group's committed offsets on the test topic, summed over partitions. */
  private long committed() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    return offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private void awaitCommitted(long records) throws Exception {
    await(() -> {
      try {
        return committed() >= records;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "committed offsets to reach " + records);
    assertEquals(records, committed());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(25);
    }
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private long count(String query) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Timestamp timestamp(String query) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  /** Two-column query results as a map from the first column to the second. */
  private Map<String, String> strings(String query) throws SQLException {
    Map<String, String> rows = new LinkedHashMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
