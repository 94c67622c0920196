package org.litmusfarm.coordinator.reduction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.litmusfarm.coordinator.lease.DatabaseFailure;
import org.litmusfarm.coordinator.submit.Submission;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.coordinator.submit.Submissions;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.reduce.Reproducer;
import org.litmusfarm.reduce.Violation;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.text.Printer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a reduction's candidates on the farm: each one is submitted as one job pinned to the
 * architecture, execution mode and Go version where the violation was seen, hammered for the
 * configured time, and reproduces if any outcome it showed agrees with the violation. Waits for
 * the job and for its batches to be ingested; gives up with {@link NoWorkerException} when no
 * worker finishes it in time.
 */
final class FarmReproducer implements Reproducer {
  private static final Logger LOG = LoggerFactory.getLogger(FarmReproducer.class);
  private static final long POLL_MILLIS = 250;
  /** How long a completed job's batches may take to be ingested before the counts are read anyway. */
  private static final Duration INGEST_GRACE = Duration.ofSeconds(30);

  private final DataSource db;
  private final Submissions submissions;
  private final ReductionStore store;
  private final Claimed claim;
  private final ReductionSettings settings;
  private int attempt;

  FarmReproducer(DataSource db, Submissions submissions, ReductionStore store, Claimed claim, ReductionSettings settings) {
    this.db = db;
    this.submissions = submissions;
    this.store = store;
    this.claim = claim;
    this.settings = settings;
    this.attempt = claim.attempts();
  }

  /** Thrown when no worker ran a candidate's job within the try timeout. */
  static final class NoWorkerException extends RuntimeException {
    NoWorkerException(String message) {
      super(message);
    }
  }

  /** Thrown when the claim was taken over by another coordinator. */
  static final class ClaimLostException extends RuntimeException {
    ClaimLostException(long id) {
      super("reduction " + id + " was taken over after a stall");
    }
  }

  @Override
  public boolean reproduces(Violation v) {
    attempt++;
    Submission s =
        submissions.submit(
            new SubmitOrder("reduction-" + claim.id() + "-" + attempt + ".litmus", Printer.print(v.program()),
                List.of(claim.arch()), HarnessParams.newBuilder().setSeconds(settings.secondsPerTry()).build(),
                !claim.mode().equals("native"), 2, Optional.empty(), List.of(claim.goVersion()), claim.mode()));
    String jobId = s.jobIds().get(0);
    boolean reproduced = awaitAndCheck(jobId, v);
    store.tried(claim.id(), attempt, s.programId(), s.submissionId(), reproduced);
    LOG.info("reduction {}: candidate {} ({} on {} {}) {}", claim.id(), attempt, v.program().name(), claim.arch(),
        claim.mode(), reproduced ? "reproduced" : "did not reproduce");
    return reproduced;
  }

  private boolean awaitAndCheck(String jobId, Violation v) {
    long deadline = System.nanoTime() + settings.tryTimeout().toNanos();
    long lastBeat = System.nanoTime();
    while (true) {
      JobState state = state(jobId);
      if (state.finished()) {
        awaitIngest(jobId, state);
        return shown(jobId, v);
      }
      if (System.nanoTime() > deadline) {
        throw new NoWorkerException("no " + claim.arch() + " " + claim.mode() + " worker with " + claim.goVersion()
            + " finished candidate job " + jobId + " within " + settings.tryTimeout().toSeconds() + " s");
      }
      if (System.nanoTime() - lastBeat > Duration.ofSeconds(10).toNanos()) {
        if (!store.beat(claim.id())) {
          throw new ClaimLostException(claim.id());
        }
        lastBeat = System.nanoTime();
      }
      sleep(POLL_MILLIS);
    }
  }

  private void awaitIngest(String jobId, JobState state) {
    long deadline = System.nanoTime() + INGEST_GRACE.toNanos();
    while (ingested(jobId, state.attempt()) < state.iterations() && System.nanoTime() < deadline) {
      sleep(POLL_MILLIS);
    }
  }

  private boolean shown(String jobId, Violation v) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT outcome FROM outcome_counts WHERE job_id = ? AND count > 0")) {
      ps.setString(1, jobId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (v.shownBy(Outcome.parse(rs.getString(1)))) {
            return true;
          }
        }
        return false;
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("read the outcomes of job " + jobId, e);
    }
  }

  private record JobState(boolean finished, int attempt, long iterations) {}

  private JobState state(String jobId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT state, attempt, iterations FROM jobs WHERE id = ?")) {
      ps.setString(1, jobId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String s = rs.getString(1);
        return new JobState(s.equals("done") || s.equals("failed"), rs.getInt(2), s.equals("done") ? rs.getLong(3) : 0);
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("read job " + jobId, e);
    }
  }

  private long ingested(String jobId, int attempt) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT COALESCE(sum(iterations), 0) FROM batches WHERE job_id = ? AND attempt = ?")) {
      ps.setString(1, jobId);
      ps.setInt(2, attempt);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("read the batches of job " + jobId, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException();
    }
  }

  /** The coordinator is stopping; the reduction stays claimed until its heartbeat lapses. */
  static final class CancellationException extends RuntimeException {
    CancellationException() {
      super("interrupted");
    }
  }
}
