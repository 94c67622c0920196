package org.litmusfarm.coordinator.rpc;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.schema.transport.ClientTls;
import org.litmusfarm.schema.transport.CoordinatorChannels;
import org.litmusfarm.schema.v1.CompleteRequest;
import org.litmusfarm.schema.v1.CompleteResponse;
import org.litmusfarm.schema.v1.ContractRevision;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.schema.v1.Job;
import org.litmusfarm.schema.v1.LeaseRequest;
import org.litmusfarm.schema.v1.LeaseResponse;
import org.litmusfarm.schema.v1.Provenance;
import org.litmusfarm.schema.v1.RegisterRequest;
import org.litmusfarm.schema.v1.WorkerServiceGrpc;

/**
 * Lease latency with 1,000 simulated workers polling a real coordinator over loopback gRPC, backed
 * by a real PostgreSQL: 800 amd64 native, 100 arm64 and 100 riscv64 emulated workers each ask for
 * work once a second (jittered) while idle, and "run" each job they get for its time budget (2 s)
 * before completing it, while a queue of jobs for the three architectures drains (10% more jobs
 * of each architecture than its workers can run in the benchmark, so no queue runs dry). Reports the
 * latency (p50, p99, max) of every call that asks for a job: Lease calls, and Complete calls that
 * ask for the next job in the same call as workers do; split into calls that got a job and calls
 * that found none.
 *
 * <p>Arguments: seconds recorded (60); workers (1000); a jitter in ms (0): each simulated job then
 * runs 2 s plus or minus up to that much, as real jobs vary with build and start-up time, where
 * with none the workers that leased together stay in lock-step and call in bursts; and seconds run
 * before recording (10), for JIT warm-up and the start-up stampede of every worker within one
 * second, which jitter takes a few dozen job cycles to spread out. Not a test; after {@code mvn
 * -DskipTests install} run with {@code mvn -q -pl coordinator exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.litmusfarm.coordinator.rpc.LeaseBenchmark -Dexec.args="60 1000 200 30"}.
 */
public final class LeaseBenchmark {
  private static final String TOKEN = "lease-benchmark-token-0123456789";
  private static final String SB =
      "litmus SB\n\nvar x y\n\nP0 {\n  x = 1\n  r0 = y\n}\n\nP1 {\n  y = 1\n  r0 = x\n}\n\n"
          + "exists (P0:r0 == 0 && P1:r0 == 0)\n";

  private static final double JOB_SECONDS = 2;

