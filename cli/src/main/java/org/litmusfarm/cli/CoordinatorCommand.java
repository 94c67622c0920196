package org.litmusfarm.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.coordinator.ServerTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm coordinator}: one coordinator instance, as a long-running service. */
@Command(
    name = "coordinator",
    mixinStandardHelpOptions = true,
    description = {
      "Run a coordinator: gRPC services, job queue, ingester, metrics, campaign schedule and fuzzing.",
      "Several coordinators may share one database. Stops on SIGTERM."
    })
final class CoordinatorCommand implements Callable<Integer> {
  @Option(names = "--database-url", paramLabel = "JDBC", defaultValue = "${env:FARM_DATABASE_URL}", description = "PostgreSQL JDBC URL (default $FARM_DATABASE_URL)")
  String databaseUrl;

  @Option(names = "--database-user", paramLabel = "USER", defaultValue = "${env:FARM_DATABASE_USER:-farm}", description = "database user (default $FARM_DATABASE_USER, else ${DEFAULT-VALUE})")
  String databaseUser;

  @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = "${env:FARM_KAFKA_BOOTSTRAP}", description = "Kafka bootstrap servers (default $FARM_KAFKA_BOOTSTRAP)")
  String kafka;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "0.0.0.0:7701", description = "gRPC address (default ${DEFAULT-VALUE})")
  String listen;

  @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "9464", description = "Prometheus endpoint port, -1 for none (default ${DEFAULT-VALUE})")
  int metricsPort;

  @Option(names = "--lease-seconds", paramLabel = "S", defaultValue = "60", description = "lease time without a heartbeat (default ${DEFAULT-VALUE})")
  int leaseSeconds;

  @Option(names = "--tls-cert", paramLabel = "PEM", defaultValue = "${env:FARM_TLS_CERT}", description = "serve gRPC over TLS with this certificate chain (default $FARM_TLS_CERT; needs --tls-key)")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", defaultValue = "${env:FARM_TLS_KEY}", description = "the PKCS#8 private key of --tls-cert (default $FARM_TLS_KEY)")
  Path tlsKey;

  @Mixin ScheduleOptions schedule;

  @Mixin ReductionOptions reduction;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (databaseUrl == null || databaseUrl.isBlank()) {
      throw new UserInputException("no database: pass --database-url or set FARM_DATABASE_URL");
    }
    if (kafka == null || kafka.isBlank()) {
      throw new UserInputException("no Kafka: pass --kafka or set FARM_KAFKA_BOOTSTRAP");
    }
    String token = System.getenv("FARM_TOKEN");
    if (token == null || token.length() < 16) {
      throw new UserInputException("set FARM_TOKEN to the farm token (16 characters or more); workers and clients must bear it");
    }
    int colon = listen.lastIndexOf(':');
    if (colon < 1) {
      throw new UserInputException("--listen must be HOST:PORT");
    }
    String password = System.getenv().getOrDefault("FARM_DATABASE_PASSWORD", "");
    CoordinatorConfig config =
        CoordinatorConfig.defaults(databaseUrl, databaseUser, password, kafka, token)
            .withGrpc(listen.substring(0, colon), parsePort(listen.substring(colon + 1)))
            .withMetricsPort(metricsPort)
            .withLeaseTime(Duration.ofSeconds(leaseSeconds));
    config = reduction.apply(schedule.apply(config));
    Optional<ServerTls> tls = serverTls();
    try (Coordinator c = Coordinator.start(config, tls)) {
      spec.commandLine().getErr().println("farm coordinator: listening on " + listen.substring(0, colon) + ":" + c.grpcPort()
          + (tls.isPresent() ? " (TLS)" : " (plaintext)"));
      spec.commandLine().getErr().flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return ExitStatus.OK;
  }

  private Optional<ServerTls> serverTls() {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new UserInputException("--tls-cert and --tls-key go together");
    }
    try {
      return tlsCert == null ? Optional.empty() : Optional.of(new ServerTls(tlsCert, tlsKey));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  static int parsePort(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UserInputException("'" + text + "' is not a port number");
    }
  }
}
