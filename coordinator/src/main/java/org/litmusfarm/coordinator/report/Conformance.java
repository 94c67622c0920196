package org.litmusfarm.coordinator.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The conformance table of a campaign: for each catalog program (fuzz mutants are left out) and
 * each architecture, mode and toolchain it ran on, the worst outcome class observed over its jobs
 * (FORBIDDEN over WEAK over SC), the least finished job state, and the iterations.
 */
public final class Conformance {
  /** One cell; {@code worst} is empty when nothing was observed, {@code mode} while nothing arrived. */
  public record Cell(String program, String arch, String mode, String goVersion, String worst, String state, long iterations) {}

  private static final String[] CLASSES = {"", "SC", "WEAK", "FORBIDDEN"};
  private static final String[] STATES = {"queued", "leased", "failed", "done"};

  private final Rows rows;

  Conformance(Rows rows) {
    this.rows = rows;
  }

  List<Cell> of(String campaignId) {
    List<Cell> out = new ArrayList<>();
    rows.query(
        CampaignReport.JOB_MODES
            + ", per_job AS (SELECT p.name, s.created_at, j.goarch, coalesce(jm.mode, '') AS mode,"
            + "  coalesce(jm.go_version, j.go_version) AS go, j.iterations,"
            + "  CASE j.state WHEN 'queued' THEN 0 WHEN 'leased' THEN 1 WHEN 'failed' THEN 2 ELSE 3 END AS state,"
            + "  coalesce((SELECT max(CASE oc.class WHEN 'FORBIDDEN' THEN 3 WHEN 'WEAK' THEN 2 ELSE 1 END)"
            + "   FROM outcome_counts oc WHERE oc.job_id = j.id), 0) AS worst"
            + "  FROM jobs j JOIN submissions s ON s.id = j.submission_id JOIN programs p ON p.id = j.program_id"
            + "  LEFT JOIN jm ON jm.job_id = j.id"
            + "  WHERE s.campaign_id = ? AND NOT EXISTS (SELECT 1 FROM fuzz_mutants m WHERE m.submission_id = s.id))"
            + " SELECT name, goarch, mode, go, max(worst), min(state), sum(iterations), min(created_at) FROM per_job"
            + " GROUP BY 1, 2, 3, 4 ORDER BY 8, 1, 2, 3, 4",
        rs -> out.add(new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            CLASSES[rs.getInt(5)], STATES[rs.getInt(6)], rs.getLong(7))),
        campaignId, campaignId);
    return out;
  }
}
