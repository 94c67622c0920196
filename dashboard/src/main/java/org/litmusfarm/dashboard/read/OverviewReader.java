package org.litmusfarm.dashboard.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the overview. The newest campaign per architecture and mode is found by walking back from
 * the newest campaign until every (architecture, mode) of the fleet is covered, at most {@link
 * #LOOKBACK} campaigns; each step reads one campaign's jobs only.
 */
public final class OverviewReader {
  static final int LOOKBACK = 5;
  /** A worker is alive when its last heartbeat is younger than this many seconds. */
  public static final int ALIVE_SECONDS = 30;

  private static final String OPEN =
      "SELECT count(*) FILTER (WHERE v.mode = 'native'), count(*) FILTER (WHERE v.mode <> 'native')"
          + " FROM violations v LEFT JOIN triage t ON t.program_id = v.program_id AND t.arch = v.arch"
          + " AND t.mode = v.mode AND t.outcome = v.outcome"
          + " WHERE coalesce(t.state, 'new') NOT IN ('expected', 'reported')";
  private static final String FLEET_PAIRS = "SELECT DISTINCT arch, mode FROM workers";
  private static final String FLEET =
      "SELECT count(*), count(*) FILTER (WHERE last_heartbeat > now() - make_interval(secs => ?)) FROM workers";

  private final Sql sql;
  private final CampaignReader campaigns;

  public OverviewReader(Sql sql, CampaignReader campaigns) {
    this.sql = sql;
    this.campaigns = campaigns;
  }

  public Overview read() {
    Set<String> wanted = new HashSet<>(sql.list(FLEET_PAIRS, rs -> rs.getString(1) + "\t" + rs.getString(2)));
    List<CampaignRow> recent = campaigns.list(LOOKBACK);
    List<ArchSummary> latest = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (CampaignRow c : recent) {
      for (ArchSummary a : campaigns.summary(c)) {
        if (covered.add(a.arch() + "\t" + a.mode())) {
          latest.add(a);
        }
      }
      if (!covered.isEmpty() && covered.containsAll(wanted)) {
        break;
      }
    }
    latest.sort(Comparator.comparing(ArchSummary::arch).thenComparing(ArchSummary::mode, Mode::order));
    int[] open = sql.one(OPEN, rs -> new int[] {rs.getInt(1), rs.getInt(2)}).orElse(new int[2]);
    int[] fleet = sql.one(FLEET, rs -> new int[] {rs.getInt(1), rs.getInt(2)}, ALIVE_SECONDS).orElse(new int[2]);
    return new Overview(latest, open[0], open[1], recent, fleet[0], fleet[1]);
  }
}