  private LeaseBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long jitterMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
    int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        EmbeddedKafka kafka = EmbeddedKafka.builder().start()) {
      kafka.createTopic("farm.outcomes", 1);
      CoordinatorConfig config =
          CoordinatorConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password(), kafka.bootstrapServers(), TOKEN)
              .withGrpc("127.0.0.1", 0)
              .withMetricsPort(-1);
      try (Coordinator coordinator = Coordinator.start(config)) {
        int jobs = (int) (1.1 * (seconds + warmupSeconds) * workers / JOB_SECONDS);
        long t0 = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
          coordinator.submissions().submit(
              new SubmitOrder("bench.litmus", SB.replace("litmus SB", "litmus SB" + (i % 50)),
                  List.of(arch(i)), HarnessParams.newBuilder().setSeconds(JOB_SECONDS).build(),
                  true, 3, Optional.empty()));
        }
        System.out.printf("queued %,d jobs in %.1f s, as many per architecture as its workers run in the benchmark and 10%% more%n",
            jobs, (System.nanoTime() - t0) / 1e9);
        System.out.printf("job time %.0f s +- %d ms; %d s not recorded%n", JOB_SECONDS, jitterMillis, warmupSeconds);
        run(coordinator.grpcPort(), seconds, workers, jitterMillis, warmupSeconds);
      }
    }
  }

  /** The architecture of worker (and job) {@code i}: 8 in 10 amd64, 1 arm64, 1 riscv64. */
  private static String arch(int i) {
    return i % 10 == 8 ? "arm64" : i % 10 == 9 ? "riscv64" : "amd64";
  }

  private static void run(int port, int seconds, int workers, long jitterMillis, int warmupSeconds) throws Exception {
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      channels.add(CoordinatorChannels.open("127.0.0.1:" + port, Optional.of(TOKEN), ClientTls.PLAINTEXT));
    }
    List<String> ids = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      String arch = arch(w);
      String mode = arch.equals("amd64") ? "native" : "emulated:qemu-" + (arch.equals("arm64") ? "aarch64" : "riscv64") + "-static";
      ids.add(WorkerServiceGrpc.newBlockingStub(channels.get(w % channels.size()))
          .register(RegisterRequest.newBuilder().setContractRevision(ContractRevision.CONTRACT_REVISION_1)
              .setName("sim-" + w).setFarmVersion("bench")
              .setPlatform(Provenance.newBuilder().setArch(arch).setMode(mode).setCpuModel("simulated").setCores(2))
              .addGoVersions("go1.26.8").build())
          .getWorkerId());
    }
    System.out.printf("registered %,d workers%n", workers);
    ConcurrentLinkedQueue<Long> withJob = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> empty = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> completedWithJob = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> completedEmpty = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
    long recordFrom = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
    long end = recordFrom + Duration.ofSeconds(seconds).toNanos();
    for (int w = 0; w < workers; w++) {
      SimulatedWorker sim =
          new SimulatedWorker(ids.get(w), WorkerServiceGrpc.newFutureStub(channels.get(w % channels.size())), timer,
              recordFrom, end, jitterMillis,
              withJob, empty, completedWithJob, completedEmpty, errors);
      timer.schedule(sim::poll, ThreadLocalRandom.current().nextInt(1000), TimeUnit.MILLISECONDS);
    }
    Thread.sleep(Duration.ofSeconds(warmupSeconds + seconds + 5).toMillis());
    timer.shutdownNow(); // no call starts after the end, and those in flight have had 5 s to finish
    channels.forEach(ManagedChannel::shutdownNow);
    report("lease with a job", withJob);
    report("lease, no job", empty);
    report("complete, next job", completedWithJob);
    report("complete, no next job", completedEmpty);
    List<Long> handedOut = new ArrayList<>(withJob);
    handedOut.addAll(completedWithJob);
    report("every call that handed out a job", handedOut);
    List<Long> all = new ArrayList<>(handedOut);
    all.addAll(empty);
    all.addAll(completedEmpty);
    report("every call that asked for a job", all);
    System.out.printf("%,.0f calls/s; %d errors%n", all.size() / (double) seconds, errors.get());
  }

  /**
   * One simulated worker, behaving as {@code farm worker} does: asks for a job once a second while
   * idle, "runs" a job for its time budget, then completes it asking for the next in the same call.
   */
  private record SimulatedWorker(
      String id,
      WorkerServiceGrpc.WorkerServiceFutureStub stub,
      ScheduledExecutorService timer,
      long recordFromNanos,
      long endNanos,
      long jitterMillis,
      ConcurrentLinkedQueue<Long> withJob,
      ConcurrentLinkedQueue<Long> empty,
      ConcurrentLinkedQueue<Long> completedWithJob,
      ConcurrentLinkedQueue<Long> completedEmpty,
      AtomicLong errors) {
    void poll() {
      if (System.nanoTime() > endNanos) {
        return;
      }
      long t0 = System.nanoTime();
      Futures.addCallback(stub.lease(LeaseRequest.newBuilder().setWorkerId(id).build()), new FutureCallback<LeaseResponse>() {
        @Override
        public void onSuccess(LeaseResponse r) {
          long micros = (System.nanoTime() - t0) / 1000;
          boolean record = t0 >= recordFromNanos;
          if (r.hasJob()) {
            if (record) {
              withJob.add(micros);
            }
            run(r.getJob());
          } else {
            if (record) {
              empty.add(micros);
            }
            next();
          }
        }

        @Override
        public void onFailure(Throwable t) {
          failed(t);
          next();
        }
      }, MoreExecutors.directExecutor());
    }

    private void run(Job job) {
      long ms = (long) (job.getParams().getSeconds() * 1000);
      if (jitterMillis > 0) {
        ms += ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
      }
      timer.schedule(() -> complete(job), ms, TimeUnit.MILLISECONDS);
    }

    private void complete(Job job) {
      long t0 = System.nanoTime();
      if (t0 > endNanos) {
        return;
      }
      Futures.addCallback(
          stub.complete(CompleteRequest.newBuilder().setWorkerId(id).setJobId(job.getJobId())
              .setAttempt(job.getAttempt()).setIterations(1000).setLeaseNext(true).build()),
          new FutureCallback<>() {
            @Override
            public void onSuccess(CompleteResponse r) {
              if (t0 >= recordFromNanos) {
                (r.hasNext() ? completedWithJob : completedEmpty).add((System.nanoTime() - t0) / 1000);
              }
              if (r.hasNext()) {
                run(r.getNext());
              } else {
                next();
              }
            }

            @Override
            public void onFailure(Throwable t) {
              failed(t);
              next();
            }
          },
          MoreExecutors.directExecutor());
    }

    private void failed(Throwable t) {
      if (errors.incrementAndGet() <= 5) {
        System.out.println("call failed: " + t);
      }
    }

    private void next() {
      if (System.nanoTime() < endNanos) {
        timer.schedule(this::poll, 1000 + ThreadLocalRandom.current().nextInt(-100, 100), TimeUnit.MILLISECONDS);
      }
    }
  }

  private static void report(String what, java.util.Collection<Long> micros) {
    long[] v = micros.stream().mapToLong(Long::longValue).toArray();
    if (v.length == 0) {
      System.out.println(what + ": none");
      return;
    }
    Arrays.sort(v);
    System.out.printf("%s: %,d calls, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, v.length,
        v[v.length / 2] / 1000.0, v[(int) (v.length * 0.99)] / 1000.0, v[v.length - 1] / 1000.0);
  }
}
