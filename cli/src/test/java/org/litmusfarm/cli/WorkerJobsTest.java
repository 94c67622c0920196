package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.schema.v1.HarnessParams;

/**
 * {@code farm worker --jobs 2}: one process registers two workers that share the machine's cores,
 * both serve jobs, and SIGTERM stops them both.
 */
class WorkerJobsTest {
  private static final String TOKEN = "jobs-test-token-0123456789";

  @Test
  void oneProcessServesAsManyWorkersAsJobsAndStopsThemAllOnSigterm(@TempDir Path dir) throws Exception {
    Tools.go();
    assertTrue(Runtime.getRuntime().availableProcessors() >= 2, "--jobs 2 needs a machine with 2 cores or more");
    try (ServicesForTest farm = new ServicesForTest(TOKEN)) {
      for (String program : List.of("SB+plain", "MP+plain", "LB+plain", "SB+atomic")) {
        farm.coordinator.submissions().submit(
            new SubmitOrder(program + ".litmus", Catalog.load().find(program).orElseThrow().text().orElseThrow(),
                List.of(Targets.hostGoarch()), HarnessParams.newBuilder().setSeconds(1).build(), false, 3,
                Optional.empty()));
      }
      Path log = dir.resolve("worker.log");
      Process worker = farm.workerProcess(log, dir.resolve("cache"), "--name", "pair", "--jobs", "2", "--batch-seconds", "1");
      try {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (doneJobs(farm.pg) < 4) {
          assertTrue(worker.isAlive(), "the worker process exited:\n" + Files.readString(log));
          assertTrue(System.nanoTime() < end, "the 4 jobs were not done in time:\n" + Files.readString(log));
          Thread.sleep(200);
        }
        Map<String, Long> done = jobsDoneByWorker(farm.pg);
        assertEquals(List.of("pair-1", "pair-2"), List.copyOf(done.keySet()), done.toString());
        assertEquals(4, done.values().stream().mapToLong(Long::longValue).sum(), done.toString());
        assertTrue(done.values().stream().allMatch(n -> n >= 1), "both workers served jobs: " + done);
      } finally {
        worker.destroy();
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "SIGTERM did not stop both workers:\n" + Files.readString(log));
      }
      assertTrue(Files.readString(log).contains(" as " + Targets.hostGoarch() + " native on "), Files.readString(log));
      assertTrue(Files.readString(log).contains(", 2 workers sharing"), Files.readString(log));
    }
  }

  private static long doneJobs(EmbeddedPostgres pg) throws SQLException {
    try (Connection c = pg.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM jobs WHERE state = 'done'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Jobs done by each registered worker, by name. */
  private static Map<String, Long> jobsDoneByWorker(EmbeddedPostgres pg) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = pg.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name, jobs_done FROM workers")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
  }
}
