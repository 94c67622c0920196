package org.litmusfarm.dashboard.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the dashboard's rollups ({@link #VIEWS}, materialized views of V002) up to date. They are
 * refreshed, in order and in one transaction, when batches were ingested or jobs finished since
 * the last refresh (the ingester writes counts only with new batches and never deletes one).
 * Refreshes run concurrently with readers (after the first, which fills them), one at a time
 * across dashboards sharing the database (an advisory lock), and, when a refresh is slow, at
 * most every {@link #BACKOFF} times its duration, so a busy farm is not swamped.
 */
public final class Rollup {
  private static final Logger LOG = LoggerFactory.getLogger(Rollup.class);
  /** The rollups, in the order they must be refreshed (later ones read earlier ones). */
  static final List<String> VIEWS = List.of("job_results", "campaign_results", "campaign_jobs", "weak_outcomes");
  /** Advisory lock key of the refresh ("weakroll" in ASCII). */
  static final long LOCK = 0x7765616b726f6c6cL;
  static final int BACKOFF = 4;

  private final DataSource db;
  private volatile Instant lastRefresh;
  private String lastSignal = "";
  private Instant notBefore = Instant.MIN;

  public Rollup(DataSource db) {
    this.db = db;
  }

  /** When the rollups were last known to be up to date; null before the first refresh. */
  public Instant lastRefresh() {
    return lastRefresh;
  }

  /** Refreshes if stale, unless the last refresh was so slow that it is too early to start another. */
  public synchronized boolean refreshIfDue() {
    return Instant.now().isBefore(notBefore) ? false : refreshIfStale();
  }

  /**
   * Refreshes the rollups if batches arrived or jobs finished since the last refresh (or they were
   * never filled). Returns whether it refreshed; logs and returns false if the database fails.
   */
  public synchronized boolean refreshIfStale() {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK + ")")) {
          rs.next();
          if (!rs.getBoolean(1)) {
            c.rollback();
            return false;
          }
        }
        String signal = signal(s);
        boolean populated = populated(s);
        if (populated && signal.equals(lastSignal)) {
          lastRefresh = Instant.now();
          c.rollback();
          return false;
        }
        long start = System.nanoTime();
        for (String view : VIEWS) {
          s.execute("REFRESH MATERIALIZED VIEW " + (populated ? "CONCURRENTLY " : "") + view);
        }
        c.commit();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        lastSignal = signal;
        lastRefresh = Instant.now();
        notBefore = lastRefresh.plus(took.multipliedBy(BACKOFF));
        LOG.debug("rollups refreshed in {} ms", took.toMillis());
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      LOG.warn("cannot refresh the dashboard rollups: {}", e.getMessage());
      return false;
    }
  }

  /** How many batches have been ingested and jobs finished: what the rollups depend on. */
  private static String signal(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT (SELECT count(*) FROM batches), (SELECT count(*) FROM jobs WHERE state IN ('done', 'failed'))")) {
      rs.next();
      return rs.getLong(1) + "/" + rs.getLong(2);
    }
  }

  private static boolean populated(Statement s) throws SQLException {
    try (PreparedStatement ps =
        s.getConnection().prepareStatement("SELECT bool_and(ispopulated) FROM pg_matviews WHERE matviewname = ANY(?)")) {
      ps.setArray(1, s.getConnection().createArrayOf("text", VIEWS.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
