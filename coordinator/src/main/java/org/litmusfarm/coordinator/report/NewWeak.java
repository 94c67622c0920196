package org.litmusfarm.coordinator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WEAK outcomes a campaign observed that the previous campaign of the same spec did not: the same
 * program, architecture, execution mode and outcome. Without a previous campaign every WEAK
 * outcome is new.
 */
public final class NewWeak {
  /** A WEAK outcome of a program on an architecture and mode, with how often it was seen. */
  public record Outcome(String program, String arch, String mode, String outcome, long count) {}

  private final Rows rows;

  NewWeak(Rows rows) {
    this.rows = rows;
  }

  List<Outcome> of(String campaignId, Optional<String> previousId) {
    String weakOf =
        "SELECT j.program_id, jm.arch, jm.mode, oc.outcome, sum(oc.count) AS n FROM jm"
            + " JOIN jobs j ON j.id = jm.job_id JOIN outcome_counts oc ON oc.job_id = jm.job_id"
            + " WHERE oc.class = 'WEAK' GROUP BY 1, 2, 3, 4";
    String previousModes = CampaignReport.JOB_MODES.replace("WITH jm AS", "pm AS");
    List<Outcome> out = new ArrayList<>();
    rows.query(
        CampaignReport.JOB_MODES
            + ", " + previousModes
            + ", now_weak AS (" + weakOf + "),"
            + " before AS (SELECT DISTINCT j.program_id, pm.arch, pm.mode, oc.outcome FROM pm"
            + "  JOIN jobs j ON j.id = pm.job_id JOIN outcome_counts oc ON oc.job_id = pm.job_id WHERE oc.class = 'WEAK')"
            + " SELECT p.name, w.arch, w.mode, w.outcome, w.n FROM now_weak w JOIN programs p ON p.id = w.program_id"
            + " WHERE NOT EXISTS (SELECT 1 FROM before b WHERE (b.program_id, b.arch, b.mode, b.outcome)"
            + "  = (w.program_id, w.arch, w.mode, w.outcome))"
            + " ORDER BY 2, 3, 1, 4",
        rs -> out.add(new Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5))),
        campaignId, previousId.orElse(""));
    return out;
  }
}
