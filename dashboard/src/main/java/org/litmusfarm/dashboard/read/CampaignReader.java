package org.litmusfarm.dashboard.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Campaigns: the newest ones with progress, and one in detail with its conformance table. Results
 * come from the rollups ({@code campaign_results}, {@code job_results}); job progress is counted
 * live for campaigns still running, from the {@code campaign_jobs} rollup for finished ones.
 */
public final class CampaignReader {
  private static final String CAMPAIGNS =
      "SELECT c.id, c.spec_name, c.state, c.started_at, c.finished_at, cj.total, cj.done, cj.failed"
          + " FROM campaigns c LEFT JOIN campaign_jobs cj ON cj.campaign_id = c.id %s"
          + " ORDER BY c.started_at DESC, c.id LIMIT ?";
  /**
   * The campaigns' jobs are found through an array of their submissions, which makes PostgreSQL
   * read them by index instead of scanning every job.
   */
  private static final String CAMPAIGN_JOBS =
      " FROM jobs j JOIN submissions s ON s.id = j.submission_id"
          + " WHERE j.submission_id = ANY(ARRAY(SELECT id FROM submissions WHERE campaign_id = ANY(?)))";
  private static final String LIVE =
      "SELECT s.campaign_id, count(*), count(*) FILTER (WHERE j.state = 'done'),"
          + " count(*) FILTER (WHERE j.state = 'failed'), count(*) FILTER (WHERE j.state = 'leased')"
          + CAMPAIGN_JOBS + " GROUP BY 1";
  private static final String SUMMARY =
      "SELECT cr.arch, cr.mode, cr.programs, cr.iterations, cr.weak, cr.forbidden,"
          + " (SELECT count(*) FROM workers w WHERE w.arch = cr.arch AND w.mode = cr.mode)"
          + " FROM campaign_results cr WHERE cr.campaign_id = ?";
  private static final String CELLS =
      "SELECT j.program_id, p.name, j.goarch, jr.mode, j.state, jr.worst"
          + " FROM jobs j JOIN programs p ON p.id = j.program_id LEFT JOIN job_results jr ON jr.job_id = j.id"
          + " WHERE j.submission_id = ANY(ARRAY(SELECT id FROM submissions WHERE campaign_id = ?))";
  private static final String[] CLASSES = {"SC", "WEAK", "FORBIDDEN"};

  private final Sql sql;

  public CampaignReader(Sql sql) {
    this.sql = sql;
  }

  /** The newest {@code limit} campaigns, newest first. */
  public List<CampaignRow> list(int limit) {
    return withProgress(sql.list(String.format(CAMPAIGNS, ""), CampaignReader::stored, limit));
  }

  /** The campaign {@code id}. */
  public Optional<CampaignRow> find(String id) {
    return withProgress(sql.list(String.format(CAMPAIGNS, "WHERE c.id = ?"), CampaignReader::stored, id, 1))
        .stream().findFirst();
  }

  /** The spec a campaign was started from, as stored. */
  public Optional<String> specText(String id) {
    return sql.one("SELECT spec_text FROM campaigns WHERE id = ?", rs -> rs.getString(1), id);
  }

  private static CampaignRow stored(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CampaignRow(
        rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4), Sql.instant(rs, 5),
        rs.getInt(6), rs.getInt(7), rs.getInt(8), 0);
  }

  /** Counts live the jobs of campaigns whose rolled-up counts may be out of date. */
  private List<CampaignRow> withProgress(List<CampaignRow> rows) {
    String[] stale =
        rows.stream()
            .filter(c -> c.state().equals("running") || c.jobsTotal() == 0 || c.jobsDone() + c.jobsFailed() < c.jobsTotal())
            .map(CampaignRow::id)
            .toArray(String[]::new);
    if (stale.length == 0) {
      return rows;
    }
    Map<String, int[]> live = new HashMap<>();
    sql.list(LIVE, rs -> live.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)}),
        (Object) stale);
    List<CampaignRow> out = new ArrayList<>();
    for (CampaignRow c : rows) {
      int[] n = live.get(c.id());
      out.add(n == null ? c : new CampaignRow(c.id(), c.specName(), c.state(), c.startedAt(), c.finishedAt(), n[0], n[1], n[2], n[3]));
    }
    return out;
  }

  /** Per architecture and mode, what {@code campaign} found, sorted by architecture, native first. */
  public List<ArchSummary> summary(CampaignRow campaign) {
    List<ArchSummary> out =
        sql.list(
            SUMMARY,
            rs ->
                new ArchSummary(
                    rs.getString(1), rs.getString(2), campaign.id(), campaign.specName(), campaign.startedAt(),
                    rs.getInt(3), rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)),
            campaign.id());
    out.sort(Comparator.comparing(ArchSummary::arch).thenComparing(ArchSummary::mode, Mode::order));
    return out;
  }

  /** The conformance table of a campaign: programs by (architecture, mode), worst class per cell. */
  public Conformance conformance(String campaignId) {
    record Job(String programId, String name, String arch, String mode, String state, int worst) {}
    List<Job> jobs =
        sql.list(
            CELLS,
            rs -> {
              int worst = rs.getInt(6);
              return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                  rs.wasNull() ? -1 : worst);
            },
            campaignId);
    TreeMap<String, Conformance.Column> columns = new TreeMap<>();
    Map<String, Map<String, Job>> byProgram = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    for (Job j : jobs) {
      Conformance.Column col = new Conformance.Column(j.arch(), j.mode() == null ? "" : j.mode());
      columns.put(col.key(), col);
      names.put(j.programId(), j.name());
      byProgram.computeIfAbsent(j.programId(), k -> new LinkedHashMap<>()).merge(col.key(), j, (a, b) -> a.worst() >= b.worst() ? a : b);
    }
    List<Conformance.Column> cols = new ArrayList<>(columns.values());
    cols.sort(Comparator.comparing(Conformance.Column::arch).thenComparing(Conformance.Column::mode, Conformance::modeOrder));
    List<Conformance.Row> rows = new ArrayList<>();
    for (var e : byProgram.entrySet()) {
      List<Conformance.Cell> cells = new ArrayList<>();
      for (Conformance.Column col : cols) {
        Job j = e.getValue().get(col.key());
        cells.add(
            j == null
                ? Conformance.Cell.NONE
                : new Conformance.Cell(j.worst() < 0 ? "" : CLASSES[j.worst()], j.state()));
      }
      rows.add(new Conformance.Row(e.getKey(), names.get(e.getKey()), cells));
    }
    rows.sort(Comparator.comparing(Conformance.Row::programName));
    return new Conformance(cols, rows);
  }
}
