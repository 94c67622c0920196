package org.litmusfarm.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {
  private static EmbeddedPostgres postgres;
  private static Database database;

  @BeforeAll
  static void startServer() {
    postgres = EmbeddedPostgres.builder().start();
    System.out.printf(
        "postgres (%s) ready in %d ms at %s%n",
        postgres.embedded() ? "embedded" : "from " + EmbeddedPostgres.URL_VARIABLE,
        postgres.startupTime().toMillis(),
        postgres.jdbcUrl());
    database = postgres.createDatabase("embedded_postgres_test");
  }

  @AfterAll
  static void stopServer() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void storesAndReadsRowsWithBoundParameters() throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE outcome"
                + " (program TEXT NOT NULL, outcome TEXT NOT NULL, count BIGINT NOT NULL)");
      }
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO outcome VALUES (?, ?, ?)")) {
        insertRow(insert, "MP", "r0=1;r1=0", 7);
        insertRow(insert, "MP", "r0=1;r1=1", 93);
        insertRow(insert, "SB", "r0=0;r1=0", 2);
        assertEquals(3, insert.executeBatch().length);
      }
      List<String> seen = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT outcome, count FROM outcome WHERE program = ? ORDER BY outcome")) {
        select.setString(1, "MP");
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            seen.add(rows.getString(1) + "=" + rows.getLong(2));
          }
        }
      }
      assertEquals(List.of("r0=1;r1=0=7", "r0=1;r1=1=93"), seen);
    }
  }

  private static void insertRow(
      PreparedStatement insert, String program, String outcome, long count) throws SQLException {
    insert.setString(1, program);
    insert.setString(2, outcome);
    insert.setLong(3, count);
    insert.addBatch();
  }

  @Test
  void givesEachCreatedDatabaseAFreshStart() throws SQLException {
    Database first = postgres.createDatabase("embedded_fresh");
    try (Connection connection = first.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE leftover (id INT)");
    }
    Database again = postgres.createDatabase("embedded_fresh");
    try (Connection connection = again.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = ?")) {
      query.setString(1, "leftover");
      try (ResultSet rows = query.executeQuery()) {
        assertTrue(rows.next());
        assertEquals(0, rows.getInt(1));
      }
    }
  }

  @Test
  void usesTheServerNamedByTheEnvironmentAndLeavesItRunning() throws SQLException {
    Map<String, String> environment =
        Map.of(
            EmbeddedPostgres.URL_VARIABLE, postgres.jdbcUrl(),
            EmbeddedPostgres.USER_VARIABLE, postgres.user(),
            EmbeddedPostgres.PASSWORD_VARIABLE, postgres.password());
    Database named;
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().environment(environment).start()) {
      assertFalse(external.embedded());
      assertEquals(postgres.jdbcUrl(), external.jdbcUrl());
      named = external.createDatabase("embedded_named");
    }
    try (Connection connection = named.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_database()")) {
      assertTrue(rows.next());
      assertEquals("embedded_named", rows.getString(1));
    }
  }

  @Test
  void refusesToReplaceTheMainDatabase() {
    assertThrows(IllegalArgumentException.class, () -> postgres.createDatabase("postgres"));
    assertThrows(IllegalArgumentException.class, () -> postgres.createDatabase("Robert'); DROP"));
  }

  @Test
  void failsLoudlyWhenTheNamedServerCannotBeReached() {
    int closedPort = LoopbackPorts.free();
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                EmbeddedPostgres.builder()
                    .environment(
                        Map.of(
                            EmbeddedPostgres.URL_VARIABLE,
                            "jdbc:postgresql://127.0.0.1:" + closedPort + "/farm",
                            EmbeddedPostgres.USER_VARIABLE,
                            "farm"))
                    .start());
    String expected =
        "cannot connect to postgres at jdbc:postgresql://127.0.0.1:" + closedPort + "/farm";
    assertTrue(failure.getMessage().startsWith(expected), failure.getMessage());
    assertTrue(failure.getMessage().contains("refused"), failure.getMessage());
  }

  @Test
  void rejectsANamedServerUrlThatIsNotPostgres() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                EmbeddedPostgres.builder()
                    .environment(Map.of(EmbeddedPostgres.URL_VARIABLE, "jdbc:mysql://db/farm"))
                    .start());
    assertTrue(
        failure.getMessage().startsWith("FARM_DATABASE_URL is not a postgres jdbc url"),
        failure.getMessage());
  }
}
