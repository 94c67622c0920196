package org.litmusfarm.embedded;

import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL database and how to reach it. {@link #dataSource()} opens a new connection per
 * {@code getConnection()} (no pool); wrap it in a pool where that matters. Immutable and
 * thread-safe.
 */
public record Database(String name, String jdbcUrl, String user, String password) {
  /** Checks that every part is present; the password may be empty. */
  public Database {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** A data source for this database with these credentials. */
  public DataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(jdbcUrl);
    source.setUser(user);
    source.setPassword(password);
    return source;
  }

  /** Leaves the password out, so that a database can be logged. */
  @Override
  public String toString() {
    return "Database[" + jdbcUrl + ", user=" + user + "]";
  }
}
