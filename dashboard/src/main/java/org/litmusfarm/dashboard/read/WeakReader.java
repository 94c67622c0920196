package org.litmusfarm.dashboard.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Weak outcomes from the {@code weak_outcomes} rollup, joined with their programs and triage,
 * grouped by program, architecture and mode (most frequent outcome first within a group).
 */
public final class WeakReader {
  /** Most rows one page shows. */
  public static final int PAGE = 200;

  private static final String FROM =
      " FROM weak_outcomes w JOIN programs p ON p.id = w.program_id"
          + " LEFT JOIN triage t ON t.program_id = w.program_id AND t.arch = w.arch AND t.mode = w.mode"
          + " AND t.outcome = w.outcome WHERE true";
  private static final String COLUMNS =
      "SELECT w.program_id, p.name, w.arch, w.mode, w.outcome, w.count, w.jobs_seen, w.iterations, w.jobs_run,"
          + " w.first_seen, w.last_seen, coalesce(t.state, 'new'), coalesce(t.note, '')";

  private final Sql sql;
  private final Shapes shapes;
  private final Rollup rollup;

  public WeakReader(Sql sql, Shapes shapes, Rollup rollup) {
    this.sql = sql;
    this.shapes = shapes;
    this.rollup = rollup;
  }

  /** At most {@code limit} rows matching {@code filter}, from row {@code offset} (0 first). */
  public WeakPage read(WeakFilter filter, int limit, int offset) {
    StringBuilder where = new StringBuilder();
    List<Object> args = new ArrayList<>();
    filter.arch().ifPresent(a -> {
      where.append(" AND w.arch = ?");
      args.add(a);
    });
    filter.shape().ifPresent(s -> {
      where.append(Shapes.OTHER.equals(s) ? " AND NOT" : " AND").append(" (regexp_replace(p.name, ?, '') = ANY(?))");
      args.add(Shapes.MUTANT_SUFFIX_REGEX);
      args.add(shapes.namesOf(s));
    });
    filter.state().ifPresent(s -> {
      where.append(" AND coalesce(t.state, 'new') = ?");
      args.add(s);
    });
    int total = sql.one("SELECT count(*)" + FROM + where, rs -> rs.getInt(1), args.toArray()).orElse(0);
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add(limit);
    pageArgs.add(offset);
    List<WeakOutcome> rows =
        sql.list(
            COLUMNS + FROM + where + " ORDER BY p.name, w.program_id, w.arch, w.mode <> 'native', w.mode, w.count DESC, w.outcome LIMIT ? OFFSET ?",
            rs ->
                new WeakOutcome(
                    rs.getString(1), rs.getString(2), shapes.of(rs.getString(2)), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getLong(8), rs.getInt(9),
                    WeakOutcome.perMillion(rs.getLong(6), rs.getLong(8)), Sql.instant(rs, 10), Sql.instant(rs, 11),
                    rs.getString(12), rs.getString(13)),
            pageArgs.toArray());
    return new WeakPage(rows, total, offset, rollup.lastRefresh());
  }

  /** The architectures that have weak outcomes, for the filter. */
  public List<String> archs() {
    return sql.list("SELECT DISTINCT arch FROM weak_outcomes ORDER BY arch", rs -> rs.getString(1));
  }
}
