package org.litmusfarm.coordinator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The farm's PostgreSQL database: a connection pool, and the schema migrations from the {@code
 * schema} module ({@code db/migration} on the classpath) applied with Flyway. Every coordinator
 * instance calls {@link #migrate} at start; Flyway's lock makes concurrent starts safe.
 */
public final class FarmDatabase {
  private FarmDatabase() {}

  /** A pool of at most {@code maxConnections} connections to {@code jdbcUrl}. */
  public static HikariDataSource open(String jdbcUrl, String user, String password, int maxConnections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(maxConnections);
    config.setPoolName("farm-db");
    return new HikariDataSource(config);
  }

  /** Applies every pending migration to {@code db}; returns how many were applied. */
  public static int migrate(DataSource db) {
    return Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
