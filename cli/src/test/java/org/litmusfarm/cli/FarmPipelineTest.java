package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.schema.transport.ClientTls;
import org.litmusfarm.schema.v1.CompleteRequest;
import org.litmusfarm.schema.v1.ContractRevision;
import org.litmusfarm.schema.v1.FarmServiceGrpc;
import org.litmusfarm.schema.v1.Provenance;
import org.litmusfarm.schema.v1.RegisterRequest;
import org.litmusfarm.schema.v1.SubmitRequest;
import org.litmusfarm.schema.v1.WorkerServiceGrpc;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;
import org.litmusfarm.worker.job.CoreShare;

/**
 * The farm end to end with real parts: embedded PostgreSQL, an in-process KRaft Kafka broker, the
 * coordinator over loopback gRPC, workers building and running real Go (natively and under
 * qemu-aarch64-static), and the {@code farm submit} command.
 */
class FarmPipelineTest {
  private static final String TOKEN = "pipeline-test-token-0123456789";
  private static final String HOST = Targets.hostGoarch();
  private static EmbeddedPostgres pg;
  private static EmbeddedKafka kafka;
  private static Coordinator coordinator;
  private static final List<Worker> workers = new ArrayList<>();

  @TempDir static Path cache;
  /** The workers of this test share the machine's cores, as in {@code farm up}. */
  private static final CoreShare CORES = CoreShare.ofThisMachine();

