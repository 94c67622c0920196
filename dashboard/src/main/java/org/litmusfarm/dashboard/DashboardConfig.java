package org.litmusfarm.dashboard;

import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.litmusfarm.schema.transport.ClientTls;

/**
 * How a dashboard runs.
 *
 * @param host address the HTTP server binds, e.g. 127.0.0.1
 * @param port HTTP port, 0 for any free port
 * @param database the farm's PostgreSQL database, migrated (the dashboard only reads it, apart
 *     from triage and its rollups)
 * @param coordinator gRPC target of the coordinator submissions go to, as HOST:PORT
 * @param token the farm token: write actions must bear it, and the dashboard bears it to the
 *     coordinator
 * @param rollupInterval how often the rollups are brought up to date when new batches
 *     have arrived
 * @param coordinatorTls how the channel to the coordinator is secured
 * @param metrics where the dashboard records its own metrics, served with the rest of the
 *     registry at {@code /metrics} (in {@code farm up}, the coordinator's registry)
 */
public record DashboardConfig(
    String host,
    int port,
    DataSource database,
    String coordinator,
    String token,
    Duration rollupInterval,
    ClientTls coordinatorTls,
    PrometheusMeterRegistry metrics) {
  public DashboardConfig {
    Objects.requireNonNull(coordinatorTls, "coordinator TLS");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(coordinator, "coordinator");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(rollupInterval, "rollup interval");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    if (token.length() < 16) {
      throw new IllegalArgumentException("the farm token must be at least 16 characters");
    }
    if (rollupInterval.toMillis() < 100) {
      throw new IllegalArgumentException("rollup interval must be at least 100 ms");
    }
  }

  /** A dashboard that reaches the coordinator over plaintext gRPC and keeps its own metrics. */
  public DashboardConfig(
      String host, int port, DataSource database, String coordinator, String token, Duration rollupInterval) {
    this(host, port, database, coordinator, token, rollupInterval, ClientTls.PLAINTEXT,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /** Port 8080 on 127.0.0.1, the rollup refreshed every 10 s. */
  public static DashboardConfig defaults(DataSource database, String coordinator, String token) {
    return new DashboardConfig("127.0.0.1", 8080, database, coordinator, token, Duration.ofSeconds(10));
  }

  public DashboardConfig withPort(int p) {
    return new DashboardConfig(host, p, database, coordinator, token, rollupInterval, coordinatorTls, metrics);
  }

  public DashboardConfig withRollupInterval(Duration d) {
    return new DashboardConfig(host, port, database, coordinator, token, d, coordinatorTls, metrics);
  }

  public DashboardConfig withMetrics(PrometheusMeterRegistry registry) {
    return new DashboardConfig(host, port, database, coordinator, token, rollupInterval, coordinatorTls, registry);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "DashboardConfig[http=" + host + ":" + port + ", coordinator=" + coordinator + ", rollup=" + rollupInterval + "]";
  }
}
