package org.litmusfarm.coordinator.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.ingest.WorkerResults.TestWorker;
import org.litmusfarm.coordinator.report.CampaignReport;

/** Campaigns against a real PostgreSQL: start, jobs per toolchain, completion across restarts. */
class CampaignsTest {
  private static final String TWO =
      """
      {"name": "two", "version": 3, "select": {"names": ["SB+plain", "MP+plain"]}, "archs": ["amd64"],
       "modes": ["native"], "seconds": 1}
      """;
  @TempDir Path specs;
  private CampaignFarm farm;
  private final TestWorker amd64 = new TestWorker("w-amd64", "amd64", "native", List.of("go1.26.8"));

  @BeforeEach
  void freshDatabase() {
    farm = CampaignFarm.create(specs);
    farm.workers.register(amd64);
  }

  @AfterEach
  void close() {
    farm.close();
  }

  @Test
  void aNamedSpecStartsOneJobPerProgramAndIsStoredWhole() {
    farm.writeSpec("two", TWO);
    Campaigns.Progress p = farm.campaigns.startNamed("two");
    assertEquals("two", p.specName());
    assertEquals(3, p.specVersion());
    assertEquals(2, p.jobsTotal());
    assertEquals("running", p.state());
    CampaignSpec stored = farm.campaigns.parse("stored", farm.campaigns.specText(p.id()).orElseThrow());
    assertEquals(farm.campaigns.named("two"), stored);
  }

  @Test
  void aCampaignIsDoneOnceItsJobsFinishEvenWhenAnotherCoordinatorLooks() {
    Campaigns.Progress p = farm.campaigns.start("two", TWO);
    assertEquals(List.of(), farm.campaigns.finishDone());
    farm.workers.runNext(amd64, (lease, litmus) -> CampaignFarm.allowed(litmus, 5));
    assertEquals(List.of(), farm.campaigns.finishDone());
    farm.workers.runNext(amd64, (lease, litmus) -> CampaignFarm.allowed(litmus, 5));
    try (CampaignFarm other = farm.restarted()) {
      assertEquals(List.of(p.id()), other.campaigns.finishDone());
      Campaigns.Progress done = other.campaigns.progress(p.id()).orElseThrow();
      assertEquals("done", done.state());
      assertEquals(2, done.jobsDone());
      assertTrue(done.finishedAt().isPresent());
    }
    assertEquals(List.of(), farm.campaigns.finishDone());
  }

  @Test
  void aCampaignWhoseStartWasInterruptedIsNeverDoneAndFailsAfterAWhile() {
    farm.execute("INSERT INTO campaigns (id, spec_name, spec_text, state, jobs_created) VALUES ('c-cut', 'two', '{}', 'running', false)");
    assertEquals(List.of(), farm.campaigns.finishDone());
    assertEquals(List.of("running"), farm.strings("SELECT state FROM campaigns WHERE id = 'c-cut'"));
    farm.execute("UPDATE campaigns SET started_at = now() - interval '11 minutes' WHERE id = 'c-cut'");
    farm.campaigns.finishDone();
    assertEquals(List.of("failed"), farm.strings("SELECT state FROM campaigns WHERE id = 'c-cut'"));
  }

  @Test
  void aToolchainMatrixMakesAJobPerToolchainThatOnlyWorkersOfferingItLease() {
    Campaigns.Progress p = farm.campaigns.start("matrix", TWO.replace("\"two\"", "\"matrix\"")
        .replace("\"seconds\": 1", "\"seconds\": 1, \"toolchains\": [\"default\", \"go1.19.8\"]"));
    assertEquals(4, p.jobsTotal());
    assertEquals(2, farm.workers.drain(List.of(amd64), (lease, litmus) -> CampaignFarm.allowed(litmus, 5)));
    TestWorker both = farm.workers.register(new TestWorker("w-both", "amd64", "native", List.of("go1.26.8", "go1.19.8")));
    assertEquals(2, farm.workers.drain(List.of(both), (lease, litmus) -> {
      assertEquals("go1.19.8", lease.goVersion());
      return CampaignFarm.allowed(litmus, 5);
    }));
    List<CampaignReport.ArchSummary> archs = farm.report.architectures(p.id());
    assertEquals(List.of("go1.19.8", "go1.26.8"), archs.stream().map(CampaignReport.ArchSummary::goVersion).toList());
    assertEquals(List.of(2, 2), archs.stream().map(CampaignReport.ArchSummary::programs).toList());
  }

  @Test
  void harnessSetsMultiplyTheSubmissionsAndCarryTheirParameters() {
    Campaigns.Progress p = farm.campaigns.start("sets", TWO.replace("\"two\"", "\"sets\"")
        .replace("\"seconds\": 1", "\"seconds\": 1, \"harness\": [{}, {\"stress\": 2}], \"seed\": 9"));
    assertEquals(4, p.jobsTotal());
    assertEquals(List.of("0:9", "0:9", "2:10", "2:10"),
        farm.strings("SELECT coalesce(j.params->>'stress', '0') || ':' || (j.params->>'seed') FROM jobs j"
            + " JOIN submissions s ON s.id = j.submission_id WHERE s.campaign_id = ? ORDER BY 1", p.id()));
  }

  @Test
  void unknownOrMisnamedSpecsAreRefusedWithTheReason() {
    assertEquals("no campaign spec named 'nope'",
        assertThrows(IllegalArgumentException.class, () -> farm.campaigns.startNamed("nope")).getMessage());
    farm.writeSpec("other", TWO);
    assertEquals(specs.resolve("other.json") + ": name: is 'two' but the file is named other.json",
        assertThrows(InvalidSpecException.class, () -> farm.campaigns.startNamed("other")).getMessage());
    assertEquals("the spec text names 'two', not 'three'",
        assertThrows(IllegalArgumentException.class, () -> farm.campaigns.start("three", TWO)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> farm.campaigns.startNamed("../etc")).getMessage().contains("must be"));
    assertEquals(List.of("0"), farm.strings("SELECT count(*)::text FROM campaigns"));
  }

  @Test
  void theBuiltInSpecsAreFoundWithoutADirectory() {
    assertTrue(new SpecLibrary(Optional.empty()).find("nightly").isPresent());
    assertTrue(new SpecLibrary(Optional.of(specs)).find("smoke").orElseThrow().origin().startsWith("campaigns/"));
  }
}
