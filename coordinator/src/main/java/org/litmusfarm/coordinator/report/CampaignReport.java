package org.litmusfarm.coordinator.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a campaign found, per architecture and execution mode (native and emulated results never
 * share a row): jobs, iterations, distinct WEAK and FORBIDDEN outcomes observed, and violations.
 * The mode of a job is the one its batches recorded.
 */
public final class CampaignReport {
  /** One architecture and mode of a campaign. */
  public record ArchSummary(String arch, String mode, int jobs, long iterations, int weak, int forbidden) {}

  /** A FORBIDDEN outcome a campaign observed. */
  public record Violation(String program, String arch, String mode, String cpuModel, String goVersion, String outcome, long count) {}

  private static final String JOB_MODES =
      "WITH jm AS (SELECT DISTINCT ON (b.job_id) b.job_id, b.arch, b.mode, b.cpu_model, b.go_version"
          + " FROM batches b JOIN jobs j ON j.id = b.job_id JOIN submissions s ON s.id = j.submission_id"
          + " WHERE s.campaign_id = ? ORDER BY b.job_id, b.ingested_at DESC) ";

  private final DataSource db;

  public CampaignReport(DataSource db) {
    this.db = db;
  }

  /** Per architecture and mode, sorted by architecture then mode. */
  public List<ArchSummary> architectures(String campaignId) {
    Map<String, long[]> rows = new LinkedHashMap<>();
    query(
        JOB_MODES
            + "SELECT jm.arch, jm.mode, count(DISTINCT jm.job_id), coalesce(sum(b.iterations), 0)"
            + " FROM jm JOIN batches b ON b.job_id = jm.job_id GROUP BY 1, 2 ORDER BY 1, 2",
        campaignId,
        rs -> rows.put(rs.getString(1) + "\t" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4), 0, 0}));
    query(
        JOB_MODES
            + "SELECT jm.arch, jm.mode, oc.class, count(DISTINCT (j.program_id, oc.outcome))"
            + " FROM jm JOIN outcome_counts oc ON oc.job_id = jm.job_id JOIN jobs j ON j.id = jm.job_id"
            + " WHERE oc.class <> 'SC' GROUP BY 1, 2, 3",
        campaignId,
        rs -> {
          long[] r = rows.computeIfAbsent(rs.getString(1) + "\t" + rs.getString(2), k -> new long[4]);
          r[rs.getString(3).equals("WEAK") ? 2 : 3] = rs.getLong(4);
        });
    List<ArchSummary> out = new ArrayList<>();
    rows.forEach(
        (k, r) -> {
          String[] am = k.split("\t", 2);
          out.add(new ArchSummary(am[0], am[1], (int) r[0], r[1], (int) r[2], (int) r[3]));
        });
    return out;
  }

  /** Every FORBIDDEN outcome the campaign observed, most frequent first. */
  public List<Violation> violations(String campaignId) {
    List<Violation> out = new ArrayList<>();
    query(
        JOB_MODES
            + "SELECT p.name, jm.arch, jm.mode, jm.cpu_model, jm.go_version, oc.outcome, sum(oc.count)"
            + " FROM jm JOIN outcome_counts oc ON oc.job_id = jm.job_id JOIN jobs j ON j.id = jm.job_id"
            + " JOIN programs p ON p.id = j.program_id WHERE oc.class = 'FORBIDDEN'"
            + " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 7 DESC, 1",
        campaignId,
        rs ->
            out.add(
                new Violation(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getLong(7))));
    return out;
  }

  /**
   * Whether every done job of the campaign has its batches ingested: the iterations of the
   * attempt's batches add up to what the worker reported when it completed the job.
   */
  public boolean ingested(String campaignId) {
    long[] behind = {0};
    query(
        "SELECT count(*) FROM jobs j JOIN submissions s ON s.id = j.submission_id"
            + " WHERE s.campaign_id = ? AND j.state = 'done' AND j.iterations > coalesce("
            + "(SELECT sum(b.iterations) FROM batches b WHERE b.job_id = j.id AND b.attempt = j.attempt), 0)",
        campaignId,
        rs -> behind[0] = rs.getLong(1));
    return behind[0] == 0;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, String campaignId, Row row) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the campaign report: " + e.getMessage(), e);
    }
  }
}
