package org.litmusfarm.coordinator.rpc;

import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Optional;
import org.litmusfarm.coordinator.fleet.Fleet;
import org.litmusfarm.coordinator.fleet.WorkerRegistration;
import org.litmusfarm.coordinator.lease.JobQueue;
import org.litmusfarm.coordinator.lease.Lease;
import org.litmusfarm.coordinator.lease.WorkerProfile;
import org.litmusfarm.coordinator.metrics.FarmMetrics;
import org.litmusfarm.schema.v1.CompleteRequest;
import org.litmusfarm.schema.v1.CompleteResponse;
import org.litmusfarm.schema.v1.ContractRevision;
import org.litmusfarm.schema.v1.FailRequest;
import org.litmusfarm.schema.v1.FailResponse;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.schema.v1.HeartbeatRequest;
import org.litmusfarm.schema.v1.HeartbeatResponse;
import org.litmusfarm.schema.v1.Job;
import org.litmusfarm.schema.v1.LeaseRequest;
import org.litmusfarm.schema.v1.LeaseResponse;
import org.litmusfarm.schema.v1.RegisterRequest;
import org.litmusfarm.schema.v1.RegisterResponse;
import org.litmusfarm.schema.v1.WorkerServiceGrpc;

/**
 * The workers' side of the coordinator: registration, leasing, heartbeats and the end of jobs.
 * Every state change goes through the PostgreSQL job queue, so any coordinator instance can
 * answer any call. A worker may only report on a job it holds the lease for.
 */
public final class WorkerService extends WorkerServiceGrpc.WorkerServiceImplBase {
  /** Where workers publish outcome batches, as told at registration. */
  public record KafkaTarget(String bootstrapServers, String topic) {}

  private final Fleet fleet;
  private final JobQueue queue;
  private final KafkaTarget kafka;
  private final Duration leaseTime;
  private final FarmMetrics metrics;

  public WorkerService(
      Fleet fleet, JobQueue queue, KafkaTarget kafka, Duration leaseTime, FarmMetrics metrics) {
    this.fleet = fleet;
    this.queue = queue;
    this.kafka = kafka;
    this.leaseTime = leaseTime;
    this.metrics = metrics;
  }

  @Override
  public void register(RegisterRequest request, StreamObserver<RegisterResponse> observer) {
    Errors.answer(
        observer,
        "Register",
        () -> {
          if (request.getContractRevision() != ContractRevision.CONTRACT_REVISION_1) {
            throw Status.FAILED_PRECONDITION
                .withDescription("this coordinator speaks contract revision 1; upgrade the worker")
                .asRuntimeException();
          }
          var p = request.getPlatform();
          String id =
              fleet.register(
                  new WorkerRegistration(
                      request.getName(),
                      p.getArch(),
                      p.getMode(),
                      p.getCpuModel(),
                      p.getCores(),
                      request.getGoVersionsList(),
                      request.getLabelsMap(),
                      request.getFarmVersion()));
          return RegisterResponse.newBuilder()
              .setWorkerId(id)
              .setKafkaBootstrap(kafka.bootstrapServers())
              .setOutcomeTopic(kafka.topic())
              .setHeartbeatSeconds((int) Math.max(1, leaseTime.toSeconds() / 3))
              .build();
        });
  }

  @Override
  public void lease(LeaseRequest request, StreamObserver<LeaseResponse> observer) {
    Errors.answer(
        observer,
        "Lease",
        () -> {
          WorkerProfile worker = profile(request.getWorkerId());
          fleet.touch(worker.workerId());
          Optional<Lease> lease = queue.lease(worker, leaseTime);
          if (lease.isEmpty()) {
            return LeaseResponse.getDefaultInstance();
          }
          metrics.leased();
          return LeaseResponse.newBuilder().setJob(job(lease.get())).build();
        });
  }

  @Override
  public void heartbeat(HeartbeatRequest request, StreamObserver<HeartbeatResponse> observer) {
    Errors.answer(
        observer,
        "Heartbeat",
        () -> {
          WorkerProfile worker = profile(request.getWorkerId());
          fleet.touch(worker.workerId());
          var expires =
              queue.renew(worker.workerId(), request.getJobId(), request.getAttempt(), request.getIterations(), leaseTime);
          return HeartbeatResponse.newBuilder().setLeaseExpiresUnixMs(expires.toEpochMilli()).build();
        });
  }

  @Override
  public void complete(CompleteRequest request, StreamObserver<CompleteResponse> observer) {
    Errors.answer(
        observer,
        "Complete",
        () -> {
          WorkerProfile worker = profile(request.getWorkerId());
          if (request.getIterations() < 0 || request.getBatches() < 0) {
            throw new IllegalArgumentException("iterations and batches must not be negative");
          }
          Optional<Lease> next = Optional.empty();
          if (request.getLeaseNext()) {
            next = queue.completeAndLease(worker, request.getJobId(), request.getAttempt(), request.getIterations(), leaseTime);
          } else {
            queue.complete(worker.workerId(), request.getJobId(), request.getAttempt(), request.getIterations());
          }
          metrics.completed(request.getIterations());
          if (next.isEmpty()) {
            return CompleteResponse.getDefaultInstance();
          }
          metrics.leased();
          return CompleteResponse.newBuilder().setNext(job(next.get())).build();
        });
  }

  @Override
  public void fail(FailRequest request, StreamObserver<FailResponse> observer) {
    Errors.answer(
        observer,
        "Fail",
        () -> {
          WorkerProfile worker = profile(request.getWorkerId());
          String reason = request.getReason().isBlank() ? "no reason given" : request.getReason();
          if (reason.length() > 4000) {
            reason = reason.substring(0, 4000) + "...";
          }
          if (request.getRelease()) {
            queue.release(worker.workerId(), request.getJobId(), request.getAttempt(), reason);
            return FailResponse.newBuilder().setWillRetry(true).build();
          }
          boolean retry = queue.fail(worker.workerId(), request.getJobId(), request.getAttempt(), reason);
          metrics.failed();
          return FailResponse.newBuilder().setWillRetry(retry).build();
        });
  }

  private WorkerProfile profile(String workerId) {
    return fleet
        .profile(workerId)
        .orElseThrow(() -> Errors.notFound("unknown worker '" + workerId + "'; register first"));
  }

  private static Job job(Lease l) {
    return Job.newBuilder()
        .setJobId(l.jobId())
        .setAttempt(l.attempt())
        .setProgramId(l.programId())
        .setLitmus(l.litmus())
        .setGoarch(l.goarch())
        .setGoVersion(l.goVersion())
        .setParams(params(l.paramsJson()))
        .setLeaseExpiresUnixMs(l.expiresAt().toEpochMilli())
        .build();
  }

  private static HarnessParams params(String json) {
    HarnessParams.Builder b = HarnessParams.newBuilder();
    try {
      JsonFormat.parser().merge(json, b);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored harness parameters are not valid: " + e.getMessage(), e);
    }
    return b.build();
  }
}
