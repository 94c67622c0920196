package org.litmusfarm.coordinator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The coordinator's own meters: leases granted, jobs completed and failed, iterations reported,
 * and jobs by state (read from the database, so every coordinator instance reports the same).
 */
public final class FarmMetrics {
  private static final List<String> STATES = List.of("queued", "leased", "done", "failed");

  private final Counter leases;
  private final Counter completed;
  private final Counter failed;
  private final Counter iterations;
  private final Map<String, Long> jobsByState = new ConcurrentHashMap<>();
  private final DataSource db;

  public FarmMetrics(MeterRegistry registry, DataSource db) {
    this.db = db;
    this.leases = Counter.builder("farm.leases").description("jobs leased to workers").register(registry);
    this.completed = Counter.builder("farm.jobs.completed").register(registry);
    this.failed = Counter.builder("farm.jobs.failed.attempts").description("attempts given back").register(registry);
    this.iterations = Counter.builder("farm.iterations").description("iterations reported by completed jobs").register(registry);
    for (String state : STATES) {
      jobsByState.put(state, 0L);
      Gauge.builder("farm.jobs", jobsByState, m -> m.getOrDefault(state, 0L)).tag("state", state).register(registry);
    }
  }

  public void leased() {
    leases.increment();
  }

  public void completed(long iterationCount) {
    completed.increment();
    iterations.increment(iterationCount);
  }

  public void failed() {
    failed.increment();
  }

  /** Re-reads the number of jobs in each state; called periodically. */
  public void refreshJobStates() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM jobs GROUP BY state");
        ResultSet rs = ps.executeQuery()) {
      Map<String, Long> seen = new ConcurrentHashMap<>();
      while (rs.next()) {
        seen.put(rs.getString(1), rs.getLong(2));
      }
      for (String state : STATES) {
        jobsByState.put(state, seen.getOrDefault(state, 0L));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count jobs by state: " + e.getMessage(), e);
    }
  }
}
