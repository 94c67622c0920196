package org.litmusfarm.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.schema.v1.CompleteRequest;
import org.litmusfarm.schema.v1.FailRequest;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.schema.v1.Job;
import org.litmusfarm.schema.v1.OutcomeBatch;
import org.litmusfarm.schema.v1.OutcomeCount;
import org.litmusfarm.schema.v1.RegisterRequest;
import org.litmusfarm.worker.job.CoreShare;
import org.litmusfarm.worker.job.JobRunner;
import org.litmusfarm.worker.publish.KafkaJobPublisher;

/** The worker against a fake coordinator, a real Kafka broker and the real Go toolchain. */
class WorkerTest {
  private static final String SB = Catalog.load().find("SB+plain").orElseThrow().text().orElseThrow();
  private static EmbeddedKafka kafka;

  @TempDir Path cache;

  @BeforeAll
  static void start() {
    requireTool(GoToolchain.find().isPresent(), "go");
    kafka = EmbeddedKafka.builder().start();
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  static void requireTool(boolean present, String tool) {
    if (!present && System.getenv("CI") != null) {
      fail(tool + " is required under CI but missing");
    }
    Assumptions.assumeTrue(present, "skipped: " + tool + " is not installed");
  }

  /** A running worker with its fake coordinator and topic. */
  private final class Farm implements AutoCloseable {
    final String topic = "outcomes-" + UUID.randomUUID();
    final FakeCoordinator coordinator;
    final Worker worker;
    final Thread thread;

    Farm(WorkerConfig config, int heartbeatSeconds, Duration runSlack) throws Exception {
      kafka.createTopic(topic, 1);
      coordinator = new FakeCoordinator(kafka.bootstrapServers(), topic, heartbeatSeconds);
      worker = new Worker(config, coordinator.channel(),
          r -> new KafkaJobPublisher(r.getKafkaBootstrap(), r.getOutcomeTopic()), runSlack, Optional.empty(), CoreShare.ofThisMachine());
      thread = new Thread(worker::run, "worker-under-test");
      thread.start();
    }

    List<OutcomeBatch> batches(int atLeast) {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      List<OutcomeBatch> out = new ArrayList<>();
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
        c.subscribe(List.of(topic));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (out.size() < atLeast && !endsWithLast(out) && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
            try {
              OutcomeBatch b = OutcomeBatch.parseFrom(r.value());
              assertEquals(b.getJobId(), r.key());
              out.add(b);
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          }
        }
      }
      return out;
    }

    private boolean endsWithLast(List<OutcomeBatch> out) {
      return !out.isEmpty() && out.get(out.size() - 1).getLast();
    }

    @Override
    public void close() throws Exception {
      worker.close();
      thread.join(10_000);
      coordinator.close();
    }
  }

  private WorkerConfig config(Duration batch) {
    return WorkerConfig.defaults("localhost:1").withCacheDir(cache).withTiming(batch, Duration.ofMillis(50));
  }

  private static Job job(String id, String litmus, HarnessParams params) {
    return Job.newBuilder().setJobId(id).setAttempt(1).setLitmus(litmus).setParams(params).build();
  }

  private static HarnessParams seconds(double s) {
    return HarnessParams.newBuilder().setSeconds(s).build();
  }

  private static HarnessParams iterations(long n) {
    return HarnessParams.newBuilder().setIterations(n).build();
  }

  @Test
  void aTimedJobIsPublishedInBatchesAndCompletedAfterTheLastOne() throws Exception {
    try (Farm farm = new Farm(config(Duration.ofSeconds(1)), 1, JobRunner.DEFAULT_RUN_SLACK)) {
      farm.coordinator.jobs.add(job("j-1", SB, seconds(2)));
      CompleteRequest done = farm.coordinator.completes.poll(40, TimeUnit.SECONDS);
      assertNotNull(done, "no Complete; fails: " + farm.coordinator.fails);
      List<OutcomeBatch> batches = farm.batches(done.getBatches());
      assertTrue(done.getBatches() >= 2, "batches: " + done.getBatches());
      assertEquals(done.getBatches(), batches.size());
      long iterations = 0;
      for (int i = 0; i < batches.size(); i++) {
        OutcomeBatch b = batches.get(i);
        assertEquals(i, b.getSequence());
        assertEquals(i == batches.size() - 1, b.getLast(), "last flag of batch " + i);
        assertEquals(b.getIterations(), b.getCountsList().stream().mapToLong(OutcomeCount::getCount).sum());
        assertTrue(b.getIterations() > 0);
        assertEquals("w-1", b.getProvenance().getWorkerId());
        assertEquals("native", b.getProvenance().getMode());
        for (OutcomeCount c : b.getCountsList()) {
          assertEquals(c.getOutcome(), Outcome.parse(c.getOutcome()).toString(), "not canonical");
          assertTrue(c.getOutcome().startsWith("P0:r0="), c.getOutcome());
        }
        iterations += b.getIterations();
      }
      assertEquals(iterations, done.getIterations());
      assertEquals("w-1", done.getProvenance().getWorkerId());
      assertFalse(farm.coordinator.heartbeats.isEmpty(), "no heartbeat during a 2 s job with 1 s heartbeats");
      assertTrue(farm.coordinator.fails.isEmpty());
      RegisterRequest reg = farm.coordinator.registers.peek();
      assertEquals(1, reg.getContractRevisionValue());
      assertFalse(reg.getGoVersionsList().isEmpty());
    }
  }

