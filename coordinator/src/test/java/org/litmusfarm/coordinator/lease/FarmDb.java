package org.litmusfarm.coordinator.lease;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedPostgres;

/**
 * A fresh, migrated farm database on a shared embedded PostgreSQL, with a small pool, and the
 * fixture rows jobs need (program, submission, workers). For tests.
 */
final class FarmDb implements AutoCloseable {
  private static final AtomicInteger NEXT = new AtomicInteger();
  static final String PROGRAM_ID = "ab".repeat(32);
  static final String SUBMISSION_ID = "s-fixture";
  static final String LITMUS = "litmus SB";

  final HikariDataSource pool;

  private FarmDb(HikariDataSource pool) {
    this.pool = pool;
  }

  /** A new database {@code <prefix>_<n>} on {@code server}, migrated, with one program and submission. */
  static FarmDb create(EmbeddedPostgres server, String prefix) {
    Database database = server.createDatabase(prefix + "_" + NEXT.incrementAndGet());
    HikariDataSource pool = FarmDatabase.open(database.jdbcUrl(), database.user(), database.password(), 4);
    FarmDatabase.migrate(pool);
    FarmDb db = new FarmDb(pool);
    db.execute(
        "INSERT INTO programs (id, name, litmus, verdict, racy) VALUES (?, 'SB', ?, 'WEAK', false)",
        PROGRAM_ID, LITMUS);
    db.execute("INSERT INTO submissions (id, program_id) VALUES (?, ?)", SUBMISSION_ID, PROGRAM_ID);
    return db;
  }

  /** Inserts a worker row, which leased jobs reference. */
  void worker(String id, String arch, String mode) {
    execute(
        "INSERT INTO workers (id, name, arch, mode, cpu_model, cores, go_versions, farm_version)"
            + " VALUES (?, ?, ?, ?, 'test cpu', 2, ARRAY['go1.26.8'], 'test')",
        id, id, arch, mode);
  }

  void execute(String sql, Object... args) {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
