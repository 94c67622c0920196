package org.litmusfarm.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.dashboard.Dashboard;
import org.litmusfarm.dashboard.DashboardConfig;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.schema.transport.ClientTls;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;
import org.litmusfarm.worker.job.CoreShare;

/**
 * The whole farm in one process, as {@code farm up} runs it: PostgreSQL (embedded, or the server
 * named by FARM_DATABASE_URL), a single-node KRaft Kafka broker, the coordinator, the dashboard,
 * and one worker per architecture this machine serves (the native one, plus arm64 and riscv64 under
 * qemu-*-static when installed, marked emulated). The workers share this machine's cores through
 * one {@link CoreShare}.
 */
final class LocalFarm implements AutoCloseable {
  /** An architecture served here: GOARCH and, for emulated ones, the emulator command. */
  record Served(String goarch, Optional<String> emulator) {
    String mode() {
      return emulator.map(e -> "emulated:" + e).orElse("native");
    }
  }

  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<Thread> workerThreads = new ArrayList<>();
  private final Coordinator coordinator;
  private final Dashboard dashboard;
  private final List<Served> served;

  LocalFarm(PrintWriter progress, int grpcPort, int metricsPort, int httpPort, Duration batchInterval,
      UnaryOperator<CoordinatorConfig> tune) {
    try {
      progress.println("farm up: starting PostgreSQL");
      progress.flush();
      EmbeddedPostgres pg = keep(EmbeddedPostgres.builder().start());
      progress.println("farm up: database " + pg.jdbcUrl() + (pg.embedded() ? " (embedded)" : ""));
      progress.println("farm up: starting Kafka (KRaft, in-process)");
      progress.flush();
      EmbeddedKafka kafka = keep(EmbeddedKafka.builder().start());
      CoordinatorConfig config =
          CoordinatorConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password(), kafka.bootstrapServers(), token())
              .withGrpc("127.0.0.1", grpcPort)
              .withMetricsPort(metricsPort);
      config = tune.apply(config);
      kafka.createTopic(config.outcomeTopic(), 3);
      progress.println("farm up: kafka " + kafka.bootstrapServers() + ", topic " + config.outcomeTopic());
      coordinator = keep(Coordinator.start(config));
      progress.println("farm up: coordinator 127.0.0.1:" + coordinator.grpcPort());
      coordinator.metricsPort().ifPresent(p -> progress.println("farm up: metrics http://127.0.0.1:" + p + "/metrics"));
      dashboard =
          keep(Dashboard.start(new DashboardConfig("127.0.0.1", httpPort, coordinator.database(),
              "127.0.0.1:" + coordinator.grpcPort(), config.token(), Duration.ofSeconds(2))
              .withMetrics(coordinator.registry())));
      progress.println("dashboard: " + dashboardUrl());
      served = servedHere();
      CoreShare cores = CoreShare.ofThisMachine();
      progress.println("farm up: the workers share " + cores.cores() + " cores; a batch holds one per goroutine and a build all of them,"
          + " so no litmus test time-shares a core with another worker's");
      for (Served s : served) {
        WorkerConfig wc =
            new WorkerConfig(
                "127.0.0.1:" + coordinator.grpcPort(),
                Optional.of(config.token()),
                "local-" + s.goarch() + (s.emulator().isPresent() ? "-emulated" : ""),
                s.emulator().isPresent() ? Optional.of(s.goarch()) : Optional.empty(),
                s.emulator(),
                List.of(),
                CacheDir.of("worker"),
                batchInterval,
                Duration.ofMillis(200),
                Map.of("farm", "up"));
        Worker w = keep(Worker.connect(wc, ClientTls.PLAINTEXT, cores));
        Thread t = new Thread(w::run, "worker-" + s.goarch());
        t.setDaemon(true);
        t.start();
        workerThreads.add(t);
        progress.println("farm up: worker " + s.goarch() + " (" + s.mode() + ")");
      }
      progress.flush();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T keep(T resource) {
    started.add(resource);
    return resource;
  }

  private static String token() {
    String fromEnv = System.getenv("FARM_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  }

  /** The native architecture, plus arm64 and riscv64 when their qemu-*-static is on the PATH. */
  static List<Served> servedHere() {
    List<Served> out = new ArrayList<>();
    String host = Targets.hostGoarch();
    out.add(new Served(host, Optional.empty()));
    for (var e : Map.of("arm64", "qemu-aarch64-static", "riscv64", "qemu-riscv64-static").entrySet()) {
      if (!e.getKey().equals(host) && GoToolchain.onPath(e.getValue()).isPresent()) {
        out.add(new Served(e.getKey(), Optional.of(e.getValue())));
      }
    }
    out.sort(java.util.Comparator.comparing(Served::goarch));
    return out;
  }

  Coordinator coordinator() {
    return coordinator;
  }

  /** The dashboard's address, {@code http://127.0.0.1:PORT/}. */
  String dashboardUrl() {
    return "http://127.0.0.1:" + dashboard.port() + "/";
  }

  List<Served> served() {
    return served;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("farm up: error while stopping: " + e.getMessage());
      }
    }
    started.clear();
  }
}
