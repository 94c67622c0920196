package org.litmusfarm.dashboard.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Violations, newest first, each with the parameters of a job that observed it for the reproducer
 * (found in the {@code job_results} rollup, or among all jobs when it is not there yet). The
 * violations of a reduction's candidates are left out: their reduction shows them.
 */
public final class ViolationReader {
  /** Most violations one page shows. */
  public static final int PAGE = 100;

  private static final String NEWEST =
      "SELECT v.id, v.program_id, p.name, v.outcome, v.count, v.arch, v.mode, v.cpu_model, v.go_version,"
          + " v.first_seen, v.last_seen, coalesce(t.state, 'new'), coalesce(t.note, ''), p.litmus, coalesce(rj.params, rl.params)::text,"
          + " r.state, r.attempts, r.accepted, r.original_size, r.reduced_size, r.stop, r.error, r.current_program_id,"
          + " r.current_outcome, rp.name, rp.litmus"
          + " FROM (SELECT * FROM violations w WHERE NOT EXISTS (SELECT 1 FROM reduction_tries rt"
          + " WHERE rt.program_id = w.program_id) ORDER BY last_seen DESC, id DESC LIMIT ?) v"
          + " JOIN programs p ON p.id = v.program_id"
          + " LEFT JOIN reductions r ON r.program_id = v.program_id AND r.arch = v.arch AND r.mode = v.mode"
          + " LEFT JOIN programs rp ON rp.id = r.current_program_id"
          + " LEFT JOIN triage t ON t.program_id = v.program_id AND t.arch = v.arch AND t.mode = v.mode AND t.outcome = v.outcome"
          + " LEFT JOIN LATERAL (SELECT j.params FROM job_results jr JOIN jobs j ON j.id = jr.job_id"
          + " WHERE jr.program_id = v.program_id AND jr.arch = v.arch AND jr.mode = v.mode AND jr.worst = 2"
          + " ORDER BY jr.job_id DESC LIMIT 1) rj ON true"
          + " LEFT JOIN LATERAL (SELECT j.params FROM jobs j JOIN outcome_counts o ON o.job_id = j.id AND o.outcome = v.outcome"
          + " WHERE rj.params IS NULL AND j.program_id = v.program_id AND j.goarch = v.arch AND o.class = 'FORBIDDEN'"
          + " ORDER BY o.last_seen DESC LIMIT 1) rl ON true"
          + " ORDER BY v.last_seen DESC, v.id DESC";

  private final Sql sql;

  public ViolationReader(Sql sql) {
    this.sql = sql;
  }

  private static Optional<Reduction> reduction(ResultSet rs) throws SQLException {
    if (rs.getString(16) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Reduction(rs.getString(16), rs.getInt(17), rs.getInt(18), rs.getString(19), rs.getString(20),
            Optional.ofNullable(rs.getString(21)), Optional.ofNullable(rs.getString(22)), rs.getString(23),
            rs.getString(24),
            Reproducer.of(rs.getString(25), rs.getString(26), rs.getString(6), rs.getString(7),
                rs.getString(15))));
  }

  /** The newest {@code limit} violations. */
  public List<Violation> newest(int limit) {
    return sql.list(
        NEWEST,
        rs ->
            new Violation(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), Sql.instant(rs, 10), Sql.instant(rs, 11),
                rs.getString(12), rs.getString(13),
                Reproducer.of(rs.getString(3), rs.getString(14), rs.getString(6), rs.getString(7), rs.getString(15)),
                reduction(rs)),
        limit);
  }
}
