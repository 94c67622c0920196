package org.litmusfarm.worker.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.schema.v1.Job;
import org.litmusfarm.schema.v1.OutcomeBatch;
import org.litmusfarm.worker.job.JobResult.StopReason;
import org.litmusfarm.worker.platform.Platform;
import org.litmusfarm.worker.platform.Toolchains;
import org.litmusfarm.worker.publish.JobPublisher;

/** A job's batches wait for the cores that other workers of the process hold; the real Go toolchain. */
class JobRunnerCoresTest {
  private static final String SB = Catalog.load().find("SB+plain").orElseThrow().text().orElseThrow();

  @TempDir Path cache;
  private final CoreShare cores = new CoreShare(2);
  private final List<OutcomeBatch> published = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void requireGo() {
    boolean present = GoToolchain.find().isPresent();
    if (!present && System.getenv("CI") != null) {
      fail("go is required under CI but missing");
    }
    Assumptions.assumeTrue(present, "skipped: go is not installed");
  }

  private JobRunner runner() {
    return new JobRunner(Platform.detect(Optional.empty(), Optional.empty()), Toolchains.of(List.of()),
        new BinaryCache(cache, cores), new JobPublisher() {
          @Override
          public void publish(OutcomeBatch batch) {
            published.add(batch);
          }

          @Override
          public void close() {}
        }, "w-1", Duration.ofMillis(300), JobRunner.DEFAULT_RUN_SLACK, cores);
  }

  private static Job job(String id) {
    return Job.newBuilder().setJobId(id).setAttempt(1).setLitmus(SB)
        .setParams(HarnessParams.newBuilder().setSeconds(0.3)).build();
  }

  @Test
  void aBatchStartsOnlyOnceAnotherWorkersBatchGivesTheCoresBack() throws Exception {
    JobRunner runner = runner();
    assertInstanceOf(JobResult.Completed.class, runner.run(job("warm"), Optional::empty, n -> {}));
    published.clear();
    CoreShare.Hold other = cores.forRun(2, () -> false).orElseThrow();
    CompletableFuture<JobResult> run = CompletableFuture.supplyAsync(() -> runner.run(job("j-1"), Optional::empty, n -> {}));
    assertThrows(TimeoutException.class, () -> run.get(1500, TimeUnit.MILLISECONDS));
    assertTrue(published.isEmpty(), "a batch ran while another worker held the cores: " + published);
    other.close();
    JobResult r = run.get(60, TimeUnit.SECONDS);
    assertInstanceOf(JobResult.Completed.class, r);
    assertEquals(1, published.size());
    assertEquals(2, cores.available());
  }

  @Test
  void aJobStoppedWhileWaitingForTheCoresPublishesNothing() throws Exception {
    JobRunner runner = runner();
    assertInstanceOf(JobResult.Completed.class, runner.run(job("warm"), Optional::empty, n -> {}));
    published.clear();
    AtomicBoolean stopping = new AtomicBoolean();
    try (CoreShare.Hold other = cores.forRun(2, () -> false).orElseThrow()) {
      CompletableFuture<JobResult> run = CompletableFuture.supplyAsync(() -> runner.run(job("j-2"),
          () -> stopping.get() ? Optional.of(StopReason.SHUTDOWN) : Optional.empty(), n -> {}));
      assertThrows(TimeoutException.class, () -> run.get(500, TimeUnit.MILLISECONDS));
      stopping.set(true);
      assertEquals(new JobResult.Stopped(0, 0, StopReason.SHUTDOWN), run.get(10, TimeUnit.SECONDS));
    }
    assertTrue(published.isEmpty(), published.toString());
  }
}
