package org.litmusfarm.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedPostgres;

/**
 * The pages and the JSON API against a real PostgreSQL holding a small farm history. The
 * coordinator address points nowhere: reads never need it, and submitting says so.
 */
class DashboardPagesTest {
  static final String TOKEN = "dashboard-test-token-0123";

  static EmbeddedPostgres postgres;
  static HikariDataSource db;
  static Scenario scenario;
  static Dashboard dashboard;
  static Http http;

  @BeforeAll
  static void start() {
    postgres = EmbeddedPostgres.builder().start();
    Database d = postgres.createDatabase("dashboard_pages");
    db = FarmDatabase.open(d.jdbcUrl(), d.user(), d.password(), 4);
    FarmDatabase.migrate(db);
    scenario = new Scenario(db);
    dashboard = Dashboard.start(new DashboardConfig("127.0.0.1", 0, db, "127.0.0.1:1", TOKEN, Duration.ofMinutes(10)));
    http = new Http(dashboard.port());
  }

  @AfterAll
  static void stop() {
    if (dashboard != null) {
      dashboard.close();
    }
    if (db != null) {
      db.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static JsonObject json(String path) {
    Http.Response r = http.get(path);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  private static JsonObject find(JsonArray rows, String field, String value) {
    return StreamSupport.stream(rows.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(o -> o.get(field).getAsString().equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + rows));
  }

  @Test
  void overviewCountsNativeAndEmulatedApartAndWarnsOfOpenViolations() {
    JsonObject o = json("/api/overview");
    assertEquals(0, o.get("open_native").getAsInt());
    assertEquals(1, o.get("open_emulated").getAsInt());
    JsonArray latest = o.getAsJsonArray("latest");
    assertEquals(2, latest.size(), latest.toString());
    JsonObject amd64 = find(latest, "arch", "amd64");
    JsonObject arm64 = find(latest, "arch", "arm64");
    assertEquals("native", amd64.get("mode").getAsString());
    assertEquals(Scenario.EMULATED, arm64.get("mode").getAsString());
    assertEquals(Scenario.NEW, arm64.get("campaign_id").getAsString(), "the newest campaign with results there");
    assertEquals(4, amd64.get("programs").getAsInt());
    assertEquals(4 * 3_000_000L, amd64.get("iterations").getAsLong());
    assertEquals(0, amd64.get("violations").getAsInt());
    assertEquals(1, arm64.get("violations").getAsInt());
    assertEquals(2, arm64.get("weak").getAsInt(), "SB+plain and MP+plain each have one WEAK outcome");
    assertEquals(1, amd64.get("fleet").getAsInt());

    String page = http.get("/").body();
    assertTrue(page.contains("1 open violation under emulation"), page);
    assertFalse(page.contains("on real hardware"), "no native violation is open");
    assertTrue(page.contains("emulated — not hardware evidence"));
  }

  @Test
  void metricsGivePageTimesByRouteInThePrometheusFormat() {
    assertEquals(200, http.get("/violations").status());
    assertEquals(404, http.get("/programs/no-such-program").status());
    Http.Response r = http.get("/metrics");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
    assertTrue(r.body().contains("dashboard_http_requests_seconds_count{method=\"GET\",route=\"/violations\",status=\"200\"}"), r.body());
    assertTrue(r.body().contains("route=\"/programs/{id}\",status=\"404\""), r.body());
  }

  @Test
  void violationsComeWithProvenanceAndAReproducer() {
    JsonArray vs = json("/api/violations").getAsJsonArray("violations");
    assertEquals(1, vs.size());
    JsonObject v = vs.get(0).getAsJsonObject();
    assertEquals("SB+atomic", v.get("program_name").getAsString());
    assertEquals(Scenario.SB_BOTH_ZERO, v.get("outcome").getAsString());
    assertEquals(45 + 90, v.get("count").getAsLong());
    assertEquals(Scenario.CPU, v.get("cpu_model").getAsString());
    assertEquals("go1.26.8", v.get("go_version").getAsString());
    assertEquals(
        "./farm run SB+atomic.litmus --goarch arm64 --emulator qemu-aarch64-static --seconds 10",
        v.getAsJsonObject("reproducer").get("command").getAsString());

    String page = http.get("/violations").body();
    assertTrue(page.contains("./farm run SB+atomic.litmus --goarch arm64 --emulator qemu-aarch64-static --seconds 10"), page);
    assertTrue(page.contains("atomic.Store(&amp;x, 1)"), "the .litmus text, escaped");
    assertTrue(page.contains("emulated — not hardware evidence"));
  }

  @Test
  void aViolationShowsTheFarmsReductionWithTheSmallestReproducer() {
    String sbText = org.litmusfarm.catalog.Catalog.load().find("SB+atomic").orElseThrow().text().orElseThrow();
    Seed seed = new Seed(db);
    Seed.Stored small = seed.program(sbText.replaceFirst("litmus \\S+", "litmus SB+small"));
    seed.execute("INSERT INTO reductions (program_id, arch, mode, go_version, outcome, state, current_program_id,"
            + " current_outcome, attempts, accepted, original_size, reduced_size, stop)"
            + " VALUES (?, 'arm64', ?, 'go1.26.8', ?, 'done', ?, 'P0:r0=0; P1:r0=0', 7, 2, '4 goroutines', '2 goroutines',"
            + " 'MINIMAL')",
        scenario.sbAtomic.id(), Scenario.EMULATED, Scenario.SB_BOTH_ZERO, small.id());
    seed.execute("INSERT INTO submissions (id, program_id) VALUES ('s-candidate', ?)", small.id());
    seed.execute("INSERT INTO reduction_tries (reduction_id, attempt, program_id, submission_id, reproduced)"
        + " SELECT id, 1, ?, 's-candidate', true FROM reductions", small.id());
    seed.execute("INSERT INTO violations (program_id, arch, mode, cpu_model, go_version, outcome, count)"
        + " VALUES (?, 'arm64', ?, 'cpu', 'go1.26.8', ?, 5)", small.id(), Scenario.EMULATED, Scenario.SB_BOTH_ZERO);
    try {
      assertEquals(1, json("/api/violations").getAsJsonArray("violations").size(),
          "a reduction candidate's violation shows under its reduction, not as a violation of its own");
      assertEquals(1, json("/api/overview").get("open_emulated").getAsInt());
      JsonObject r = json("/api/violations").getAsJsonArray("violations").get(0).getAsJsonObject()
          .getAsJsonObject("reduction");
      assertEquals("done", r.get("state").getAsString());
      assertEquals(7, r.get("attempts").getAsInt());
      assertEquals(small.id(), r.get("program_id").getAsString());
      assertEquals("./farm run SB+small.litmus --goarch arm64 --emulator qemu-aarch64-static --seconds 10",
          r.getAsJsonObject("reproducer").get("command").getAsString());

      String page = http.get("/violations").body();
      assertTrue(page.contains("Reduced reproducer"), page);
      assertTrue(page.contains("4 goroutines → <b>2 goroutines</b> (stopped: MINIMAL)"), page);
      assertTrue(page.contains("litmus SB+small"), page);
    } finally {
      seed.execute("DELETE FROM violations WHERE program_id = ?", small.id());
      seed.execute("DELETE FROM reduction_tries");
      seed.execute("DELETE FROM submissions WHERE id = 's-candidate'");
      seed.execute("DELETE FROM reductions");
    }
  }

  @Test
  void weakOutcomesAreGroupedWithFrequencyPerMillionAndFiltered() {
    dashboard.refreshNow();
    JsonObject all = json("/api/weak");
    JsonArray rows = all.getAsJsonArray("rows");
    assertEquals(4, all.get("total").getAsInt(), "SB+plain and MP+plain on two architecture-modes");
    JsonObject sbAmd64 = StreamSupport.stream(rows.spliterator(), false).map(JsonElement::getAsJsonObject)
        .filter(r -> r.get("program_name").getAsString().equals("SB+plain") && r.get("arch").getAsString().equals("amd64"))
        .findFirst().orElseThrow();
    assertEquals(120 + 240, sbAmd64.get("count").getAsLong());
    assertEquals(1_500_000 + 3_000_000, sbAmd64.get("iterations").getAsLong());
    assertEquals(80.0, sbAmd64.get("per_million").getAsDouble(), 1e-9);
    assertEquals("SB", sbAmd64.get("shape").getAsString());
    assertEquals("new", sbAmd64.get("triage_state").getAsString());

    assertEquals(2, json("/api/weak?arch=arm64").get("total").getAsInt());
    JsonObject mp = json("/api/weak?shape=MP");
    assertEquals(2, mp.get("total").getAsInt());
    mp.getAsJsonArray("rows").forEach(r -> assertEquals("MP+plain", r.getAsJsonObject().get("program_name").getAsString()));
    assertEquals(0, json("/api/weak?shape=other").get("total").getAsInt());

    Http.Response bad = http.get("/api/weak?shape=NOPE");
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("unknown shape 'NOPE'"), bad.body());
    assertEquals(400, http.get("/weak?state=closed").status());
    assertTrue(http.get("/weak?arch=arm64").body().contains("per million"));
  }

  @Test
  void triageNeedsTheTokenAndShowsAfterwardsEscaped() {
    Map<String, String> form = Map.of(
        "program", scenario.mpPlain.id(), "arch", "arm64", "mode", Scenario.EMULATED,
        "outcome", Seed.outcomes(scenario.mpPlain, "WEAK").get(0), "state", "interesting",
        "note", "<script>alert(1)</script> store reordering under qemu", "back", "/weak?shape=MP");
    Http.Response none = http.postForm("/triage", form);
    assertEquals(401, none.status());
    assertTrue(none.body().contains("needs the farm token"), none.body());
    Http.Response wrong = http.postForm("/triage", with(form, "token", "not-the-token-at-all"));
    assertEquals(401, wrong.status());
    assertTrue(wrong.body().contains("wrong farm token"));

    Http.Response ok = http.postForm("/triage", with(form, "token", TOKEN));
    assertEquals(303, ok.status(), ok.body());
    assertEquals("/weak?shape=MP", ok.location());
    assertNotNull(ok.setCookie());
    assertTrue(ok.setCookie().contains("HttpOnly") && ok.setCookie().contains("SameSite=Strict"), ok.setCookie());

    dashboard.refreshNow();
    String page = http.get("/weak?state=interesting").body();
    assertTrue(page.contains("MP+plain"), page);
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; store reordering"), "the note, escaped");
    assertFalse(page.contains("<script>alert(1)"));

    String body = "{\"program\":\"" + scenario.mpPlain.id() + "\",\"arch\":\"arm64\",\"mode\":\"" + Scenario.EMULATED
        + "\",\"outcome\":\"" + Seed.outcomes(scenario.mpPlain, "WEAK").get(0) + "\",\"state\":\"reported\",\"note\":\"go.dev/issue/1\"}";
    assertEquals(401, http.postJson("/api/triage", body).status());
    assertEquals(401, http.postJson("/api/triage", body, "Authorization", "Bearer nope-nope-nope-nope").status());
    Http.Response api = http.postJson("/api/triage", body, "Authorization", "Bearer " + TOKEN);
    assertEquals(200, api.status(), api.body());
    assertEquals(1, json("/api/weak?state=reported").get("total").getAsInt());
    Http.Response badState = http.postJson("/api/triage", body.replace("reported", "closed"), "Authorization", "Bearer " + TOKEN);
    assertEquals(400, badState.status());
    assertTrue(badState.body().contains("triage state must be one of new, expected, interesting, reported"), badState.body());
    Http.Response noProgram = http.postJson("/api/triage", body.replace(scenario.mpPlain.id(), "0".repeat(64)),
        "Authorization", "Bearer " + TOKEN);
    assertEquals(404, noProgram.status());
  }

  private static Map<String, String> with(Map<String, String> form, String key, String value) {
    var m = new java.util.HashMap<>(form);
    m.put(key, value);
    return m;
  }

  @Test
  void programPageShowsTextGoOracleTableAndAChartPerArchitectureAndMode() {
    String page = http.get("/programs/" + scenario.sbAtomic.id()).body();
    assertTrue(page.contains("litmus SB+atomic"), page);
    assertTrue(page.contains("package main"), "the emitted Go");
    assertTrue(page.contains("atomic.StoreInt"), "atomics lowered to sync/atomic");
    assertEquals(2, page.split("<svg class=\"histogram\"", -1).length - 1, "one chart per architecture and mode");
    assertTrue(page.contains("class=\"bar forbidden\""), "the violation's bar");
    assertTrue(page.contains("id=\"run-arm64-emulated\""));
    for (String o : scenario.sbAtomic.allowed().keySet()) {
      assertTrue(page.contains("<code>" + o + "</code>"), "oracle row " + o);
    }

    JsonObject api = json("/api/programs/" + scenario.sbAtomic.id());
    assertEquals("FORBIDDEN", api.getAsJsonObject("program").get("verdict").getAsString());
    assertEquals(2, api.getAsJsonArray("observed").size());

    assertEquals(404, http.get("/programs/not-an-id").status());
    Http.Response unknown = http.get("/api/programs/" + "f".repeat(64));
    assertEquals(404, unknown.status());
    assertTrue(unknown.body().contains("\"error\""));
    Http.Response litmus = http.get("/programs/" + scenario.sbAtomic.id() + "/litmus");
    assertTrue(litmus.contentType().startsWith("text/plain"));
    assertTrue(litmus.body().startsWith("litmus SB+atomic"));
  }

  @Test
  void campaignsShowProgressAndTheWorstClassPerProgramAndArchitecture() {
    JsonArray list = json("/api/campaigns").getAsJsonArray("campaigns");
    assertEquals(Scenario.RUNNING, list.get(0).getAsJsonObject().get("id").getAsString(), "newest first");
    JsonObject running = list.get(0).getAsJsonObject();
    assertEquals(2, running.get("jobs_total").getAsInt());
    assertEquals(1, running.get("jobs_running").getAsInt());

    JsonObject c = json("/api/campaigns/" + Scenario.NEW);
    JsonObject conformance = c.getAsJsonObject("conformance");
    JsonArray columns = conformance.getAsJsonArray("columns");
    assertEquals(2, columns.size());
    JsonObject sbAtomic = find(conformance.getAsJsonArray("rows"), "program_name", "SB+atomic");
    int arm = columns.get(0).getAsJsonObject().get("arch").getAsString().equals("arm64") ? 0 : 1;
    assertEquals("FORBIDDEN", sbAtomic.getAsJsonArray("cells").get(arm).getAsJsonObject().get("worst").getAsString());
    assertEquals("SC", sbAtomic.getAsJsonArray("cells").get(1 - arm).getAsJsonObject().get("worst").getAsString());
    JsonObject sbPlain = find(conformance.getAsJsonArray("rows"), "program_name", "SB+plain");
    assertEquals("WEAK", sbPlain.getAsJsonArray("cells").get(1 - arm).getAsJsonObject().get("worst").getAsString());

    String page = http.get("/campaigns/" + Scenario.NEW).body();
    assertTrue(page.contains("class=\"cell forbidden\""), page);
    assertTrue(http.get("/campaigns/" + Scenario.RUNNING).body().contains("http-equiv=\"refresh\""), "follows a running campaign");
    assertTrue(http.get("/campaigns").body().contains(Scenario.OLD));
    assertEquals(404, http.get("/campaigns/c-nope").status());
  }

  @Test
  void fleetShowsEveryWorkerWithProvenanceAndLiveness() {
    JsonArray workers = json("/api/fleet").getAsJsonArray("workers");
    assertEquals(2, workers.size());
    assertTrue(find(workers, "id", "w-amd64").get("alive").getAsBoolean());
    assertFalse(find(workers, "id", "w-arm64").get("alive").getAsBoolean(), "its last heartbeat is 2 h old");
    String page = http.get("/fleet").body();
    assertTrue(page.contains("Intel(R) Xeon(R) CPU @ 2.20GHz"));
    assertTrue(page.contains("qemu-aarch64-static"));
    assertTrue(page.contains("2 h ago"), page);
  }

  @Test
  void submitShowsProblemsInlineAndKeepsTheText() {
    String broken = "litmus Broken\n\nvar x\n\nP0 {\n  x = = 1\n}\n\nexists (x == 1)\n";
    Map<String, String> form = Map.of("litmus", broken, "arch", "amd64", "seconds", "1", "token", TOKEN);
    Http.Response r = http.postForm("/submit", form);
    assertEquals(400, r.status());
    assertTrue(r.body().matches("(?s).*line 6, column \\d+: .*"), r.body());
    assertTrue(r.body().contains("  x = = 1"), "the text stays in the form");

    Http.Response noToken = http.postForm("/submit", Map.of("litmus", broken, "arch", "amd64", "seconds", "1"));
    assertEquals(401, noToken.status());
    assertTrue(noToken.body().contains("needs the farm token") && noToken.body().contains("x = = 1"));

    String sb = scenarioText();
    Http.Response noArch = http.postForm("/submit", Map.of("litmus", sb, "seconds", "0", "token", TOKEN));
    assertEquals(400, noArch.status());
    assertTrue(noArch.body().contains("choose at least one architecture"));
    assertTrue(noArch.body().contains("more than 0 and at most 3600 seconds"));

    Http.Response away = http.postForm("/submit", Map.of("litmus", sb, "arch", "amd64", "seconds", "1", "token", TOKEN));
    assertEquals(502, away.status());
    assertTrue(away.body().contains("the coordinator is not reachable"), away.body());

    Http.Response api = http.postJson("/api/submit", "{\"litmus\":\"x\",\"archs\":[\"amd64\"]}");
    assertEquals(401, api.status());
    Http.Response apiBad = http.postJson("/api/submit", "{\"litmus\":\"litmus A\\nvar x\\nP0 { x = }\",\"archs\":[\"amd64\"]}",
        "Authorization", "Bearer " + TOKEN);
    assertEquals(400, apiBad.status());
    assertTrue(apiBad.body().contains("\"error\":\"3:"), apiBad.body());
    assertEquals(400, http.postJson("/api/submit", "not json", "Authorization", "Bearer " + TOKEN).status());
  }

  private static String scenarioText() {
    return http.get("/programs/" + scenario.sbPlain.id() + "/litmus").body();
  }

  @Test
  void unknownAddressesAnswer404WithoutAStackTrace() {
    Http.Response r = http.get("/nowhere");
    assertEquals(404, r.status());
    assertFalse(r.body().contains("Exception"));
    Http.Response api = http.get("/api/submissions/s-doesnotexist");
    assertEquals(502, api.status(), "no coordinator to ask");
    assertTrue(api.body().contains("not reachable"), api.body());
  }
}
