package org.litmusfarm.coordinator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.litmusfarm.coordinator.lease.WorkerProfile;
import org.litmusfarm.coordinator.store.FarmDatabase;
import org.litmusfarm.embedded.Database;
import org.litmusfarm.embedded.EmbeddedPostgres;

class FleetTest {
  private static EmbeddedPostgres server;
  private static HikariDataSource pool;
  private Fleet fleet;

  @BeforeAll
  static void start() {
    server = EmbeddedPostgres.builder().start();
    Database database = server.createDatabase("fleet");
    pool = FarmDatabase.open(database.jdbcUrl(), database.user(), database.password(), 2);
    FarmDatabase.migrate(pool);
  }

  @AfterAll
  static void stop() {
    pool.close();
    server.close();
  }

  @BeforeEach
  void emptyFleet() throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM workers")) {
      ps.executeUpdate();
    }
    fleet = new Fleet(pool, Duration.ZERO);
  }

  private static WorkerRegistration registration(String name, String arch, String mode) {
    return new WorkerRegistration(
        name, arch, mode, "AMD EPYC 7B13", 2, List.of("go1.26.8", "go1.25.5"),
        Map.of("rack", "r1", "zone/name", "eu-west"), "0.1.0");
  }

  @Test
  void aRegisteredWorkerIsReadBackAsRegistered() {
    WorkerRegistration r = registration("builder-1", "amd64", "native");
    Instant before = Instant.now().minusSeconds(5);

    String id = fleet.register(r);

    assertTrue(id.matches("w-[0-9a-f]{12}"), id);
    WorkerRow row = fleet.row(id).orElseThrow();
    assertEquals(r, row.registration());
    assertEquals(0, row.jobsDone());
    assertTrue(row.lastHeartbeat().isAfter(before), row.lastHeartbeat().toString());
    assertEquals(List.of(row), fleet.list());
  }

  @Test
  void everyRegistrationGetsItsOwnId() {
    String a = fleet.register(registration("same-name", "amd64", "native"));
    String b = fleet.register(registration("same-name", "amd64", "native"));

    assertNotEquals(a, b);
    assertEquals(2, fleet.list().size());
  }

  @Test
  void theProfileSaysWhetherTheWorkerIsEmulated() {
    String nativeId = fleet.register(registration("n", "amd64", "native"));
    String qemuId = fleet.register(registration("q", "arm64", "emulated:qemu-aarch64-static"));

    assertEquals(
        Optional.of(new WorkerProfile(nativeId, "amd64", "native", List.of("go1.26.8", "go1.25.5"))),
        fleet.profile(nativeId));
    assertEquals(
        Optional.of(new WorkerProfile(qemuId, "arm64", "emulated:qemu-aarch64-static", List.of("go1.26.8", "go1.25.5"))),
        fleet.profile(qemuId));
    assertEquals(Optional.empty(), fleet.profile("w-000000000000"));
  }

  @Test
  void touchMovesTheHeartbeatForward() throws Exception {
    String id = fleet.register(registration("n", "amd64", "native"));
    Instant registered = fleet.row(id).orElseThrow().lastHeartbeat();
    Thread.sleep(20);

    fleet.touch(id);

    assertTrue(fleet.row(id).orElseThrow().lastHeartbeat().isAfter(registered));
  }

  @Test
  void touchingAnUnknownWorkerWritesNothing() {
    assertFalse(fleet.touch("w-unknown"));
  }

  @Test
  void aHeartbeatIsWrittenAtMostOncePerResolution() {
    Fleet coarse = new Fleet(pool, Duration.ofHours(1));
    String id = coarse.register(registration("n", "amd64", "native"));

    assertFalse(coarse.touch(id), "registration itself counts as a heartbeat within the hour");
  }

  @Test
  void malformedRegistrationsAreRefusedWithTheReason() {
    assertReason("arch", () -> registration("n", "AMD64", "native"));
    assertReason("arch", () -> registration("n", "x", "native"));
    assertReason("mode", () -> registration("n", "amd64", "qemu"));
    assertReason("mode", () -> registration("n", "amd64", "emulated:"));
    assertReason("name", () -> registration("", "amd64", "native"));
    assertReason("name", () -> registration("x".repeat(129), "amd64", "native"));
    assertReason("name", () -> registration("bad\nname", "amd64", "native"));
    assertReason("cores", () -> new WorkerRegistration("n", "amd64", "native", "", 0, List.of("go1.26.8"), Map.of(), "0.1.0"));
    assertReason("Go versions", () -> new WorkerRegistration("n", "amd64", "native", "", 2, List.of(), Map.of(), "0.1.0"));
    assertReason("label keys", () -> new WorkerRegistration("n", "amd64", "native", "", 2, List.of("go1.26.8"), Map.of("bad key", "v"), "0.1.0"));
    assertReason("label rack", () -> new WorkerRegistration("n", "amd64", "native", "", 2, List.of("go1.26.8"), Map.of("rack", "v".repeat(257)), "0.1.0"));
    assertReason("farm version", () -> new WorkerRegistration("n", "amd64", "native", "", 2, List.of("go1.26.8"), Map.of(), ""));
    assertFalse(new WorkerRegistration("n", "amd64", "native", "", 2, List.of("go1.26.8"), Map.of(), "0.1.0").emulated());
  }

  private static void assertReason(String expected, Runnable construct) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