  @BeforeAll
  static void startTheFarm() {
    Tools.go();
    pg = EmbeddedPostgres.builder().start();
    kafka = EmbeddedKafka.builder().start();
    kafka.createTopic("farm.outcomes", 3);
    coordinator =
        Coordinator.start(
            CoordinatorConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password(), kafka.bootstrapServers(), TOKEN)
                .withGrpc("127.0.0.1", 0)
                .withMetricsPort(0));
    startWorker(Optional.empty(), Optional.empty());
  }

  private static void startWorker(Optional<String> arch, Optional<String> emulator) {
    Worker w =
        Worker.connect(
            new WorkerConfig(
                target(), Optional.of(TOKEN), "test-" + arch.orElse("native"), arch, emulator, List.of(),
                cache.resolve(arch.orElse("native")), Duration.ofSeconds(1), Duration.ofMillis(200), Map.of()),
            ClientTls.PLAINTEXT, CORES);
    workers.add(w);
    Thread t = new Thread(w::run, "test-worker");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void stopTheFarm() {
    workers.forEach(Worker::close);
    if (coordinator != null) {
      coordinator.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  private static String target() {
    return "127.0.0.1:" + coordinator.grpcPort();
  }

  private FarmTestSupport.Result submit(Path file, String... more) {
    List<String> args = new ArrayList<>(List.of("submit", file.toString(), "--coordinator", target(), "--token", TOKEN, "--wait"));
    args.addAll(List.of(more));
    return FarmTestSupport.farm(args.toArray(String[]::new));
  }

  @Test
  void theAtomicStorePlainMutantIsFlaggedAsANativeViolation(@TempDir Path dir) throws Exception {
    var r = submit(Programs.catalog(dir, "SB+atomic"), "--arch", HOST, "--seconds", "2", "--mutant", "atomic-store-plain");
    assertEquals(3, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("FORBIDDEN\tP0:r0=0; P1:r0=0; x=1; y=1"), r.out());
    assertTrue(r.out().contains(HOST + " native"), r.out());
    try (Connection c = pg.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT v.mode, v.count FROM violations v JOIN programs p ON p.id = v.program_id WHERE p.name = 'SB+atomic' AND v.arch = '" + HOST + "'");
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next(), "no violation row");
      assertEquals("native", rs.getString(1));
      assertTrue(rs.getLong(2) > 0);
    }
  }

  @Test
  void plainStoreBufferingShowsItsWeakOutcomeAndNoViolation(@TempDir Path dir) {
    var r = submit(Programs.catalog(dir, "SB+plain"), "--arch", HOST, "--seconds", "1");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().endsWith("violations: 0\n"), r.out());
    assertTrue(r.out().contains("\tSC       \t"), r.out());
  }

  @Test
  void atomicStoreBufferingUnderQemuArm64IsAnEmulatedViolation(@TempDir Path dir) {
    Tools.executable("/usr/bin/qemu-aarch64-static");
    synchronized (FarmPipelineTest.class) {
      if (workers.size() == 1) {
        startWorker(Optional.of("arm64"), Optional.empty());
      }
    }
    FarmTestSupport.Result r = null;
    for (int attempt = 0; attempt < 3 && (r == null || r.status() != 3); attempt++) {
      r = submit(Programs.catalog(dir, "SB+atomic"), "--arch", "arm64", "--seconds", "3");
    }
    assertEquals(3, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("arm64 emulated:qemu-aarch64-static"), r.out());
  }

  @Test
  void anInvalidProgramIsRefusedWithItsLineAndColumn(@TempDir Path dir) {
    try (Channel ch = new Channel(TOKEN)) {
      var stub = FarmServiceGrpc.newBlockingStub(ch.channel);
      var e = assertThrows(StatusRuntimeException.class, () -> stub.submit(
          SubmitRequest.newBuilder().setLitmus("litmus Bad\nvar x\nP0 {\n  r0 = q\n}\nexists (P0:r0 == 1)\n").addArchs(HOST).build()));
      assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
      assertTrue(e.getStatus().getDescription().startsWith("4:"), e.getStatus().getDescription());
    }
  }

  @Test
  void callsWithoutTheTokenAreUnauthenticated() {
    for (String token : new String[] {null, "wrong-token-wrong-token"}) {
      try (Channel ch = new Channel(token)) {
        var e = assertThrows(StatusRuntimeException.class, () -> WorkerServiceGrpc.newBlockingStub(ch.channel)
            .register(RegisterRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
      }
    }
  }

  @Test
  void aWorkerCannotCompleteAJobItDoesNotHold(@TempDir Path dir) throws Exception {
    try (Channel ch = new Channel(TOKEN)) {
      var farm = FarmServiceGrpc.newBlockingStub(ch.channel);
      var submitted = farm.submit(SubmitRequest.newBuilder()
          .setLitmus(java.nio.file.Files.readString(Programs.catalog(dir, "MP+plain"))).addArchs("s390x").build());
      var workerStub = WorkerServiceGrpc.newBlockingStub(ch.channel);
      String intruder = workerStub.register(RegisterRequest.newBuilder()
          .setContractRevision(ContractRevision.CONTRACT_REVISION_1).setName("intruder")
          .setPlatform(Provenance.newBuilder().setArch("amd64").setMode("native").setCpuModel("x").setCores(1))
          .addGoVersions("go1.26").setFarmVersion("test").build()).getWorkerId();
      var e = assertThrows(StatusRuntimeException.class, () -> workerStub.complete(CompleteRequest.newBuilder()
          .setWorkerId(intruder).setJobId(submitted.getJobIds(0)).setAttempt(1).setIterations(5).build()));
      assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
      try (Connection c = pg.dataSource().getConnection();
          PreparedStatement ps = c.prepareStatement("SELECT state, iterations FROM jobs WHERE id = ?")) {
        ps.setString(1, submitted.getJobIds(0));
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("queued", rs.getString(1));
          assertEquals(0, rs.getLong(2));
        }
      }
    }
  }

  @Test
  void metricsAreServedForPrometheus() throws Exception {
    var response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + coordinator.metricsPort().orElseThrow() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("farm_jobs{"), response.body());
    assertTrue(response.body().contains("farm_leases_total"), response.body());
  }

  /** A plaintext channel bearing {@code token} (or none). */
  private static final class Channel implements AutoCloseable {
    final ManagedChannel channel;

    Channel(String token) {
      channel = token == null
          ? NettyChannelBuilder.forTarget(target()).usePlaintext().build()
          : CoordinatorChannel.open(target(), token);
    }

    @Override
    public void close() {
      channel.shutdownNow();
    }
  }
}
