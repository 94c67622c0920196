package org.litmusfarm.dashboard.read;

import java.util.Comparator;
import java.util.List;

/** Reads the overview, from the {@code campaign_results} rollup and the live fleet and violations. */
public final class OverviewReader {
  /** Campaigns listed as recent. */
  static final int RECENT = 5;
  /** A worker is alive when its last heartbeat is younger than this many seconds. */
  public static final int ALIVE_SECONDS = 30;

  private static final String OPEN =
      "SELECT count(*) FILTER (WHERE v.mode = 'native'), count(*) FILTER (WHERE v.mode <> 'native')"
          + " FROM violations v LEFT JOIN triage t ON t.program_id = v.program_id AND t.arch = v.arch"
          + " AND t.mode = v.mode AND t.outcome = v.outcome"
          + " WHERE coalesce(t.state, 'new') NOT IN ('expected', 'reported')"
          + " AND NOT EXISTS (SELECT 1 FROM reduction_tries rt WHERE rt.program_id = v.program_id)";
  private static final String LATEST =
      "SELECT DISTINCT ON (cr.arch, cr.mode) cr.arch, cr.mode, c.id, c.spec_name, c.started_at, cr.programs,"
          + " cr.iterations, cr.weak, cr.forbidden,"
          + " (SELECT count(*) FROM workers w WHERE w.arch = cr.arch AND w.mode = cr.mode)"
          + " FROM campaign_results cr JOIN campaigns c ON c.id = cr.campaign_id"
          + " ORDER BY cr.arch, cr.mode, c.started_at DESC, c.id";
  private static final String FLEET =
      "SELECT count(*), count(*) FILTER (WHERE last_heartbeat > now() - make_interval(secs => ?)) FROM workers";

  private final Sql sql;
  private final CampaignReader campaigns;

  public OverviewReader(Sql sql, CampaignReader campaigns) {
    this.sql = sql;
    this.campaigns = campaigns;
  }

  public Overview read() {
    List<ArchSummary> latest =
        sql.list(
            LATEST,
            rs ->
                new ArchSummary(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, 5), rs.getInt(6),
                    rs.getLong(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)));
    latest.sort(Comparator.comparing(ArchSummary::arch).thenComparing(ArchSummary::mode, Mode::order));
    int[] open = sql.one(OPEN, rs -> new int[] {rs.getInt(1), rs.getInt(2)}).orElse(new int[2]);
    int[] fleet = sql.one(FLEET, rs -> new int[] {rs.getInt(1), rs.getInt(2)}, ALIVE_SECONDS).orElse(new int[2]);
    return new Overview(latest, open[0], open[1], campaigns.list(RECENT), fleet[0], fleet[1]);
  }
}
