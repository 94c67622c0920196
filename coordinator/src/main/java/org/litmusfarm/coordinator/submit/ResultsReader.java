package org.litmusfarm.coordinator.submit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.schema.v1.Provenance;

/** Reads one submission's results on a connection the caller holds in one snapshot. */
final class ResultsReader {
  private static final String HEADER =
      "SELECT s.program_id, p.name, p.verdict FROM submissions s JOIN programs p ON p.id = s.program_id"
          + " WHERE s.id = ?";
  /**
   * A done job whose last attempt's batches add up to fewer iterations than its worker reported
   * is still "ingesting": the worker completes only after Kafka acknowledged every batch, but the
   * ingester may not have written them yet (it lags after a restart of Kafka or the coordinator).
   * Ten minutes after completion such a job is "incomplete" instead, and counts as finished: a
   * batch the ingester refused (see the ingester's log) never arrives, and waiting must end.
   */
  private static final String JOBS =
      "SELECT j.id, j.goarch,"
          + " CASE WHEN j.state <> 'done' OR j.iterations <= (SELECT COALESCE(SUM(b.iterations), 0) FROM batches b"
          + "   WHERE b.job_id = j.id AND b.attempt = j.attempt) THEN j.state"
          + "   WHEN j.updated_at > now() - interval '10 minutes' THEN 'ingesting' ELSE 'incomplete' END,"
          + " (SELECT COALESCE(SUM(b.iterations), 0) FROM batches b WHERE b.job_id = j.id)"
          + " FROM jobs j WHERE j.submission_id = ? ORDER BY j.goarch, j.id";
  private static final String PROVENANCE =
      "SELECT DISTINCT ON (b.job_id) b.job_id, b.arch, b.mode, b.cpu_model, b.cores, b.go_version, b.worker_id"
          + " FROM batches b JOIN jobs j ON j.id = b.job_id WHERE j.submission_id = ?"
          + " ORDER BY b.job_id, b.attempt DESC, b.sequence DESC";
  private static final String COUNTS =
      "SELECT o.job_id, o.outcome, o.count, o.class FROM outcome_counts o JOIN jobs j ON j.id = o.job_id"
          + " WHERE j.submission_id = ? ORDER BY o.job_id, o.outcome COLLATE \"C\"";

  private final Connection c;
  private final String submissionId;

  ResultsReader(Connection c, String submissionId) {
    this.c = c;
    this.submissionId = submissionId;
  }

  Optional<Results> read() throws SQLException {
    String programId;
    String programName;
    OutcomeClass verdict;
    try (PreparedStatement ps = prepare(HEADER);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      programId = rs.getString(1);
      programName = rs.getString(2);
      verdict = OutcomeClass.valueOf(rs.getString(3));
    }
    Map<String, Provenance> provenance = provenance();
    Map<String, List<ClassifiedCount>> counts = counts();
    List<JobResult> jobs = new ArrayList<>();
    boolean finished = true;
    try (PreparedStatement ps = prepare(JOBS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String jobId = rs.getString(1);
        String state = rs.getString(3);
        finished &= state.equals("done") || state.equals("failed") || state.equals("incomplete");
        jobs.add(
            new JobResult(jobId, rs.getString(2), state, rs.getLong(4),
                Optional.ofNullable(provenance.get(jobId)), counts.getOrDefault(jobId, List.of())));
      }
    }
    return Optional.of(new Results(submissionId, programId, programName, verdict, jobs, finished));
  }

  private Map<String, Provenance> provenance() throws SQLException {
    Map<String, Provenance> byJob = new HashMap<>();
    try (PreparedStatement ps = prepare(PROVENANCE);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byJob.put(
            rs.getString(1),
            Provenance.newBuilder()
                .setArch(rs.getString(2))
                .setMode(rs.getString(3))
                .setCpuModel(rs.getString(4))
                .setCores(rs.getInt(5))
                .setGoVersion(rs.getString(6))
                .setWorkerId(rs.getString(7))
                .build());
      }
    }
    return byJob;
  }

  private Map<String, List<ClassifiedCount>> counts() throws SQLException {
    Map<String, List<ClassifiedCount>> byJob = new HashMap<>();
    try (PreparedStatement ps = prepare(COUNTS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        byJob
            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new ClassifiedCount(rs.getString(2), rs.getLong(3), OutcomeClass.valueOf(rs.getString(4))));
      }
    }
    return byJob;
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setString(1, submissionId);
    return ps;
  }
}
