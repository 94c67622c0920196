package org.litmusfarm.coordinator.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * The job queue, kept in PostgreSQL so that several coordinators can share one database and hold
 * nothing that matters in memory. Leases expire unless renewed by heartbeats; a failed or expired
 * attempt is retried until the job's attempt bound; a job is only leased to a worker of its
 * architecture, and to an emulated worker only if the job allows emulation. A worker reports on a
 * job only while it holds an unexpired lease of that attempt. Time is the database's clock, so
 * coordinators need not agree on theirs. Thread-safe; at most {@value #CONCURRENT_LEASES} leasing
 * statements run at once per queue.
 */
public final class JobQueue {
  /** Longest failure reason stored; longer ones are cut. */
  static final int MAX_REASON_CHARS = 4000;

  private static final String INSERT =
      "INSERT INTO jobs (id, submission_id, program_id, goarch, go_version, params,"
          + " allow_emulated, required_mode, state, max_attempts) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'queued', ?)";

  /**
   * The oldest queued job a worker may run, locked, or no row; {@code %s} takes a further
   * condition. The choice is the database function {@code next_job} (V007), which keeps the
   * planner on the queue's index whatever the statistics say.
   */
  private static final String NEXT = " SELECT next_job(?, ?, ?, ?) AS id%s";

  /** Leases the job in {@code next} to a worker: a new attempt, and the lease's expiry. */
  private static final String TAKE =
      " UPDATE jobs SET state = 'leased', attempt = jobs.attempt + 1, iterations = 0, worker_id = ?,"
          + " lease_expires_at = now() + make_interval(secs => ?), updated_at = now()"
          + " FROM next WHERE jobs.id = next.id"
          + " RETURNING jobs.id, jobs.attempt, jobs.program_id, jobs.goarch, jobs.go_version,"
          + " jobs.params::text, jobs.lease_expires_at,"
          + " (SELECT litmus FROM programs WHERE programs.id = jobs.program_id) AS litmus";

  private static final String LEASE = "WITH next AS (" + NEXT.formatted("") + ")" + TAKE;

  /** The condition under which a worker holds the lease of a job's attempt. */
  private static final String HELD =
      " id = ? AND attempt = ? AND worker_id = ? AND state = 'leased' AND lease_expires_at > now()";

  private static final String RENEW =
      "UPDATE jobs SET lease_expires_at = now() + make_interval(secs => ?),"
          + " iterations = GREATEST(iterations, ?), updated_at = now() WHERE"
          + HELD
          + " RETURNING lease_expires_at";

  /** Marks a held job done and counts it for its worker; the worker shows it is alive. */
  private static final String DONE =
      "done AS (UPDATE jobs SET state = 'done', iterations = GREATEST(iterations, ?),"
          + " lease_expires_at = NULL, updated_at = now() WHERE"
          + HELD
          + " RETURNING worker_id),"
          + " counted AS (UPDATE workers SET jobs_done = jobs_done + 1, last_heartbeat = now()"
          + " FROM done WHERE workers.id = done.worker_id)";

  private static final String COMPLETE = "WITH " + DONE + " SELECT count(*) FROM done";

  /**
   * One statement, so one round trip and one commit: completes a held job and, only if that
   * succeeded, leases the worker's next one. Always one row: whether the job was completed, then
   * the leased job's columns (NULL when none).
   */
  private static final String COMPLETE_AND_LEASE =
      "WITH " + DONE + ", next AS (" + NEXT.formatted(" WHERE EXISTS (SELECT 1 FROM done)") + "),"
          + " leased AS (" + TAKE + ")"
          + " SELECT (SELECT count(*) FROM done), leased.* FROM (SELECT 1) AS one LEFT JOIN leased ON true";

  private static final String FAIL =
      "UPDATE jobs SET state = CASE WHEN attempt < max_attempts THEN 'queued' ELSE 'failed' END,"
          + " worker_id = NULL, lease_expires_at = NULL, last_error = ?, updated_at = now() WHERE"
          + HELD
          + " RETURNING state";

  /**
   * A give-back that is not the job's fault: requeued, and the attempt bound grows by one so the
   * attempt does not count. Attempt numbers still only grow, so batches stay apart per attempt.
   */
  private static final String RELEASE =
      "UPDATE jobs SET state = 'queued', max_attempts = max_attempts + 1, worker_id = NULL,"
          + " lease_expires_at = NULL, last_error = ?, updated_at = now() WHERE"
          + HELD
          + " RETURNING state";

  private static final String EXPIRE =
      "UPDATE jobs SET state = CASE WHEN attempt < max_attempts THEN 'queued' ELSE 'failed' END,"
          + " worker_id = NULL, lease_expires_at = NULL, last_error = 'lease expired',"
          + " updated_at = now() WHERE state = 'leased' AND lease_expires_at <= now()";

  /** How long a kind of worker that found no job skips the database by default. */
  public static final Duration DEFAULT_EMPTY_HINT = Duration.ofMillis(100);

  /**
   * How many statements that lease a job one queue runs at once; the others wait their turn, first
   * come first served. Every leasing statement walks the head of the same index and skips the rows
   * the others have locked, so a burst of them mostly contends. With 1,000 simulated workers in
   * steady state, 2 at once gave a lease p99 of 4.5-6.6 ms (4 runs) against 5.5-12.4 ms unlimited
   * (5 runs), with the calls' p50 at 1.2-1.5 ms at 500 leases a second; in lock-step the p99
   * varied from 16 to 202 ms either way.
   */
  static final int CONCURRENT_LEASES = 2;

  private final DataSource db;
  private final EmptyQueues empty;
  private final Semaphore leasing = new Semaphore(CONCURRENT_LEASES, true);

  /** A queue over {@code db} with the default empty-queue hint. */
  public JobQueue(DataSource db) {
    this(db, DEFAULT_EMPTY_HINT);
  }

  /**
   * A queue over {@code db}. A kind of worker (architecture, mode, toolchains) that found no job
   * is answered "nothing" without a query for {@code emptyHint} unless this queue queues or
   * requeues a job meanwhile; jobs queued by another coordinator are seen at most that late. Zero
   * asks the database every time.
   */
  public JobQueue(DataSource db, Duration emptyHint) {
    this.db = Objects.requireNonNull(db);
    this.empty = new EmptyQueues(emptyHint, System::nanoTime);
  }

  /** Adds a queued job. */
  public void enqueue(NewJob job) {
    try (Connection c = db.getConnection()) {
      enqueue(c, job);
    } catch (SQLException e) {
      throw DatabaseFailure.of("enqueue job " + job.jobId(), e);
    }
  }

  /**
   * Adds a queued job inside the caller's transaction on {@code tx}, which the caller commits.
   *
   * @throws SQLException as the database reports it, so the caller can roll back
   */
  public void enqueue(Connection tx, NewJob job) throws SQLException {
    try (PreparedStatement ps = tx.prepareStatement(INSERT)) {
      ps.setString(1, job.jobId());
      ps.setString(2, job.submissionId());
      ps.setString(3, job.programId());
      ps.setString(4, job.goarch());
      ps.setString(5, job.goVersion());
      ps.setString(6, job.paramsJson());
      ps.setBoolean(7, job.allowEmulated());
      ps.setString(8, job.requiredMode());
      ps.setInt(9, job.maxAttempts());
      ps.executeUpdate();
    }
    empty.jobQueued();
  }

  /**
   * Leases the oldest queued job {@code worker} may run, for {@code leaseTime}; or nothing. Each
   * lease starts a new attempt (1 for the first).
   */
  public Optional<Lease> lease(WorkerProfile worker, Duration leaseTime) {
    double seconds = seconds(leaseTime);
    if (empty.knownEmpty(worker)) {
      return Optional.empty();
    }
    long generation = empty.generation();
    leasing.acquireUninterruptibly();
    try (Connection c = db.getConnection()) {
      Optional<Lease> lease = lease(c, worker, seconds);
      if (lease.isEmpty()) {
        empty.foundEmpty(worker, generation);
      }
      return lease;
    } catch (SQLException e) {
      throw DatabaseFailure.of("lease a job", e);
    } finally {
      leasing.release();
    }
  }

  private static Optional<Lease> lease(Connection c, WorkerProfile worker, double seconds) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LEASE)) {
      bindLease(c, ps, 1, worker, seconds);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs, 1)) : Optional.empty();
      }
    }
  }

  /** Binds {@link #NEXT} and {@link #TAKE}'s parameters from {@code first} on. */
  private static void bindLease(Connection c, PreparedStatement ps, int first, WorkerProfile worker, double seconds)
      throws SQLException {
    ps.setString(first, worker.arch());
    ps.setBoolean(first + 1, worker.emulated());
    ps.setArray(first + 2, c.createArrayOf("text", worker.goVersions().toArray()));
    ps.setString(first + 3, worker.mode());
    ps.setString(first + 4, worker.workerId());
    ps.setDouble(first + 5, seconds);
  }

  /** The lease in {@link #TAKE}'s returned columns, from column {@code first} on. */
  private static Lease read(ResultSet rs, int first) throws SQLException {
    return new Lease(
        rs.getString(first),
        rs.getInt(first + 1),
        rs.getString(first + 2),
        rs.getString(first + 3),
        rs.getString(first + 4),
        rs.getString(first + 5),
        rs.getTimestamp(first + 6).toInstant(),
        rs.getString(first + 7));
  }

  /**
   * Renews a lease the worker holds for {@code leaseTime} from now, records its progress in
   * iterations (never lowering it), and returns the new expiry.
   *
   * @throws LeaseLostException if the worker does not hold an unexpired lease of that attempt
   */
  public Instant renew(String workerId, String jobId, int attempt, long iterations, Duration leaseTime) {
    double seconds = seconds(leaseTime);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(RENEW)) {
      ps.setDouble(1, seconds);
      ps.setLong(2, iterations);
      bindHeld(ps, 3, workerId, jobId, attempt);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new LeaseLostException(jobId, attempt, workerId);
        }
        return rs.getTimestamp(1).toInstant();
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("renew the lease of job " + jobId, e);
    }
  }

  /**
   * Marks a job the worker holds as done after {@code iterations}, and counts it for the worker.
   *
   * @throws LeaseLostException if the worker does not hold an unexpired lease of that attempt
   */
  public void complete(String workerId, String jobId, int attempt, long iterations) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(COMPLETE)) {
      ps.setLong(1, iterations);
      bindHeld(ps, 2, workerId, jobId, attempt);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(1) == 0) {
          throw new LeaseLostException(jobId, attempt, workerId);
        }
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("complete job " + jobId, e);
    }
  }

  /**
   * Completes a job as {@link #complete} does and, in the same statement, leases the worker's next
   * job as {@link #lease} does: one round trip and one commit instead of two for a busy worker. If
   * the completion is refused nothing is leased.
   *
   * @throws LeaseLostException if the worker does not hold an unexpired lease of that attempt
   */
  public Optional<Lease> completeAndLease(
      WorkerProfile worker, String jobId, int attempt, long iterations, Duration leaseTime) {
    double seconds = seconds(leaseTime);
    if (empty.knownEmpty(worker)) {
      complete(worker.workerId(), jobId, attempt, iterations);
      return Optional.empty();
    }
    long generation = empty.generation();
    leasing.acquireUninterruptibly();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(COMPLETE_AND_LEASE)) {
      ps.setLong(1, iterations);
      bindHeld(ps, 2, worker.workerId(), jobId, attempt);
      bindLease(c, ps, 5, worker, seconds);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(1) == 0) {
          throw new LeaseLostException(jobId, attempt, worker.workerId());
        }
        if (rs.getString(2) == null) {
          empty.foundEmpty(worker, generation);
          return Optional.empty();
        }
        return Optional.of(read(rs, 2));
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("complete job " + jobId + " and lease the next", e);
    } finally {
      leasing.release();
    }
  }

  /**
   * Gives back a job the worker holds, with the reason (cut to {@value #MAX_REASON_CHARS}
   * characters). Returns whether it will be retried (attempts left) or has failed for good.
   *
   * @throws LeaseLostException if the worker does not hold an unexpired lease of that attempt
   */
  public boolean fail(String workerId, String jobId, int attempt, String reason) {
    return giveBack(FAIL, workerId, jobId, attempt, reason);
  }

  /**
   * Gives back a job the worker holds through no fault of the job (the worker is shutting down):
   * it is requeued and the attempt does not count against the job's attempt bound.
   *
   * @throws LeaseLostException if the worker does not hold an unexpired lease of that attempt
   */
  public void release(String workerId, String jobId, int attempt, String reason) {
    giveBack(RELEASE, workerId, jobId, attempt, reason);
  }

  private boolean giveBack(String sql, String workerId, String jobId, int attempt, String reason) {
    Objects.requireNonNull(reason, "reason");
    String stored = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, stored);
      bindHeld(ps, 2, workerId, jobId, attempt);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new LeaseLostException(jobId, attempt, workerId);
        }
        boolean requeued = rs.getString(1).equals("queued");
        if (requeued) {
          empty.jobQueued();
        }
        return requeued;
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("fail job " + jobId, e);
    }
  }

  /** Requeues (or fails, past the attempt bound) every job whose lease expired; returns how many. */
  public int expireLeases() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(EXPIRE)) {
      int expired = ps.executeUpdate();
      if (expired > 0) {
        empty.jobQueued();
      }
      return expired;
    } catch (SQLException e) {
      throw DatabaseFailure.of("expire leases", e);
    }
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
      throw DatabaseFailure.of("read job " + jobId, e);
    }
  }

  private static void bindHeld(PreparedStatement ps, int first, String workerId, String jobId, int attempt)
      throws SQLException {
    ps.setString(first, jobId);
    ps.setInt(first + 1, attempt);
    ps.setString(first + 2, workerId);
  }

  private static double seconds(Duration leaseTime) {
    if (leaseTime.isNegative() || leaseTime.isZero()) {
      throw new IllegalArgumentException("lease time must be positive, got " + leaseTime);
    }
    return leaseTime.toNanos() / 1e9;
  }
}
