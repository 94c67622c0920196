package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.Coordinator;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.embedded.EmbeddedKafka;
import org.litmusfarm.embedded.EmbeddedPostgres;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.worker.Worker;
import org.litmusfarm.worker.WorkerConfig;

/**
 * {@code farm campaign start|list|show} end to end with real parts: embedded PostgreSQL, a KRaft
 * Kafka broker, the coordinator over loopback gRPC, and a native worker building and running real
 * Go; a small spec with fuzzing runs to its report.
 */
class CampaignCommandTest {
  private static final String TOKEN = "campaign-test-token-0123456789";
  private static final String HOST = Targets.hostGoarch();
  private static EmbeddedPostgres pg;
  private static EmbeddedKafka kafka;
  private static Coordinator coordinator;
  private static Worker worker;
  @TempDir static Path dir;

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
                .withMetricsPort(-1)
                .withSpecDirectory(Optional.of(dir))
                .withSchedule(Optional.empty()));
    worker =
        Worker.connect(
            new WorkerConfig("127.0.0.1:" + coordinator.grpcPort(), Optional.of(TOKEN), "test-native", Optional.empty(),
                Optional.empty(), List.of(), dir.resolve("cache"), Duration.ofMillis(500), Duration.ofMillis(200), Map.of()));
    Thread t = new Thread(worker::run, "test-worker");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void stopTheFarm() {
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

  private static FarmTestSupport.Result farm(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--coordinator", "127.0.0.1:" + coordinator.grpcPort(), "--token", TOKEN));
    return FarmTestSupport.farm(all.toArray(String[]::new));
  }

  @Test
  void aSmallSpecWithFuzzingRunsToAReport() throws Exception {
    Path spec = dir.resolve("e2e.json");
    Files.writeString(spec, """
        {"name": "e2e", "version": 2, "select": {"names": ["SB+plain", "MP+plain"]}, "archs": ["%s"],
         "modes": ["native"], "seconds": 0.5, "fuzz": {"mutants": 3, "seconds": 0.5, "parallel": 3}, "seed": 3}
        """.formatted(HOST));
    var started = farm("campaign", "start", spec.toString());
    assertEquals(0, started.status(), started.err());
    Matcher m = Pattern.compile("started campaign (c-[0-9a-f]+): e2e v2, 2 jobs").matcher(started.out());
    assertTrue(m.find(), started.out());
    String id = m.group(1);

    var shown = farm("campaign", "show", id, "--wait");
    assertEquals(0, shown.status(), shown.out() + shown.err());
    assertTrue(shown.err().contains("farm: campaign " + id + " done"), shown.err());
    assertTrue(shown.out().startsWith("campaign " + id + ": e2e v2, done, 5/5 jobs done"), shown.out());
    assertTrue(shown.out().contains("SB+plain"), shown.out());
    assertTrue(shown.out().contains(HOST + "/native"), shown.out());
    assertTrue(shown.out().contains("fuzzing: 3/3 mutants run and evaluated"), shown.out());
    assertTrue(shown.out().contains("(no previous campaign of this spec: every WEAK outcome is new)"), shown.out());

    var json = farm("campaign", "show", id, "--json");
    assertEquals(0, json.status(), json.err());
    JsonObject report = JsonParser.parseString(json.out()).getAsJsonObject();
    assertEquals(2, report.getAsJsonArray("conformance").size());
    report.getAsJsonArray("conformance").forEach(c -> {
      String worst = c.getAsJsonObject().get("worst").getAsString();
      assertTrue(worst.equals("SC") || worst.equals("WEAK"), json.out());
    });
    JsonObject fuzz = report.getAsJsonObject("fuzz");
    assertEquals(3, fuzz.get("evaluated").getAsInt());
    assertEquals(5, fuzz.get("distinct_programs").getAsInt());
    assertTrue(fuzz.get("corpus_size").getAsInt() >= 2);
    assertEquals("native", fuzz.getAsJsonArray("architectures").get(0).getAsJsonObject().get("mode").getAsString());

    var list = farm("campaign", "list");
    assertEquals(0, list.status(), list.err());
    assertTrue(Pattern.compile(id + " +e2e +2 +done +5/5").matcher(list.out()).find(), list.out());
  }

  @Test
  void badSpecsAndUnknownCampaignsAreRefusedWithTheReason() throws Exception {
    Path spec = dir.resolve("bad.json");
    Files.writeString(spec, "{\"name\": \"bad\", \"version\": 1, \"select\": {\"names\": [\"SB+plain\"]}, \"archs\": [\"amd64\"], \"secs\": 1}");
    var bad = farm("campaign", "start", spec.toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().startsWith("farm: " + spec + ": secs: unknown field"), bad.err());
    var unknownName = farm("campaign", "start", "no-such-spec");
    assertEquals(2, unknownName.status());
    assertEquals("farm: the coordinator refused: no campaign spec named 'no-such-spec'\n", unknownName.err());
    var unknownId = farm("campaign", "show", "c-000000000000");
    assertEquals(2, unknownId.status());
    assertEquals("farm: the coordinator refused: no campaign 'c-000000000000'\n", unknownId.err());
    var noToken = FarmTestSupport.farm("campaign", "list", "--coordinator", "127.0.0.1:" + coordinator.grpcPort(), "--token", "wrong-token-wrong-token");
    assertEquals(2, noToken.status());
  }
}
