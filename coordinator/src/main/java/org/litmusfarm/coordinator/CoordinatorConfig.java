package org.litmusfarm.coordinator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.litmusfarm.coordinator.reduction.ReductionSettings;
import org.litmusfarm.coordinator.schedule.ScheduleSettings;

/**
 * How a coordinator instance runs. Defaults (see {@link #defaults}): gRPC on 127.0.0.1:7701, metrics
 * on port 9464, outcome topic {@code farm.outcomes}, 60 s leases, at most 3 attempts per job,
 * campaign specs from {@code ./campaigns} (else those built in), and the nightly schedule ({@link
 * ScheduleSettings#nightly}).
 *
 * @param databaseUrl JDBC URL of the farm's PostgreSQL database
 * @param databaseUser database user
 * @param databasePassword database password
 * @param kafkaBootstrap Kafka bootstrap servers, given to workers and used by the ingester
 * @param outcomeTopic the topic outcome batches flow through
 * @param grpcHost address the gRPC server binds
 * @param grpcPort gRPC port (0 for any free port)
 * @param token the token every gRPC call must bear (16+ characters)
 * @param metricsPort Prometheus endpoint port (0 for any free port, -1 for none)
 * @param leaseTime how long a lease holds without a heartbeat
 * @param specDirectory where campaign specs are looked up by name first ({@code NAME.json})
 * @param schedule the campaign schedule, or none
 */
public record CoordinatorConfig(
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String kafkaBootstrap,
    String outcomeTopic,
    String grpcHost,
    int grpcPort,
    String token,
    int metricsPort,
    Duration leaseTime,
    Optional<Path> specDirectory,
    Optional<ScheduleSettings> schedule,
    ReductionSettings reduction) {
  public CoordinatorConfig {
    Objects.requireNonNull(reduction, "reduction");
    Objects.requireNonNull(specDirectory, "spec directory");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(databaseUrl, "database url");
    Objects.requireNonNull(kafkaBootstrap, "kafka bootstrap");
    Objects.requireNonNull(token, "token");
    if (leaseTime.toSeconds() < 3) {
      throw new IllegalArgumentException("lease time must be at least 3 s");
    }
  }

  /** The defaults for a database, a Kafka cluster and a token. */
  public static CoordinatorConfig defaults(String databaseUrl, String user, String password, String kafkaBootstrap, String token) {
    return new CoordinatorConfig(
        databaseUrl, user, password, kafkaBootstrap, "farm.outcomes", "127.0.0.1", 7701, token, 9464, Duration.ofSeconds(60),
        Optional.of(Path.of("campaigns")), Optional.of(ScheduleSettings.nightly()), ReductionSettings.defaults());
  }

  public CoordinatorConfig withGrpc(String host, int port) {
    return new CoordinatorConfig(databaseUrl, databaseUser, databasePassword, kafkaBootstrap, outcomeTopic, host, port, token, metricsPort, leaseTime, specDirectory, schedule, reduction);
  }

  public CoordinatorConfig withMetricsPort(int port) {
    return new CoordinatorConfig(databaseUrl, databaseUser, databasePassword, kafkaBootstrap, outcomeTopic, grpcHost, grpcPort, token, port, leaseTime, specDirectory, schedule, reduction);
  }

  public CoordinatorConfig withLeaseTime(Duration d) {
    return new CoordinatorConfig(databaseUrl, databaseUser, databasePassword, kafkaBootstrap, outcomeTopic, grpcHost, grpcPort, token, metricsPort, d, specDirectory, schedule, reduction);
  }

  /** A copy with campaign specs looked up in {@code directory} first (or only built-in ones). */
  public CoordinatorConfig withSpecDirectory(Optional<Path> directory) {
    return new CoordinatorConfig(databaseUrl, databaseUser, databasePassword, kafkaBootstrap, outcomeTopic, grpcHost, grpcPort, token, metricsPort, leaseTime, directory, schedule, reduction);
  }

  /** A copy with this campaign schedule (empty: none). */
  public CoordinatorConfig withSchedule(Optional<ScheduleSettings> s) {
    return new CoordinatorConfig(databaseUrl, databaseUser, databasePassword, kafkaBootstrap, outcomeTopic, grpcHost, grpcPort, token, metricsPort, leaseTime, specDirectory, s, reduction);
  }

  public CoordinatorConfig withReduction(ReductionSettings r) {
    return new CoordinatorConfig(databaseUrl, databaseUser, databasePassword, kafkaBootstrap, outcomeTopic, grpcHost, grpcPort, token, metricsPort, leaseTime, specDirectory, schedule, r);
  }

  /** Never shows the password or token. */
  @Override
  public String toString() {
    return "CoordinatorConfig[database=" + databaseUrl + ", kafka=" + kafkaBootstrap + ", topic=" + outcomeTopic
        + ", grpc=" + grpcHost + ":" + grpcPort + ", metricsPort=" + metricsPort + ", lease=" + leaseTime
        + ", specs=" + specDirectory.map(Path::toString).orElse("built-in")
        + ", schedule=" + schedule.map(x -> "'" + x.cron() + "' " + x.specName() + " " + x.zone()).orElse("none") + "]";
  }
}
