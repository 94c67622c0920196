package org.litmusfarm.dashboard.read;

import java.util.Arrays;
import java.util.List;

/** The fleet: every registered worker, by architecture, native first. */
public final class FleetReader {
  private static final String WORKERS =
      "SELECT id, name, arch, mode, cpu_model, cores, go_versions, farm_version, registered_at, last_heartbeat,"
          + " jobs_done, last_heartbeat > now() - make_interval(secs => ?)"
          + " FROM workers ORDER BY arch, mode <> 'native', mode, name, id";

  private final Sql sql;

  public FleetReader(Sql sql) {
    this.sql = sql;
  }

  public List<Worker> workers() {
    return sql.list(
        WORKERS,
        rs ->
            new Worker(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getString(8), Sql.instant(rs, 9),
                Sql.instant(rs, 10), rs.getLong(11), rs.getBoolean(12)),
        OverviewReader.ALIVE_SECONDS);
  }
}
