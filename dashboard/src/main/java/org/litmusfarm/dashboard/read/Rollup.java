package org.litmusfarm.dashboard.read;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code weak_outcomes} rollup up to date: refreshes it when batches were ingested since
 * the last refresh (the ingester writes counts only with new batches, and never deletes a batch,
 * so the number of batches tells). Refreshes run concurrently with readers (after the first, which
 * fills it), and one at a time across dashboards sharing the database (an advisory lock).
 */
public final class Rollup {
  private static final Logger LOG = LoggerFactory.getLogger(Rollup.class);
  /** Advisory lock key of the refresh ("weakroll" in ASCII). */
  static final long LOCK = 0x7765616b726f6c6cL;

  private final DataSource db;
  private volatile Instant lastRefresh;
  private long lastBatches = -1;

  public Rollup(DataSource db) {
    this.db = db;
  }

  /** When the rollup last was brought up to date by this dashboard; null before. */
  public Instant lastRefresh() {
    return lastRefresh;
  }

  /**
   * Refreshes the rollup if batches arrived since the last refresh (or it was never filled).
   * Returns whether it refreshed.
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
        long batches = batchCount(s);
        boolean populated = populated(s);
        if (populated && batches == lastBatches) {
          lastRefresh = Instant.now();
          c.rollback();
          return false;
        }
        long start = System.nanoTime();
        s.execute("REFRESH MATERIALIZED VIEW " + (populated ? "CONCURRENTLY " : "") + "weak_outcomes");
        c.commit();
        lastBatches = batches;
        lastRefresh = Instant.now();
        LOG.debug("weak outcome rollup refreshed in {} ms", (System.nanoTime() - start) / 1_000_000);
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      LOG.warn("cannot refresh the weak outcome rollup: {}", e.getMessage());
      return false;
    }
  }

  /** How many batches have been ingested. */
  private static long batchCount(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM batches")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean populated(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT ispopulated FROM pg_matviews WHERE matviewname = 'weak_outcomes'")) {
      return rs.next() && rs.getBoolean(1);
    }
  }
}
