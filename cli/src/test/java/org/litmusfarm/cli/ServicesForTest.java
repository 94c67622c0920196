package org.litmusfarm.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;

/**
 * The farm's services for a test: a real embedded PostgreSQL, a real KRaft Kafka broker with the
 * outcome topic, and a coordinator on a free loopback port without a metrics endpoint.
 */
final class ServicesForTest implements AutoCloseable {
  final EmbeddedPostgres pg;
  final EmbeddedKafka kafka;
  final Coordinator coordinator;
  final String token;

  /** The services, the coordinator's defaults changed by {@code tune}. */
  ServicesForTest(String token, UnaryOperator<CoordinatorConfig> tune) {
    this.token = token;
    pg = EmbeddedPostgres.builder().start();
    EmbeddedKafka k = null;
    try {
      k = EmbeddedKafka.builder().start();
      k.createTopic("farm.outcomes", 3);
      coordinator = Coordinator.start(tune.apply(
          CoordinatorConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password(), k.bootstrapServers(), token)
              .withGrpc("127.0.0.1", 0)
              .withMetricsPort(-1)));
    } catch (RuntimeException e) {
      if (k != null) {
        k.close();
      }
      pg.close();
      throw e;
    }
    kafka = k;
  }

  ServicesForTest(String token) {
    this(token, c -> c);
  }

  /** The coordinator's gRPC address. */
  String target() {
    return "127.0.0.1:" + coordinator.grpcPort();
  }

  /**
   * Starts {@code farm worker} for this coordinator as a separate JVM, its output in {@code log}
   * and its binaries cached in {@code cacheDir}, with {@code more} arguments.
   */
  Process workerProcess(Path log, Path cacheDir, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Farm.class.getName(), "worker", "--coordinator", target()));
    command.addAll(List.of(more));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("FARM_TOKEN", token);
    pb.environment().put("FARM_CACHE_DIR", cacheDir.toString());
    return pb.start();
  }

  @Override
  public void close() {
    coordinator.close();
    kafka.close();
    pg.close();
  }
}