  @Test
  void aCompletionAsksForTheNextJobAndTheWorkerRunsItWithoutAnotherLeaseCall() throws Exception {
    try (Farm farm = new Farm(config(Duration.ofMillis(300)), 10, JobRunner.DEFAULT_RUN_SLACK)) {
      farm.coordinator.jobs.addAll(List.of(job("j-1", SB, iterations(1000)), job("j-2", SB, iterations(1000))));
      CompleteRequest first = farm.coordinator.completes.poll(30, TimeUnit.SECONDS);
      CompleteRequest second = farm.coordinator.completes.poll(30, TimeUnit.SECONDS);
      assertNotNull(second, "the job handed out by the completion did not run; fails: " + farm.coordinator.fails);
      assertEquals(List.of("j-1", "j-2"), List.of(first.getJobId(), second.getJobId()));
      assertTrue(first.getLeaseNext());
      assertEquals(1, farm.coordinator.leasedByLeaseCalls.get());
    }
  }

  @Test
  void anUnparsableJobIsFailedWithTheParserMessageAndTheNextJobStillRuns() throws Exception {
    try (Farm farm = new Farm(config(Duration.ofMillis(300)), 10, JobRunner.DEFAULT_RUN_SLACK)) {
      farm.coordinator.jobs.add(job("bad", "litmus X\nvar x\nP0 {\n  x = \n}\n", iterations(1)));
      farm.coordinator.jobs.add(job("good", SB, iterations(1000)));
      FailRequest failed = farm.coordinator.fails.poll(30, TimeUnit.SECONDS);
      assertNotNull(failed);
      assertEquals("bad", failed.getJobId());
      assertTrue(failed.getReason().matches("(?s).*job-bad\\.litmus:\\d+:\\d+: .*"), failed.getReason());
      CompleteRequest done = farm.coordinator.completes.poll(30, TimeUnit.SECONDS);
      assertNotNull(done, "the next job was not served; fails: " + farm.coordinator.fails);
      assertEquals("good", done.getJobId());
    }
  }

  @Test
  void aHarnessOverItsHardLimitIsFailedAndTheWorkerKeepsServing() throws Exception {
    // The hard limit is the batch budget plus this slack; a slack of -250 ms puts it well inside the
    // harness's own 500 ms, so the harness is always over it. (With +1 ms it sometimes finished in
    // time and was completed instead.)
    try (Farm farm = new Farm(config(Duration.ofMillis(500)), 10, Duration.ofMillis(-250))) {
      farm.coordinator.jobs.add(job("slow", SB, seconds(0.5)));
      farm.coordinator.jobs.add(job("next", "not litmus", iterations(1)));
      FailRequest slow = farm.coordinator.fails.poll(30, TimeUnit.SECONDS);
      assertNotNull(slow);
      assertEquals("slow", slow.getJobId());
      assertTrue(slow.getReason().contains("timed out"), slow.getReason());
      FailRequest next = farm.coordinator.fails.poll(30, TimeUnit.SECONDS);
      assertNotNull(next, "the worker stopped serving after a hung harness");
      assertEquals("next", next.getJobId());
      assertTrue(farm.coordinator.completes.isEmpty());
    }
  }

