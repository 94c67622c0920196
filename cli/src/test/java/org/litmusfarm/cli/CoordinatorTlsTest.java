package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.coordinator.ServerTls;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.schema.transport.ClientTls;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;

/**
 * A coordinator serving gRPC over TLS with a self-signed certificate made by openssl: a worker and
 * {@code farm submit} that trust it run a program end to end; a plaintext client and a client that
 * does not trust the certificate are refused with a clear message.
 */
class CoordinatorTlsTest {
  private static final String TOKEN = "tls-test-token-0123456789";
  private static EmbeddedPostgres pg;
  private static EmbeddedKafka kafka;
  private static Coordinator coordinator;
  private static Worker worker;
  @TempDir static Path dir;
  private static Path cert;

  @BeforeAll
  static void startATlsFarm() throws Exception {
    Tools.go();
    Path openssl = Tools.executable("/usr/bin/openssl");
    cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process p =
        new ProcessBuilder(
                openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", key.toString(), "-out", cert.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + output);

    pg = EmbeddedPostgres.builder().start();
    kafka = EmbeddedKafka.builder().start();
    kafka.createTopic("farm.outcomes", 1);
    coordinator =
        Coordinator.start(
            CoordinatorConfig.defaults(pg.jdbcUrl(), pg.user(), pg.password(), kafka.bootstrapServers(), TOKEN)
                .withGrpc("127.0.0.1", 0)
                .withMetricsPort(-1),
            Optional.of(new ServerTls(cert, key)));
    worker =
        Worker.connect(
            new WorkerConfig(
                target(), Optional.of(TOKEN), "tls-worker", Optional.empty(), Optional.empty(), List.of(),
                dir.resolve("cache"), Duration.ofSeconds(1), Duration.ofMillis(200), Map.of()),
            ClientTls.trusting(cert));
    Thread t = new Thread(worker::run, "tls-worker");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.close();
    }
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

  @Test
  void aWorkerAndAClientThatTrustTheCertificateRunAProgramOverTls(@TempDir Path tmp) throws Exception {
    var r =
        FarmTestSupport.farm(
            "submit", Programs.catalog(tmp, "SB+plain").toString(), "--arch", Targets.hostGoarch(), "--native-only",
            "--seconds", "1", "--wait", "--coordinator", target(), "--token", TOKEN, "--tls-ca", cert.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains(Targets.hostGoarch() + " native"), r.out());
    assertTrue(r.out().contains(": done, ") && r.out().contains("violations: 0"), r.out());
  }

  @Test
  void aPlaintextClientIsRefusedWithoutAStackTrace(@TempDir Path tmp) throws Exception {
    var r =
        FarmTestSupport.farm(
            "submit", Programs.catalog(tmp, "SB+plain").toString(), "--arch", Targets.hostGoarch(),
            "--coordinator", target(), "--token", TOKEN);
    assertNotEquals(0, r.status(), r.out() + r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertTrue(r.err().contains("cannot reach the coordinator at " + target()) && r.err().contains("expects TLS"), r.err());
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused(@TempDir Path tmp) throws Exception {
    var r =
        FarmTestSupport.farm(
            "submit", Programs.catalog(tmp, "SB+plain").toString(), "--arch", Targets.hostGoarch(),
            "--coordinator", target(), "--token", TOKEN, "--tls");
    assertNotEquals(0, r.status(), r.out() + r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aMissingTrustFileIsAUsageErrorNamingTheFile(@TempDir Path tmp) throws Exception {
    Path missing = tmp.resolve("nope.pem");
    var r =
        FarmTestSupport.farm(
            "submit", Programs.catalog(tmp, "SB+plain").toString(), "--arch", Targets.hostGoarch(),
            "--coordinator", target(), "--token", TOKEN, "--tls-ca", missing.toString());
    assertEquals(ExitStatus.INVALID, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(missing.toString()), r.err());
    assertFalse(Files.exists(missing));
  }
}
