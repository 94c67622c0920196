package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;

/**
 * A worker process killed with SIGKILL in the middle of a job: its lease expires, the job is leased
 * again (next attempt) to another worker and completes there, the dead attempt's batches still
 * count, and no batch is counted twice.
 */
class WorkerKillTest {
  private static final String TOKEN = "kill-test-token-0123456789";

  @Test
  void aKilledWorkersJobCompletesElsewhereAndNoBatchCountsTwice(@TempDir Path dir) throws Exception {
    Tools.go();
    try (ServicesForTest farm = new ServicesForTest(TOKEN, c -> c.withLeaseTime(Duration.ofSeconds(3)))) {
      EmbeddedPostgres pg = farm.pg;
      String job =
          farm.coordinator.submissions().submit(
              new SubmitOrder("SB+plain.litmus", Catalog.load().find("SB+plain").orElseThrow().text().orElseThrow(),
                  List.of(Targets.hostGoarch()), HarnessParams.newBuilder().setSeconds(6).build(), false, 3,
                  Optional.empty()))
              .jobIds().get(0);

      Process victim = farm.workerProcess(dir.resolve("victim.log"), dir.resolve("victim-cache"),
          "--name", "victim", "--batch-seconds", "1");
      try {
        await(() -> count(pg, "SELECT count(*) FROM batches WHERE job_id = ? AND attempt = 1", job) >= 2,
            Duration.ofSeconds(90), "two batches of the first attempt", dir);
      } finally {
        victim.destroyForcibly();
        victim.waitFor(10, TimeUnit.SECONDS);
      }
      assertEquals("leased", state(pg, job));

      try (Worker rescuer =
          Worker.connect(
              new WorkerConfig(farm.target(), Optional.of(TOKEN), "rescuer", Optional.empty(), Optional.empty(), List.of(),
                  dir.resolve("rescuer-cache"), Duration.ofSeconds(1), Duration.ofMillis(200), Map.of()))) {
        Thread t = new Thread(rescuer::run, "rescuer");
        t.setDaemon(true);
        t.start();
        await(() -> "done".equals(state(pg, job)), Duration.ofSeconds(90), "the job done by the rescuer", dir);
        await(() -> farm.coordinator.ingestedBatches() >= count(pg, "SELECT count(*) FROM batches WHERE job_id = ?", job),
            Duration.ofSeconds(10), "ingestion", dir);
      }

      assertEquals(2, count(pg, "SELECT max(attempt) FROM jobs WHERE id = ?", job));
      long deadBatches = count(pg, "SELECT count(*) FROM batches WHERE job_id = ? AND attempt = 1", job);
      long liveBatches = count(pg, "SELECT count(*) FROM batches WHERE job_id = ? AND attempt = 2", job);
      assertTrue(deadBatches >= 2 && liveBatches >= 1, deadBatches + " + " + liveBatches + " batches");
      long iterations = count(pg, "SELECT sum(iterations) FROM batches WHERE job_id = ?", job);
      long outcomes = count(pg, "SELECT sum(count) FROM outcome_counts WHERE job_id = ?", job);
      assertEquals(iterations, outcomes, "every iteration of every batch, of both attempts, counted exactly once");
    }
  }

  private static long count(EmbeddedPostgres pg, String sql, String job) {
    try (Connection c = pg.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String state(EmbeddedPostgres pg, String job) {
    try (Connection c = pg.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT state FROM jobs WHERE id = ?")) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(BooleanSupplier condition, Duration limit, String what, Path dir) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what + "; victim log:\n"
            + java.nio.file.Files.readString(dir.resolve("victim.log")));
      }
      Thread.sleep(100);
    }
  }
}