  @Test
  void theSecondRunOfAProgramReusesTheCachedBinary() throws Exception {
    try (Farm farm = new Farm(config(Duration.ofMillis(200)), 10, JobRunner.DEFAULT_RUN_SLACK)) {
      farm.coordinator.jobs.add(job("first", SB, iterations(1000)));
      assertNotNull(farm.coordinator.completes.poll(30, TimeUnit.SECONDS), "fails: " + farm.coordinator.fails);
      assertEquals(1, farm.worker.builds());
      assertEquals(0, farm.worker.cacheHits());
      farm.coordinator.jobs.add(job("second", SB, iterations(1000)));
      assertNotNull(farm.coordinator.completes.poll(30, TimeUnit.SECONDS), "fails: " + farm.coordinator.fails);
      assertEquals(1, farm.worker.builds(), "the second job ran go build again");
      assertEquals(1, farm.worker.cacheHits());
    }
  }

  @Test
  void theTokenReachesTheCoordinatorAsBearerMetadataOnEveryCall() throws Exception {
    try (Farm farm = new Farm(config(Duration.ofMillis(200)).withToken("s3cret-t0ken"), 10, JobRunner.DEFAULT_RUN_SLACK)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (farm.coordinator.leases < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(farm.coordinator.leases >= 2);
      assertTrue(farm.coordinator.authorizations.size() >= 3);
      assertTrue(farm.coordinator.authorizations.stream().allMatch("Bearer s3cret-t0ken"::equals), farm.coordinator.authorizations.toString());
      assertFalse(farm.worker.toString().contains("s3cret"));
      assertFalse(config(Duration.ofSeconds(1)).withToken("s3cret-t0ken").toString().contains("s3cret"));
    }
  }

  @Test
  void aLostLeaseAbandonsTheJobWithoutCompletingIt() throws Exception {
    try (Farm farm = new Farm(config(Duration.ofMillis(500)), 1, JobRunner.DEFAULT_RUN_SLACK)) {
      farm.coordinator.heartbeatStatus = Status.FAILED_PRECONDITION.withDescription("lease expired");
      farm.coordinator.jobs.add(job("lost", SB, seconds(20)));
      assertNotNull(farm.coordinator.heartbeats.poll(30, TimeUnit.SECONDS));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (farm.coordinator.leases < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(farm.coordinator.leases >= 3, "the worker did not go back to leasing");
      assertTrue(farm.coordinator.completes.isEmpty());
      assertTrue(farm.coordinator.fails.isEmpty());
    }
  }

  @Test
  void closingGivesTheCurrentJobBackAfterItsBatch() throws Exception {
    Farm farm = new Farm(config(Duration.ofMillis(500)), 10, JobRunner.DEFAULT_RUN_SLACK);
    try {
      farm.coordinator.jobs.add(job("long", SB, seconds(30)));
      List<OutcomeBatch> first = farm.batches(1);
      assertFalse(first.isEmpty());
      farm.worker.close();
      farm.thread.join(10_000);
      assertFalse(farm.thread.isAlive());
      FailRequest released = farm.coordinator.fails.poll(1, TimeUnit.SECONDS);
      assertNotNull(released);
      assertEquals(Worker.SHUTTING_DOWN, released.getReason());
      List<OutcomeBatch> all = farm.batches(Integer.MAX_VALUE);
      assertTrue(all.get(all.size() - 1).getLast());
      assertTrue(all.size() < 10, "ran on after close: " + all.size());
    } finally {
      farm.close();
    }
  }

  @Test
  void anEmulatedWorkerReportsItsEmulatorInProvenance() throws Exception {
    requireTool(Files.isExecutable(Path.of("/usr/bin/qemu-aarch64-static")), "qemu-aarch64-static");
    WorkerConfig c = config(Duration.ofMillis(300)).withArch("arm64", Optional.empty());
    try (Farm farm = new Farm(c, 10, JobRunner.DEFAULT_RUN_SLACK)) {
      RegisterRequest reg = farm.coordinator.registers.poll(10, TimeUnit.SECONDS);
      assertEquals("emulated:qemu-aarch64-static", reg.getPlatform().getMode());
      assertEquals("arm64", reg.getPlatform().getArch());
      farm.coordinator.jobs.add(job("arm", SB, iterations(1000)).toBuilder().setGoarch("arm64").build());
      CompleteRequest done = farm.coordinator.completes.poll(60, TimeUnit.SECONDS);
      assertNotNull(done, "fails: " + farm.coordinator.fails);
      assertEquals("arm64", done.getProvenance().getArch());
      assertEquals("emulated:qemu-aarch64-static", done.getProvenance().getMode());
    }
  }
}
