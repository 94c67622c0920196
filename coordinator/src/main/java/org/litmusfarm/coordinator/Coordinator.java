package org.litmusfarm.coordinator;

import com.zaxxer.hikari.HikariDataSource;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.campaign.Campaigns;
import org.litmusfarm.coordinator.campaign.SpecLibrary;
import org.litmusfarm.coordinator.fuzz.Fuzzer;
import org.litmusfarm.coordinator.report.CampaignReport;
import org.litmusfarm.coordinator.schedule.CampaignSchedule;
import org.litmusfarm.coordinator.fleet.Fleet;
import org.litmusfarm.coordinator.ingest.IngestConfig;
import org.litmusfarm.coordinator.ingest.Ingester;
import org.litmusfarm.coordinator.lease.JobQueue;
import org.litmusfarm.coordinator.metrics.FarmMetrics;
import org.litmusfarm.coordinator.metrics.MetricsEndpoint;
import org.litmusfarm.coordinator.reduction.ReductionWork;
import org.litmusfarm.coordinator.rpc.FarmService;
import org.litmusfarm.coordinator.rpc.TokenAuth;
import org.litmusfarm.coordinator.rpc.WorkerService;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.coordinator.submit.Submissions;
import org.litmusfarm.oracle.Oracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One coordinator instance: the gRPC services, the outcome ingester, lease expiry, metrics, and the
 * campaign work (schedule, fuzzers, completion), all over one PostgreSQL database. It keeps nothing that matters in memory, so several instances may
 * share a database.
 */
public final class Coordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);
  /** Largest gRPC request accepted; a .litmus program is at most 64 KiB. */
  static final int MAX_REQUEST_BYTES = 1 << 20;

  private final HikariDataSource db;
  private final Server server;
  private final Ingester ingester;
  private final ScheduledExecutorService timers;
  private final ScheduledExecutorService reducer;
  private final Optional<MetricsEndpoint> metricsEndpoint;
  private final PrometheusMeterRegistry registry;
  private final Submissions submissions;
  private final Campaigns campaigns;

  private Coordinator(CoordinatorConfig config, Optional<ServerTls> tls) throws IOException {
    db = FarmDatabase.open(config.databaseUrl(), config.databaseUser(), config.databasePassword(), 16);
    try {
      int applied = FarmDatabase.migrate(db);
      LOG.info("database ready ({} migrations applied)", applied);
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      FarmMetrics metrics = new FarmMetrics(registry, db);
      JobQueue queue = new JobQueue(db);
      submissions = new Submissions(db, queue, new Oracle());
      campaigns = new Campaigns(db, submissions, Catalog.load(), new SpecLibrary(config.specDirectory()));
      CampaignWork campaignWork =
          new CampaignWork(
              campaigns, new Fuzzer(db, submissions, campaigns),
              config.schedule().map(s -> new CampaignSchedule(db, s, name -> campaigns.startNamed(name).id())));
      WorkerService workers =
          new WorkerService(
              new Fleet(db), queue,
              new WorkerService.KafkaTarget(config.kafkaBootstrap(), config.outcomeTopic()),
              config.leaseTime(), metrics);
      TokenAuth auth = new TokenAuth(config.token());
      NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.grpcHost(), config.grpcPort()));
      tls.ifPresent(t -> builder.useTransportSecurity(t.certificateChain().toFile(), t.privateKey().toFile()));
      server =
          builder
              .maxInboundMessageSize(MAX_REQUEST_BYTES)
              .addService(ServerInterceptors.intercept(workers, auth))
              .addService(ServerInterceptors.intercept(new FarmService(submissions, campaigns, new CampaignReport(db)), auth))
              .build()
              .start();
      ingester =
          new Ingester(
              new IngestConfig(config.kafkaBootstrap(), config.outcomeTopic(), "farm-ingester",
                  IngestConfig.defaults(config.kafkaBootstrap()).pollTimeout(),
                  IngestConfig.defaults(config.kafkaBootstrap()).maxMessageBytes()),
              db, registry);
      ingester.start();
      timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "coordinator-timers");
        t.setDaemon(true);
        return t;
      });
      timers.scheduleWithFixedDelay(() -> housekeeping(queue, metrics), 1, 2, TimeUnit.SECONDS);
      timers.scheduleWithFixedDelay(campaignWork, 1, 2, TimeUnit.SECONDS);
      reducer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coordinator-reducer");
        t.setDaemon(true);
        return t;
      });
      if (config.reduction().enabled()) {
        ReductionWork reductions =
            new ReductionWork(db, submissions, config.reduction(), "coordinator-" + UUID.randomUUID());
        long pause = ReductionWork.IDLE_PAUSE.toMillis();
        reducer.scheduleWithFixedDelay(() -> reduce(reductions), pause, pause, TimeUnit.MILLISECONDS);
      }
      metricsEndpoint =
          config.metricsPort() < 0
              ? Optional.empty()
              : Optional.of(new MetricsEndpoint(registry, config.grpcHost(), config.metricsPort()));
      LOG.info("coordinator listening on {}:{} ({})", config.grpcHost(), server.getPort(), tls.isPresent() ? "TLS" : "plaintext");
    } catch (IOException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Starts a plaintext coordinator; throws if the database, Kafka or the port are not usable. */
  public static Coordinator start(CoordinatorConfig config) {
    return start(config, Optional.empty());
  }

  /**
   * Starts a coordinator whose gRPC server speaks TLS when {@code tls} is present; throws if the
   * database, Kafka, the port or the TLS files are not usable.
   */
  public static Coordinator start(CoordinatorConfig config, Optional<ServerTls> tls) {
    try {
      return new Coordinator(config, tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the coordinator: " + e.getMessage(), e);
    }
  }

  private static void reduce(ReductionWork reductions) {
    try {
      while (reductions.runOnce() && !Thread.currentThread().isInterrupted()) {
        LOG.debug("looking for the next violation to reduce");
      }
    } catch (RuntimeException e) {
      LOG.warn("violation reduction failed: {}", e.getMessage());
    }
  }

  private static void housekeeping(JobQueue queue, FarmMetrics metrics) {
    try {
      int expired = queue.expireLeases();
      if (expired > 0) {
        LOG.warn("{} lease(s) expired without a heartbeat; their jobs are requeued or failed", expired);
      }
      metrics.refreshJobStates();
    } catch (RuntimeException e) {
      LOG.warn("housekeeping failed: {}", e.getMessage());
    }
  }

  /** The gRPC port. */
  public int grpcPort() {
    return server.getPort();
  }

  /** The metrics port, if metrics are served. */
  public Optional<Integer> metricsPort() {
    return metricsEndpoint.map(MetricsEndpoint::port);
  }

  /** The coordinator's metrics, so that an in-process dashboard can serve them too. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The database, for in-process reports. */
  public DataSource database() {
    return db;
  }

  /** Submissions, for in-process callers. */
  public Submissions submissions() {
    return submissions;
  }

  /** Campaigns, for in-process callers. */
  public Campaigns campaigns() {
    return campaigns;
  }

  /** Whether the ingester has caught up: how many batches it has stored so far. */
  public long ingestedBatches() {
    return ingester.ingestedBatches();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.shutdownNow();
    timers.shutdownNow();
    reducer.shutdownNow();
    ingester.close();
    metricsEndpoint.ifPresent(MetricsEndpoint::close);
    db.close();
  }
}
