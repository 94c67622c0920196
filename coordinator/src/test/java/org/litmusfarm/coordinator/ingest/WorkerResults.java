package org.litmusfarm.coordinator.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.litmusfarm.coordinator.lease.JobQueue;
import org.litmusfarm.coordinator.lease.Lease;
import org.litmusfarm.coordinator.lease.WorkerProfile;

/**
 * Plays a worker without Go or Kafka, for tests: leases jobs through the real {@link JobQueue},
 * stores the outcome counts a test chooses through the ingester's real {@link BatchWriter} (which
 * classifies them and records violations), and completes the jobs through the queue.
 */
public final class WorkerResults {
  /** What a test worker is: its id, architecture, mode and toolchains (the first is its default). */
  public record TestWorker(String id, String arch, String mode, List<String> goVersions) {}

  private final DataSource db;
  private final JobQueue queue;
  private final BatchWriter writer;

  public WorkerResults(DataSource db) {
    this.db = db;
    // A queue of its own, like another coordinator's; with no empty-queue hint it sees at once the
    // jobs that the test's coordinator queues, as tests that drain the queue expect.
    this.queue = new JobQueue(db, Duration.ZERO);
    this.writer = new BatchWriter(db);
  }

  /** Registers {@code w} (a workers row, which leases reference). */
  public TestWorker register(TestWorker w) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO workers (id, name, arch, mode, cpu_model, cores, go_versions, farm_version)"
                + " VALUES (?, ?, ?, ?, 'test cpu', 2, ?, 'test') ON CONFLICT (id) DO NOTHING")) {
      ps.setString(1, w.id());
      ps.setString(2, w.id());
      ps.setString(3, w.arch());
      ps.setString(4, w.mode());
      ps.setArray(5, c.createArrayOf("text", w.goVersions().toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return w;
  }

  /**
   * Runs the next job {@code w} may lease: the counts {@code outcomes} gives for the lease and the
   * program's canonical text are ingested as one batch of 1000 iterations, then the job completes.
   * Returns the job id, or empty when there is no job for the worker.
   */
  public Optional<String> runNext(TestWorker w, BiFunction<Lease, String, Map<String, Long>> outcomes) {
    Optional<Lease> leased =
        queue.lease(new WorkerProfile(w.id(), w.arch(), w.mode(), w.goVersions()), Duration.ofSeconds(30));
    if (leased.isEmpty()) {
      return Optional.empty();
    }
    Lease lease = leased.get();
    String goVersion = lease.goVersion().isEmpty() ? w.goVersions().get(0) : lease.goVersion();
    ValidBatch batch =
        new ValidBatch(lease.jobId(), lease.attempt(), 0, lease.programId(), w.arch(), w.mode(), "test cpu", 2,
            goVersion, w.id(), 1000, 1_000_000, new TreeMap<>(outcomes.apply(lease, litmus(lease.programId()))));
    try {
      writer.write(List.of(new Received(new RecordRef("test", 0, 0), batch)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    queue.complete(w.id(), lease.jobId(), lease.attempt(), 1000);
    return Optional.of(lease.jobId());
  }

  /** Runs jobs for each worker in turn until none of them can lease one; returns how many ran. */
  public int drain(List<TestWorker> workers, BiFunction<Lease, String, Map<String, Long>> outcomes) {
    int ran = 0;
    boolean any = true;
    while (any) {
      any = false;
      for (TestWorker w : workers) {
        if (runNext(w, outcomes).isPresent()) {
          ran++;
          any = true;
        }
      }
    }
    return ran;
  }

  private String litmus(String programId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT litmus FROM programs WHERE id = ?")) {
      ps.setString(1, programId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
