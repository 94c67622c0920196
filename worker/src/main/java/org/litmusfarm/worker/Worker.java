package org.litmusfarm.worker;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.litmusfarm.schema.transport.ClientTls;
import org.litmusfarm.schema.transport.CoordinatorChannels;
import org.litmusfarm.schema.v1.CompleteRequest;
import org.litmusfarm.schema.v1.CompleteResponse;
import org.litmusfarm.schema.v1.ContractRevision;
import org.litmusfarm.schema.v1.FailRequest;
import org.litmusfarm.schema.v1.Job;
import org.litmusfarm.schema.v1.LeaseRequest;
import org.litmusfarm.schema.v1.LeaseResponse;
import org.litmusfarm.schema.v1.Provenance;
import org.litmusfarm.schema.v1.RegisterRequest;
import org.litmusfarm.schema.v1.RegisterResponse;
import org.litmusfarm.schema.v1.WorkerServiceGrpc;
import org.litmusfarm.worker.job.BinaryCache;
import org.litmusfarm.worker.job.CoreShare;
import org.litmusfarm.worker.job.JobResult;
import org.litmusfarm.worker.job.JobRunner;
import org.litmusfarm.worker.platform.Platform;
import org.litmusfarm.worker.platform.Toolchains;
import org.litmusfarm.worker.publish.JobPublisher;
import org.litmusfarm.worker.publish.KafkaJobPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A farm worker: registers with the coordinator, then leases jobs one at a time, runs each in
 * batches (see {@link JobRunner}), heartbeats its lease, and completes the job once Kafka
 * acknowledged every batch, or fails it with the reason. {@link #close()} finishes the current
 * batch, gives the job back ("worker shutting down") and stops {@link #run()}.
 */
public final class Worker implements AutoCloseable {
  /** The reason a job is given back when the worker stops. */
  public static final String SHUTTING_DOWN = "worker shutting down";

  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  private static final long CALL_DEADLINE_S = 30;
  private static final int DEFAULT_HEARTBEAT_S = 10;

  private final WorkerConfig config;
  private final WorkerServiceGrpc.WorkerServiceBlockingStub stub;
  private final Function<RegisterResponse, JobPublisher> publishers;
  private final Duration runSlack;
  private final Optional<ManagedChannel> ownedChannel;
  private final Platform platform;
  private final Toolchains toolchains;
  private final BinaryCache cache;
  private final CoreShare cores;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final CountDownLatch wake = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final ScheduledExecutorService timer;
  private volatile JobPublisher publisher;
  private volatile Thread runner;

  /** A worker talking to the coordinator over {@code channel} and publishing with {@code publisher}. */
  public Worker(WorkerConfig config, Channel channel, JobPublisher publisher) {
    this(config, channel, registration -> publisher, JobRunner.DEFAULT_RUN_SLACK, Optional.empty(), CoreShare.ofThisMachine());
  }

  /**
   * A worker that makes its publisher from the coordinator's registration answer (which names the
   * Kafka bootstrap servers and topic). The worker closes the publisher when it closes.
   */
  public Worker(WorkerConfig config, Channel channel, Function<RegisterResponse, JobPublisher> publishers) {
    this(config, channel, publishers, JobRunner.DEFAULT_RUN_SLACK, Optional.empty(), CoreShare.ofThisMachine());
  }

  Worker(
      WorkerConfig config,
      Channel channel,
      Function<RegisterResponse, JobPublisher> publishers,
      Duration runSlack,
      Optional<ManagedChannel> ownedChannel,
      CoreShare cores) {
    this.config = Objects.requireNonNull(config);
    Channel ch = config.token().isPresent() ? CoordinatorChannels.withToken(channel, config.token().get()) : channel;
    this.stub = WorkerServiceGrpc.newBlockingStub(ch);
    this.publishers = Objects.requireNonNull(publishers);
    this.runSlack = runSlack;
    this.ownedChannel = ownedChannel;
    this.platform = Platform.detect(config.goarch(), config.emulator());
    this.toolchains = Toolchains.of(config.goToolchains());
    this.cores = Objects.requireNonNull(cores);
    this.cache = new BinaryCache(config.cacheDir(), cores);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "worker-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A worker for {@code config}: a plaintext gRPC channel to the coordinator and a {@link
   * KafkaJobPublisher} to the bootstrap servers and topic the registration names.
   */
  public static Worker connect(WorkerConfig config) {
    return connect(config, ClientTls.PLAINTEXT);
  }

  /** As {@link #connect(WorkerConfig)}, over a channel secured as {@code tls} says. */
  public static Worker connect(WorkerConfig config, ClientTls tls) {
    return connect(config, tls, CoreShare.ofThisMachine());
  }

  /**
   * As {@link #connect(WorkerConfig, ClientTls)}, sharing {@code cores} with the other workers of
   * this process: its builds and batches wait until the cores they need are free.
   */
  public static Worker connect(WorkerConfig config, ClientTls tls, CoreShare cores) {
    ManagedChannel channel = CoordinatorChannels.open(config.coordinator(), Optional.empty(), tls);
    return new Worker(
        config,
        channel,
        r -> new KafkaJobPublisher(r.getKafkaBootstrap(), r.getOutcomeTopic()),
        JobRunner.DEFAULT_RUN_SLACK,
        Optional.of(channel),
        cores);
  }

  /** The platform this worker reports. */
  public Platform platform() {
    return platform;
  }

  /** How many harness binaries this worker built ({@code go build} runs). */
  public long builds() {
    return cache.builds();
  }

  /** How many times it reused a cached binary instead. */
  public long cacheHits() {
    return cache.hits();
  }

  /**
   * Registers and serves jobs until {@link #close()}.
   *
   * @throws IllegalStateException when the coordinator refuses the registration or the token
   */
  public void run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the worker is already running");
    }
    runner = Thread.currentThread();
    try {
      Optional<RegisterResponse> registration = register();
      if (registration.isEmpty()) {
        return;
      }
      RegisterResponse reg = registration.get();
      publisher = publishers.apply(reg);
      JobRunner jobs =
          new JobRunner(platform, toolchains, cache, publisher, reg.getWorkerId(), config.batchInterval(), runSlack, cores);
      int heartbeatSeconds = reg.getHeartbeatSeconds() > 0 ? reg.getHeartbeatSeconds() : DEFAULT_HEARTBEAT_S;
      String workerId = reg.getWorkerId();
      Optional<Job> job = lease(workerId);
      while (!closing.get()) {
        if (job.isEmpty()) {
          pause(config.idlePoll());
          job = leaseUnlessClosing(workerId);
        } else {
          job = serve(jobs, workerId, job.get(), heartbeatSeconds);
        }
      }
      job.ifPresent(j -> fail(workerId, j, SHUTTING_DOWN, true));
    } finally {
      stopped.countDown();
    }
  }

  private Optional<RegisterResponse> register() {
    RegisterRequest request =
        RegisterRequest.newBuilder()
            .setContractRevision(ContractRevision.CONTRACT_REVISION_1)
            .setName(config.name())
            .setPlatform(
                Provenance.newBuilder()
                    .setArch(platform.goarch())
                    .setMode(platform.mode())
                    .setCpuModel(platform.cpuModel())
                    .setCores(platform.cores())
                    .setGoVersion(toolchains.defaultVersion()))
            .addAllGoVersions(toolchains.versions())
            .putAllLabels(config.labels())
            .setFarmVersion(farmVersion())
            .build();
    while (!closing.get()) {
      try {
        RegisterResponse r = stub.withDeadlineAfter(CALL_DEADLINE_S, TimeUnit.SECONDS).register(request);
        log.info("registered as {} ({} {} on {}, {} cores, {})", r.getWorkerId(), platform.goarch(), platform.mode(),
            platform.cpuModel(), platform.cores(), toolchains.versions());
        return Optional.of(r);
      } catch (StatusRuntimeException e) {
        if (!retryable(e)) {
          throw new IllegalStateException("the coordinator at " + config.coordinator() + " refused the registration: " + CallFailure.describe(e), e);
        }
        log.warn("cannot register with {}, retrying: {}", config.coordinator(), CallFailure.describe(e));
        pause(config.idlePoll());
      }
    }
    return Optional.empty();
  }

  private Optional<Job> lease(String workerId) {
    try {
      LeaseResponse r =
          stub.withDeadlineAfter(CALL_DEADLINE_S, TimeUnit.SECONDS)
              .lease(LeaseRequest.newBuilder().setWorkerId(workerId).build());
      return r.hasJob() ? Optional.of(r.getJob()) : Optional.empty();
    } catch (StatusRuntimeException e) {
      if (!retryable(e)) {
        throw new IllegalStateException("the coordinator refused to lease jobs: " + CallFailure.describe(e), e);
      }
      log.warn("lease failed, retrying: {}", CallFailure.describe(e));
      return Optional.empty();
    }
  }

  /**
   * Runs a leased job and reports how it ended; returns the next job (leased by the completion in
   * the same call, or afresh after a failure), or nothing when there is none or the worker stops.
   */
  private Optional<Job> serve(JobRunner jobs, String workerId, Job job, int heartbeatSeconds) {
    log.info("job {} attempt {}: leased", job.getJobId(), job.getAttempt());
    JobResult result;
    try (Heartbeat heartbeat = new Heartbeat(timer, stub, workerId, job, heartbeatSeconds)) {
      result =
          jobs.run(
              job,
              () -> heartbeat.lost()
                  ? Optional.of(JobResult.StopReason.LEASE_LOST)
                  : closing.get() ? Optional.of(JobResult.StopReason.SHUTDOWN) : Optional.empty(),
              heartbeat::iterations);
    }
    if (result instanceof JobResult.Completed c) {
      return complete(workerId, job, c);
    }
    if (result instanceof JobResult.Failed f) {
      log.warn("job {} attempt {}: failed: {}", job.getJobId(), job.getAttempt(), f.reason());
      fail(workerId, job, f.reason(), false);
    } else if (result instanceof JobResult.Stopped s && s.why() == JobResult.StopReason.SHUTDOWN) {
      log.info("job {} attempt {}: giving it back after {} batches", job.getJobId(), job.getAttempt(), s.batches());
      fail(workerId, job, SHUTTING_DOWN, true);
    } else {
      log.warn("job {} attempt {}: abandoned, the lease was lost", job.getJobId(), job.getAttempt());
    }
    return leaseUnlessClosing(workerId);
  }

  private Optional<Job> complete(String workerId, Job job, JobResult.Completed c) {
    CompleteRequest request =
        CompleteRequest.newBuilder().setWorkerId(workerId).setJobId(job.getJobId()).setAttempt(job.getAttempt())
            .setBatches(c.batches()).setIterations(c.iterations()).setProvenance(c.provenance())
            .setLeaseNext(!closing.get()).build();
    try {
      CompleteResponse r = stub.withDeadlineAfter(CALL_DEADLINE_S, TimeUnit.SECONDS).complete(request);
      log.info("job {} attempt {}: completed, {} batches, {} iterations", job.getJobId(), job.getAttempt(), c.batches(), c.iterations());
      return r.hasNext() ? Optional.of(r.getNext()) : Optional.empty();
    } catch (StatusRuntimeException e) {
      log.warn("job {} attempt {}: complete was refused: {}", job.getJobId(), job.getAttempt(), CallFailure.describe(e));
      return leaseUnlessClosing(workerId);
    }
  }

  private Optional<Job> leaseUnlessClosing(String workerId) {
    return closing.get() ? Optional.empty() : lease(workerId);
  }

  private void fail(String workerId, Job job, String reason, boolean release) {
    call(job, release ? "release" : "fail", () -> stub.withDeadlineAfter(CALL_DEADLINE_S, TimeUnit.SECONDS).fail(
        FailRequest.newBuilder().setWorkerId(workerId).setJobId(job.getJobId()).setAttempt(job.getAttempt())
            .setReason(reason).setRelease(release).build()));
  }

  private void call(Job job, String what, Runnable rpc) {
    try {
      rpc.run();
    } catch (StatusRuntimeException e) {
      log.warn("job {} attempt {}: {} was refused: {}", job.getJobId(), job.getAttempt(), what, CallFailure.describe(e));
    }
  }

  private static boolean retryable(StatusRuntimeException e) {
    Status.Code c = e.getStatus().getCode();
    return c == Status.Code.UNAVAILABLE || c == Status.Code.DEADLINE_EXCEEDED || c == Status.Code.RESOURCE_EXHAUSTED
        || c == Status.Code.ABORTED || c == Status.Code.INTERNAL || c == Status.Code.UNKNOWN;
  }

  private void pause(Duration d) {
    try {
      wake.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing.set(true);
    }
  }

  private static String farmVersion() {
    String v = Worker.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * Stops: lets the current batch finish, gives the job back, waits for {@link #run()} to return
   * (up to one batch and its slack), then closes the publisher and the channel it made.
   */
  @Override
  public void close() {
    closing.set(true);
    wake.countDown();
    if (started.get() && runner != Thread.currentThread()) {
      try {
        long waitMs = config.batchInterval().plus(runSlack).plusSeconds(CALL_DEADLINE_S).toMillis();
        if (!stopped.await(waitMs, TimeUnit.MILLISECONDS)) {
          log.warn("the worker did not stop within {} ms", waitMs);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    timer.shutdownNow();
    JobPublisher p = publisher;
    if (p != null) {
      try {
        p.close();
      } catch (Exception e) {
        log.warn("closing the publisher failed: {}", e.toString());
      }
    }
    ownedChannel.ifPresent(ManagedChannel::shutdownNow);
  }
}
