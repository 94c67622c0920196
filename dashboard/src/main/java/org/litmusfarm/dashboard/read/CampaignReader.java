package org.litmusfarm.dashboard.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Campaigns: the newest ones with progress, and one in detail with its conformance table. */
public final class CampaignReader {
  private static final String LIST =
      "SELECT c.id, c.spec_name, c.state, c.started_at, c.finished_at, n.total, n.done, n.failed, n.running"
          + " FROM (SELECT * FROM campaigns %s ORDER BY started_at DESC, id LIMIT ?) c"
          + " CROSS JOIN LATERAL (SELECT count(j.id) AS total,"
          + " count(j.id) FILTER (WHERE j.state = 'done') AS done,"
          + " count(j.id) FILTER (WHERE j.state = 'failed') AS failed,"
          + " count(j.id) FILTER (WHERE j.state = 'leased') AS running"
          + " FROM submissions s JOIN jobs j ON j.submission_id = s.id WHERE s.campaign_id = c.id) n"
          + " ORDER BY c.started_at DESC, c.id";
  private static final String SUMMARY =
      JobRuns.with(JobRuns.CAMPAIGN_JOBS)
          + ", seen AS (SELECT sj.goarch, jr.mode, sj.program_id, o.outcome, o.class FROM sj"
          + " JOIN jr ON jr.job_id = sj.id JOIN outcome_counts o ON o.job_id = sj.id WHERE o.class <> 'SC')"
          + " SELECT g.goarch, g.mode, g.programs, g.iterations,"
          + " (SELECT count(DISTINCT (program_id, outcome)) FROM seen WHERE seen.goarch = g.goarch AND seen.mode = g.mode AND class = 'WEAK'),"
          + " (SELECT count(DISTINCT (program_id, outcome)) FROM seen WHERE seen.goarch = g.goarch AND seen.mode = g.mode AND class = 'FORBIDDEN'),"
          + " (SELECT count(*) FROM workers w WHERE w.arch = g.goarch AND w.mode = g.mode)"
          + " FROM (SELECT sj.goarch, jr.mode, count(DISTINCT sj.program_id) AS programs, sum(jr.iterations) AS iterations"
          + " FROM sj JOIN jr ON jr.job_id = sj.id GROUP BY 1, 2) g";
  private static final String CELLS =
      JobRuns.with(JobRuns.CAMPAIGN_JOBS)
          + " SELECT sj.program_id, p.name, sj.goarch, jr.mode, sj.state,"
          + " (SELECT max(CASE o.class WHEN 'FORBIDDEN' THEN 2 WHEN 'WEAK' THEN 1 ELSE 0 END)"
          + " FROM outcome_counts o WHERE o.job_id = sj.id)"
          + " FROM sj JOIN programs p ON p.id = sj.program_id LEFT JOIN jr ON jr.job_id = sj.id";
  private static final String[] CLASSES = {"SC", "WEAK", "FORBIDDEN"};

  private final Sql sql;

  public CampaignReader(Sql sql) {
    this.sql = sql;
  }

  /** The newest {@code limit} campaigns, newest first. */
  public List<CampaignRow> list(int limit) {
    return sql.list(String.format(LIST, ""), CampaignReader::row, limit);
  }

  /** The campaign {@code id}. */
  public Optional<CampaignRow> find(String id) {
    return sql.one(String.format(LIST, "WHERE id = ?"), CampaignReader::row, id, 1);
  }

  /** The spec a campaign was started from, as stored. */
  public Optional<String> specText(String id) {
    return sql.one("SELECT spec_text FROM campaigns WHERE id = ?", rs -> rs.getString(1), id);
  }

  private static CampaignRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new CampaignRow(
        rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, 4), Sql.instant(rs, 5),
        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9));
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
