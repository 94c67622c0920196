package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleCommandTest {
  @TempDir Path dir;

  @Test
  void printsOneNameAndVerdictLinePerFile() {
    var r = FarmTestSupport.farm("oracle", Programs.catalog(dir, "SB+plain").toString(), Programs.catalog(dir, "SB+atomic").toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("SB+plain\tWEAK\nSB+atomic\tFORBIDDEN\n", r.out());
  }

  @Test
  void outcomesListsEveryAllowedOutcomeWithItsClass() {
    var r = FarmTestSupport.farm("oracle", "--outcomes", Programs.catalog(dir, "SB+plain").toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("  WEAK\tP0:r0=0; P1:r0=0; x=1; y=1\n"), r.out());
    assertEquals(4, r.out().lines().filter(l -> l.startsWith("  SC\t") || l.startsWith("  WEAK\t")).count(), r.out());
  }

  @Test
  void jsonIsOneArrayWithIdsVerdictsAndOutcomes() {
    var r = FarmTestSupport.farm("oracle", "--json", Programs.catalog(dir, "MP+atomic").toString());
    assertEquals(0, r.status(), r.err());
    JsonArray all = JsonParser.parseString(r.out()).getAsJsonArray();
    assertEquals(1, all.size());
    var o = all.get(0).getAsJsonObject();
    assertEquals("MP+atomic", o.get("name").getAsString());
    assertEquals("FORBIDDEN", o.get("verdict").getAsString());
    assertEquals(64, o.get("id").getAsString().length());
    assertTrue(o.getAsJsonArray("outcomes").size() >= 3);
  }

  @Test
  void invalidTextIsReportedAsFileLineColumnWithStatusTwo() {
    Path bad = Programs.write(dir, "bad.litmus", "litmus Bad\nvar x\nP0 {\n  x = \n}\nexists (x == 1)\n");
    var r = FarmTestSupport.farm("oracle", bad.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith(bad + ":4:"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aMissingFileIsAnErrorWithStatusTwoAndOtherFilesAreStillDecided() {
    var r = FarmTestSupport.farm("oracle", dir.resolve("nope.litmus").toString(), Programs.catalog(dir, "LB+plain").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("nope.litmus: no such file"), r.err());
    assertEquals("LB+plain\tWEAK\n", r.out());
  }

  @Test
  void aProgramThatCanBlockIsRejectedAtTheBlockingStatement() {
    Path stuck = Programs.write(dir, "stuck.litmus", "litmus Stuck\nchan c\nP0 {\n  r0 = <-c\n}\nexists (P0:r0 == 0)\n");
    var r = FarmTestSupport.farm("oracle", stuck.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith(stuck + ":4:"), r.err());
  }

  @Test
  void aProgramOverTheBudgetIsTooLargeToDecide() {
    var r = FarmTestSupport.farm("oracle", "--budget", "10", Programs.catalog(dir, "IRIW+plain").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("too large to decide"), r.err());
  }
}
