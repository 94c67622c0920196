package org.litmusfarm.coordinator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What a campaign found, per architecture, execution mode and toolchain (native and emulated
 * results never share a row): jobs, programs, iterations, distinct WEAK and FORBIDDEN outcomes
 * observed, and violations; the conformance table, WEAK outcomes new since the previous campaign
 * of the same spec, and what the fuzzer achieved. The mode and toolchain of a job are the ones its
 * batches recorded.
 */
public final class CampaignReport {
  /** One architecture, mode and toolchain of a campaign. */
  public record ArchSummary(
      String arch, String mode, int jobs, long iterations, int weak, int forbidden, String goVersion, int programs) {}

  /** A FORBIDDEN outcome a campaign observed. */
  public record Violation(String program, String arch, String mode, String cpuModel, String goVersion, String outcome, long count) {}

  /**
   * The farm's reduction of a violating program of a campaign on one architecture and mode: its
   * state ({@code queued}, {@code running}, {@code done}, {@code failed}), candidates run and
   * reproduced, sizes before and now, why it stopped or failed, and the smallest program that
   * reproduced so far with the part of the outcome that makes it forbidden.
   */
  public record Reduction(
      String program, String arch, String mode, String state, int attempts, int accepted, String originalSize,
      String reducedSize, String stop, String error, String reducedLitmus, String outcome) {
    /** Whether it has ended, done or failed. */
    public boolean finished() {
      return state.equals("done") || state.equals("failed");
    }
  }

  /** Per job: its latest batch's provenance. */
  static final String JOB_MODES =
      "WITH jm AS (SELECT DISTINCT ON (b.job_id) b.job_id, b.arch, b.mode, b.cpu_model, b.go_version"
          + " FROM batches b JOIN jobs j ON j.id = b.job_id JOIN submissions s ON s.id = j.submission_id"
          + " WHERE s.campaign_id = ? ORDER BY b.job_id, b.attempt DESC, b.sequence DESC) ";

  private final Rows rows;

  public CampaignReport(DataSource db) {
    this.rows = new Rows(db);
  }

  /** Per architecture, mode and toolchain, sorted by architecture, mode, then toolchain. */
  public List<ArchSummary> architectures(String campaignId) {
    List<ArchSummary> out = new ArrayList<>();
    rows.query(
        JOB_MODES
            + ", per_job AS (SELECT jm.job_id, jm.arch, jm.mode, jm.go_version, j.program_id,"
            + "  (SELECT sum(b.iterations) FROM batches b WHERE b.job_id = jm.job_id) AS iterations"
            + "  FROM jm JOIN jobs j ON j.id = jm.job_id),"
            + " seen AS (SELECT p.arch, p.mode, p.go_version, oc.class, count(DISTINCT (p.program_id, oc.outcome)) AS n"
            + "  FROM per_job p JOIN outcome_counts oc ON oc.job_id = p.job_id WHERE oc.class <> 'SC' GROUP BY 1, 2, 3, 4)"
            + " SELECT p.arch, p.mode, p.go_version, count(*), count(DISTINCT p.program_id), coalesce(sum(p.iterations), 0),"
            + " coalesce((SELECT n FROM seen s WHERE (s.arch, s.mode, s.go_version, s.class) = (p.arch, p.mode, p.go_version, 'WEAK')), 0),"
            + " coalesce((SELECT n FROM seen s WHERE (s.arch, s.mode, s.go_version, s.class) = (p.arch, p.mode, p.go_version, 'FORBIDDEN')), 0)"
            + " FROM per_job p GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        rs -> out.add(new ArchSummary(rs.getString(1), rs.getString(2), rs.getInt(4), rs.getLong(6), rs.getInt(7),
            rs.getInt(8), rs.getString(3), rs.getInt(5))),
        campaignId);
    return out;
  }

  /** The reductions of the campaign's violating programs, by program, architecture and mode. */
  public List<Reduction> reductions(String campaignId) {
    List<Reduction> out = new ArrayList<>();
    rows.query(
        "SELECT p.name, r.arch, r.mode, r.state, r.attempts, r.accepted, r.original_size, r.reduced_size,"
            + " coalesce(r.stop, ''), coalesce(r.error, ''), c.litmus, r.current_outcome"
            + " FROM reductions r JOIN programs p ON p.id = r.program_id JOIN programs c ON c.id = r.current_program_id"
            + " WHERE r.program_id IN (SELECT j.program_id FROM jobs j JOIN submissions s ON s.id = j.submission_id"
            + " WHERE s.campaign_id = ?) ORDER BY p.name, r.arch, r.mode",
        rs -> out.add(new Reduction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getString(12))),
        campaignId);
    return out;
  }

  /** Every FORBIDDEN outcome the campaign observed, most frequent first. */
  public List<Violation> violations(String campaignId) {
    List<Violation> out = new ArrayList<>();
    rows.query(
        JOB_MODES
            + "SELECT p.name, jm.arch, jm.mode, jm.cpu_model, jm.go_version, oc.outcome, sum(oc.count)"
            + " FROM jm JOIN outcome_counts oc ON oc.job_id = jm.job_id JOIN jobs j ON j.id = jm.job_id"
            + " JOIN programs p ON p.id = j.program_id WHERE oc.class = 'FORBIDDEN'"
            + " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 7 DESC, 1",
        rs ->
            out.add(
                new Violation(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getLong(7))),
        campaignId);
    return out;
  }

  /**
   * Whether every done job of the campaign has its batches ingested: the iterations of the
   * attempt's batches add up to what the worker reported when it completed the job.
   */
  public boolean ingested(String campaignId) {
    long[] behind = {0};
    rows.query(
        "SELECT count(*) FROM jobs j JOIN submissions s ON s.id = j.submission_id"
            + " WHERE s.campaign_id = ? AND j.state = 'done' AND j.iterations > coalesce("
            + "(SELECT sum(b.iterations) FROM batches b WHERE b.job_id = j.id AND b.attempt = j.attempt), 0)",
        rs -> behind[0] = rs.getLong(1),
        campaignId);
    return behind[0] == 0;
  }

  /** The conformance table of the campaign's catalog programs. */
  public List<Conformance.Cell> conformance(String campaignId) {
    return new Conformance(rows).of(campaignId);
  }

  /** WEAK outcomes observed in {@code campaignId} and not in {@code previousId} (all, if there is none). */
  public List<NewWeak.Outcome> newWeak(String campaignId, Optional<String> previousId) {
    return new NewWeak(rows).of(campaignId, previousId);
  }

  /** What the fuzzer achieved, if the campaign fuzzes. */
  public Optional<FuzzFigures.Summary> fuzz(String campaignId) {
    return new FuzzFigures(rows).of(campaignId);
  }
}
