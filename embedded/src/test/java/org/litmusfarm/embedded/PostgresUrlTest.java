package org.litmusfarm.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void replacesOnlyTheDatabaseAndKeepsParameters() {
    PostgresUrl url =
        PostgresUrl.parse("jdbc:postgresql://db.example:5433/farm?sslmode=require&loginTimeout=9");
    assertEquals("farm", url.database());
    assertEquals(
        "jdbc:postgresql://db.example:5433/farm_test?sslmode=require&loginTimeout=9",
        url.withDatabase("farm_test"));
  }

  @Test
  void acceptsSeveralHostsWithoutParameters() {
    assertEquals(
        "jdbc:postgresql://a:5432,b:5432/other",
        PostgresUrl.parse("jdbc:postgresql://a:5432,b:5432/farm").withDatabase("other"));
  }

  @Test
  void rejectsUrlsWithoutHostOrDatabase() {
    assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("jdbc:postgresql:farm"));
    assertThrows(
        IllegalArgumentException.class, () -> PostgresUrl.parse("jdbc:postgresql://host:5432/"));
    assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("jdbc:mysql://host/farm"));
  }
}
