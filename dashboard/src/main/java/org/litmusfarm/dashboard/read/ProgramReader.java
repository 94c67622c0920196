package org.litmusfarm.dashboard.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One program: its text, the outcomes the oracle allows, and what its jobs observed. */
public final class ProgramReader {
  private static final String PROGRAM =
      "SELECT id, name, litmus, verdict, racy, created_at FROM programs WHERE id = ?";
  private static final String ALLOWED =
      "SELECT outcome, class FROM program_outcomes WHERE program_id = ? ORDER BY outcome COLLATE \"C\"";
  private static final String RUNS =
      JobRuns.with(JobRuns.PROGRAM_JOBS)
          + " SELECT sj.goarch, jr.mode, count(*), sum(jr.iterations),"
          + " array_agg(DISTINCT jr.cpu_model), array_agg(DISTINCT jr.go_version)"
          + " FROM sj JOIN jr ON jr.job_id = sj.id GROUP BY 1, 2";
  private static final String COUNTS =
      JobRuns.with(JobRuns.PROGRAM_JOBS)
          + " SELECT sj.goarch, jr.mode, o.outcome, o.class, sum(o.count)"
          + " FROM sj JOIN jr ON jr.job_id = sj.id JOIN outcome_counts o ON o.job_id = sj.id"
          + " GROUP BY 1, 2, 3, 4";

  private final Sql sql;

  public ProgramReader(Sql sql) {
    this.sql = sql;
  }

  public Optional<ProgramInfo> find(String id) {
    return sql.one(
        PROGRAM,
        rs -> new ProgramInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
            Sql.instant(rs, 6)),
        id);
  }

  /** Every outcome the oracle allows, with its class. */
  public List<OutcomeCount> allowed(String id) {
    return sql.list(ALLOWED, rs -> new OutcomeCount(rs.getString(1), rs.getString(2), 0), id);
  }

  /**
   * Per architecture and mode (by architecture, native first), the observed counts, with every
   * allowed outcome never observed there listed with count 0.
   */
  public List<ObservedRun> observed(String id, List<OutcomeCount> allowed) {
    Map<String, List<OutcomeCount>> counts = new LinkedHashMap<>();
    sql.list(
        COUNTS,
        rs -> counts.computeIfAbsent(rs.getString(1) + "\t" + rs.getString(2), k -> new ArrayList<>())
            .add(new OutcomeCount(rs.getString(3), rs.getString(4), rs.getLong(5))),
        id);
    List<ObservedRun> runs =
        sql.list(
            RUNS,
            rs -> {
              List<OutcomeCount> seen = new ArrayList<>(counts.getOrDefault(rs.getString(1) + "\t" + rs.getString(2), List.of()));
              for (OutcomeCount a : allowed) {
                if (seen.stream().noneMatch(s -> s.outcome().equals(a.outcome()))) {
                  seen.add(a);
                }
              }
              seen.sort(Comparator.comparing(OutcomeCount::outcome));
              return new ObservedRun(
                  rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                  Arrays.asList((String[]) rs.getArray(5).getArray()), Arrays.asList((String[]) rs.getArray(6).getArray()),
                  seen);
            },
            id);
    runs.sort(Comparator.comparing(ObservedRun::arch).thenComparing(ObservedRun::mode, Mode::order));
    return runs;
  }
}
