package org.litmusfarm.coordinator.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The job queue, kept in PostgreSQL so that several coordinators can share one database and hold
 * nothing that matters in memory. Leases expire unless renewed by heartbeats; a failed or expired
 * attempt is retried until the job's attempt bound; a job is only leased to a worker of its
 * architecture, and to an emulated worker only if the job allows emulation. Time is the
 * database's clock, so coordinators need not agree on theirs. Thread-safe.
 */
public final class JobQueue {
  private final DataSource db;

  public JobQueue(DataSource db) {
    this.db = db;
  }

  /** Adds a queued job. */
  public void enqueue(NewJob job) {
    String sql =
        "INSERT INTO jobs (id, submission_id, program_id, goarch, go_version, params,"
            + " allow_emulated, state, max_attempts) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, 'queued', ?)";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, job.jobId());
      ps.setString(2, job.submissionId());
      ps.setString(3, job.programId());
      ps.setString(4, job.goarch());
      ps.setString(5, job.goVersion());
      ps.setString(6, job.paramsJson());
      ps.setBoolean(7, job.allowEmulated());
      ps.setInt(8, job.maxAttempts());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot enqueue job " + job.jobId() + ": " + e.getMessage(), e);
    }
  }

  /** Leases the oldest queued job {@code worker} may run, for {@code leaseTime}; or nothing. */
  public Optional<Lease> lease(WorkerProfile worker, Duration leaseTime) {
    String sql =
        "WITH next AS ("
            + " SELECT id FROM jobs"
            + " WHERE state = 'queued' AND goarch = ? AND (allow_emulated OR NOT ?)"
            + " AND (go_version = '' OR go_version = ANY (?))"
            + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " UPDATE jobs SET state = 'leased', attempt = jobs.attempt + 1, worker_id = ?,"
            + " lease_expires_at = now() + ? * interval '1 millisecond', updated_at = now()"
            + " FROM next WHERE jobs.id = next.id"
            + " RETURNING jobs.id, jobs.attempt, jobs.program_id, jobs.goarch, jobs.go_version,"
            + " jobs.params::text, jobs.lease_expires_at";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, worker.arch());
      ps.setBoolean(2, worker.emulated());
      ps.setArray(3, c.createArrayOf("text", worker.goVersions().toArray()));
      ps.setString(4, worker.workerId());
      ps.setLong(5, leaseTime.toMillis());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Lease(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lease a job: " + e.getMessage(), e);
    }
  }

  /** Renews a lease the worker holds and returns its new expiry, with progress in iterations. */
  public Instant renew(String workerId, String jobId, int attempt, long iterations, Duration leaseTime) {
    String sql =
        "UPDATE jobs SET lease_expires_at = now() + ? * interval '1 millisecond',"
            + " iterations = GREATEST(iterations, ?), updated_at = now()"
            + " WHERE id = ? AND attempt = ? AND worker_id = ? AND state = 'leased'"
            + " AND lease_expires_at > now() RETURNING lease_expires_at";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, leaseTime.toMillis());
      ps.setLong(2, iterations);
      ps.setString(3, jobId);
      ps.setInt(4, attempt);
      ps.setString(5, workerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new LeaseLostException(jobId, attempt, workerId);
        }
        return rs.getTimestamp(1).toInstant();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot renew lease of job " + jobId + ": " + e.getMessage(), e);
    }
  }

  /** Marks a job the worker holds as done. */
  public void complete(String workerId, String jobId, int attempt, long iterations) {
    String sql =
        "UPDATE jobs SET state = 'done', iterations = ?, lease_expires_at = NULL, updated_at = now()"
            + " WHERE id = ? AND attempt = ? AND worker_id = ? AND state = 'leased'";
    int rows = update(sql, jobId, ps -> {
      ps.setLong(1, iterations);
      ps.setString(2, jobId);
      ps.setInt(3, attempt);
      ps.setString(4, workerId);
    });
    if (rows != 1) {
      throw new LeaseLostException(jobId, attempt, workerId);
    }
    update("UPDATE workers SET jobs_done = jobs_done + 1 WHERE id = ?", jobId, ps -> ps.setString(1, workerId));
  }

  /**
   * Gives back a job the worker holds, with the reason. Returns whether it will be retried
   * (attempts left) or has failed for good.
   */
  public boolean fail(String workerId, String jobId, int attempt, String reason) {
    String sql =
        "UPDATE jobs SET state = CASE WHEN attempt < max_attempts THEN 'queued' ELSE 'failed' END,"
            + " worker_id = NULL, lease_expires_at = NULL, last_error = ?, updated_at = now()"
            + " WHERE id = ? AND attempt = ? AND worker_id = ? AND state = 'leased'"
            + " RETURNING state";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, reason);
      ps.setString(2, jobId);
      ps.setInt(3, attempt);
      ps.setString(4, workerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new LeaseLostException(jobId, attempt, workerId);
        }
        return rs.getString(1).equals("queued");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fail job " + jobId + ": " + e.getMessage(), e);
    }
  }

  /** Requeues (or fails, past the attempt bound) every job whose lease expired; returns how many. */
  public int expireLeases() {
    String sql =
        "UPDATE jobs SET state = CASE WHEN attempt < max_attempts THEN 'queued' ELSE 'failed' END,"
            + " worker_id = NULL, lease_expires_at = NULL, last_error = 'lease expired',"
            + " updated_at = now() WHERE state = 'leased' AND lease_expires_at <= now()";
    return update(sql, "(expired leases)", ps -> {});
  }

  /** The state of a job ({@code queued}, {@code leased}, {@code done}, {@code failed}). */
  public Optional<String> state(String jobId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT state FROM jobs WHERE id = ?")) {
      ps.setString(1, jobId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read job " + jobId + ": " + e.getMessage(), e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int update(String sql, String what, Binder binder) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update job " + what + ": " + e.getMessage(), e);
    }
  }
}
