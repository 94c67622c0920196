package org.litmusfarm.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.litmusfarm.schema.v1.HeartbeatRequest;
import org.litmusfarm.schema.v1.Job;
import org.litmusfarm.schema.v1.WorkerServiceGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renews one job's lease on a timer; notices when the coordinator says the lease is lost. */
final class Heartbeat implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private final AtomicLong iterations = new AtomicLong();
  private final AtomicBoolean lost = new AtomicBoolean();
  private final ScheduledFuture<?> task;

  Heartbeat(ScheduledExecutorService timer, WorkerServiceGrpc.WorkerServiceBlockingStub stub, String workerId, Job job, int seconds) {
    this.task =
        timer.scheduleAtFixedRate(
            () -> beat(stub, workerId, job), seconds, seconds, TimeUnit.SECONDS);
  }

  private void beat(WorkerServiceGrpc.WorkerServiceBlockingStub stub, String workerId, Job job) {
    try {
      stub.withDeadlineAfter(10, TimeUnit.SECONDS)
          .heartbeat(
              HeartbeatRequest.newBuilder()
                  .setWorkerId(workerId)
                  .setJobId(job.getJobId())
                  .setAttempt(job.getAttempt())
                  .setIterations(iterations.get())
                  .build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.NOT_FOUND || code == Status.Code.FAILED_PRECONDITION) {
        if (lost.compareAndSet(false, true)) {
          log.warn("job {} attempt {}: lease lost ({}); abandoning it", job.getJobId(), job.getAttempt(), CallFailure.describe(e));
        }
      } else {
        log.warn("job {}: heartbeat failed, will retry: {}", job.getJobId(), CallFailure.describe(e));
      }
    }
  }

  void iterations(long n) {
    iterations.set(n);
  }

  boolean lost() {
    return lost.get();
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
