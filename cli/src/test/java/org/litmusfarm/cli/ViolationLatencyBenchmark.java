package org.litmusfarm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.submit.Submission;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;

/**
 * Seconds from submitting SB+atomic for emulated arm64 to its FORBIDDEN outcome being flagged in
 * PostgreSQL, through the real farm: embedded PostgreSQL, in-process Kafka, the coordinator and an
 * arm64 worker under qemu-aarch64-static with the batch interval {@code farm up} uses (1 s). The
 * first submission builds the harness (cold); later ones reuse the worker's binary cache (warm).
 * Not a test; run with {@code mvn -q -pl cli -am test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.litmusfarm.cli.ViolationLatencyBenchmark
 * -Dexec.args=5} (or with java -cp over the modules' target/classes).
 */
public final class ViolationLatencyBenchmark {
  private static final String TOKEN = "latency-benchmark-token-0123456789";

  private ViolationLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String sb = Catalog.load().find("SB+atomic").orElseThrow().text().orElseThrow();
    Path cache = Files.createTempDirectory("latency-cache");
    try (ServicesForTest farm = new ServicesForTest(TOKEN);
        Worker worker =
            Worker.connect(
                new WorkerConfig(
                    farm.target(), Optional.of(TOKEN), "latency-arm64", Optional.of("arm64"),
                    Optional.of("qemu-aarch64-static"), List.of(), cache, Duration.ofSeconds(1), Duration.ofMillis(200),
                    Map.of()))) {
      Coordinator coordinator = farm.coordinator;
      Thread t = new Thread(worker::run, "latency-worker");
      t.setDaemon(true);
      t.start();
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        Submission s =
            coordinator.submissions().submit(
                new SubmitOrder("SB+atomic.litmus", sb, List.of("arm64"),
                    HarnessParams.newBuilder().setSeconds(20).build(), true, 1, Optional.empty()));
        String job = s.jobIds().get(0);
        while (!forbiddenSeen(coordinator, job)) {
          if (System.nanoTime() - t0 > 120e9) {
            throw new IllegalStateException("no violation within 120 s for job " + job);
          }
          Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("run %d (%s): violation flagged %.2f s after submission%n", i + 1, i == 0 ? "cold" : "warm", seconds);
        if (i > 0) {
          warm.add(seconds);
        }
        waitUntilFinished(coordinator, job);
      }
      Collections.sort(warm);
      if (!warm.isEmpty()) {
        System.out.printf("warm: median %.2f s, min %.2f s, max %.2f s over %d runs; target under 30 s%n",
            warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1), warm.size());
      }
    }
  }

  private static boolean forbiddenSeen(Coordinator c, String job) throws SQLException {
    return exists(c, "SELECT 1 FROM outcome_counts WHERE job_id = ? AND class = 'FORBIDDEN'", job);
  }

  private static void waitUntilFinished(Coordinator c, String job) throws Exception {
    while (!exists(c, "SELECT 1 FROM jobs WHERE id = ? AND state IN ('done', 'failed')", job)) {
      Thread.sleep(200);
    }
  }

  private static boolean exists(Coordinator c, String sql, String job) throws SQLException {
    try (Connection conn = c.database().getConnection();
        PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
