package org.litmusfarm.worker;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import org.litmusfarm.schema.v1.*;

/** A test double of the coordinator's WorkerService: hands out queued jobs and records every call. */
final class FakeCoordinator implements AutoCloseable {
  final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
  final BlockingQueue<RegisterRequest> registers = new LinkedBlockingQueue<>();
  final BlockingQueue<HeartbeatRequest> heartbeats = new LinkedBlockingQueue<>();
  final BlockingQueue<CompleteRequest> completes = new LinkedBlockingQueue<>();
  final BlockingQueue<FailRequest> fails = new LinkedBlockingQueue<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  volatile int leases;
  /** Lease calls that handed out a job (completions that did are not counted). */
  final AtomicInteger leasedByLeaseCalls = new AtomicInteger();
  volatile Status heartbeatStatus = Status.OK;

  private final Server server;
  private final ManagedChannel channel;

  FakeCoordinator(String kafkaBootstrap, String topic, int heartbeatSeconds) throws Exception {
    String name = InProcessServerBuilder.generateName();
    ServerInterceptor recordAuth =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String auth = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
            authorizations.add(auth == null ? "" : auth);
            return next.startCall(call, headers);
          }
        };
    WorkerServiceGrpc.WorkerServiceImplBase service =
        new WorkerServiceGrpc.WorkerServiceImplBase() {
          @Override
          public void register(RegisterRequest r, StreamObserver<RegisterResponse> out) {
            registers.add(r);
            out.onNext(RegisterResponse.newBuilder().setWorkerId("w-1").setKafkaBootstrap(kafkaBootstrap)
                .setOutcomeTopic(topic).setHeartbeatSeconds(heartbeatSeconds).build());
            out.onCompleted();
          }

          @Override
          public void lease(LeaseRequest r, StreamObserver<LeaseResponse> out) {
            leases++;
            Job j = jobs.poll();
            if (j != null) {
              leasedByLeaseCalls.incrementAndGet();
            }
            out.onNext(j == null ? LeaseResponse.getDefaultInstance() : LeaseResponse.newBuilder().setJob(j).build());
            out.onCompleted();
          }

          @Override
          public void heartbeat(HeartbeatRequest r, StreamObserver<HeartbeatResponse> out) {
            heartbeats.add(r);
            if (!heartbeatStatus.isOk()) {
              out.onError(heartbeatStatus.asRuntimeException());
              return;
            }
            out.onNext(HeartbeatResponse.newBuilder().setLeaseExpiresUnixMs(System.currentTimeMillis() + 30_000).build());
            out.onCompleted();
          }

          @Override
          public void complete(CompleteRequest r, StreamObserver<CompleteResponse> out) {
            completes.add(r);
            Job next = r.getLeaseNext() ? jobs.poll() : null;
            out.onNext(next == null ? CompleteResponse.getDefaultInstance() : CompleteResponse.newBuilder().setNext(next).build());
            out.onCompleted();
          }

          @Override
          public void fail(FailRequest r, StreamObserver<FailResponse> out) {
            fails.add(r);
            out.onNext(FailResponse.newBuilder().setWillRetry(true).build());
            out.onCompleted();
          }
        };
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(service, recordAuth)).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() throws Exception {
    channel.shutdownNow();
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
