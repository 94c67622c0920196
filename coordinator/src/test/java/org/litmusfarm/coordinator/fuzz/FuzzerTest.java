package org.litmusfarm.coordinator.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.campaign.CampaignFarm;
import org.litmusfarm.coordinator.ingest.WorkerResults.TestWorker;
import org.litmusfarm.coordinator.lease.Lease;
import org.litmusfarm.coordinator.report.FuzzFigures;
import org.litmusfarm.model.Outcome;

/**
 * The fuzz loop against a real PostgreSQL: mutants scheduled within the budget, evaluated once
 * their results are ingested through the real writer, corpus and energy updated, reproducible by
 * seed, and safe with two coordinators stepping at once.
 */
class FuzzerTest {
  private static final String SPEC =
      """
      {"name": "fz", "version": 1, "select": {"names": ["SB+plain", "MP+plain"]}, "archs": ["amd64"],
       "modes": ["native"], "seconds": 1, "fuzz": {"mutants": 8, "parallel": 3}, "seed": 5}
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

  private static Fuzzer fuzzer(CampaignFarm f) {
    return new Fuzzer(f.pool, f.submissions, f.campaigns);
  }

  /** Steps and runs every job until the fuzzer finishes; returns the rounds it took. */
  private int fuzz(CampaignFarm f, String id, BiFunction<Lease, String, Map<String, Long>> outcomes) {
    Fuzzer fuzzer = fuzzer(f);
    for (int round = 1; round <= 40; round++) {
      fuzzer.step(id);
      f.workers.drain(List.of(amd64), outcomes);
      if (!f.strings("SELECT 1 FROM fuzz_state WHERE campaign_id = ? AND finished_at IS NOT NULL", id).isEmpty()) {
        return round;
      }
    }
    throw new AssertionError("the fuzzer did not finish in 40 rounds");
  }

  private static Map<String, Long> everythingAllowed(Lease lease, String litmus) {
    return CampaignFarm.allowed(litmus, 7);
  }

  private int integer(String sql, Object... args) {
    return Integer.parseInt(farm.strings(sql, args).get(0));
  }

  @Test
  void mutantsShowingNewWeakSignaturesJoinTheCorpusWithinTheBudget() {
    String id = farm.campaigns.start("fz", SPEC).id();
    int rounds = fuzz(farm, id, FuzzerTest::everythingAllowed);
    assertTrue(rounds >= 3, "three at a time, eight in all: " + rounds);
    assertEquals(8, integer("SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ? AND state = 'evaluated'", id));
    assertEquals(List.of("8"), farm.strings("SELECT scheduled::text FROM fuzz_state WHERE campaign_id = ?", id));
    int fresh = integer("SELECT sum(new_signatures) FROM fuzz_mutants WHERE campaign_id = ?", id);
    int joined = integer("SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ? AND new_signatures > 0", id);
    assertTrue(fresh > 0, "mutants of SB and MP that add or change accesses have WEAK outcomes the seeds lack");
    assertEquals(fresh, integer("SELECT count(*) FROM fuzz_signatures WHERE campaign_id = ? AND source = 'fuzz'", id));
    assertEquals(2 + joined, integer("SELECT count(*) FROM fuzz_corpus WHERE campaign_id = ?", id));
    assertTrue(integer("SELECT count(*) FROM fuzz_signatures WHERE campaign_id = ? AND source = 'catalog'", id) >= 2);
    assertEquals(replayedEnergies(id), farm.strings(
        "SELECT program_id || ' ' || energy FROM fuzz_corpus WHERE campaign_id = ? ORDER BY position", id));
    assertEquals(List.of(id), farm.campaigns.finishDone());
    FuzzFigures.Summary figures = farm.report.fuzz(id).orElseThrow();
    assertEquals(8, figures.scheduled());
    assertEquals(2 + joined, figures.corpusSize());
    assertEquals(10, figures.distinctPrograms());
    assertEquals(fresh, figures.fuzzOnlySignatures());
    FuzzFigures.Arch amd = figures.architectures().get(0);
    assertEquals("amd64 native", amd.arch() + " " + amd.mode());
    assertEquals(amd.catalog() + amd.fuzzOnly(), amd.timeline().get(amd.timeline().size() - 1).signatures());
    assertTrue(figures.finished());
  }

  /** The corpus energies {@link Energy} gives when the evaluations are replayed in order. */
  private List<String> replayedEnergies(String id) {
    Map<String, Integer> energy = new LinkedHashMap<>();
    for (String row : farm.strings("SELECT c.program_id || ' ' || (SELECT count(*) FROM fuzz_signatures s"
        + " WHERE s.campaign_id = c.campaign_id AND s.program_id = c.program_id AND s.source = 'catalog')"
        + " FROM fuzz_corpus c WHERE c.campaign_id = ? AND c.origin = 'seed' ORDER BY c.position", id)) {
      String[] f = row.split(" ");
      energy.put(f[0], Energy.seedAfterCatalog(Energy.SEED, Integer.parseInt(f[1])));
    }
    for (String row : farm.strings("SELECT program_id || ' ' || parent_id || ' ' || new_signatures || ' ' || violations"
        + " FROM fuzz_mutants WHERE campaign_id = ? ORDER BY evaluated_at, seq", id)) {
      String[] f = row.split(" ");
      int fresh = Integer.parseInt(f[2]);
      int violations = Integer.parseInt(f[3]);
      if (Energy.joins(fresh, violations)) {
        energy.put(f[0], Energy.joined(fresh, violations));
      }
      energy.put(f[1], Energy.parentAfter(energy.get(f[1]), fresh, violations));
    }
    return energy.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
  }

  @Test
  void aMutantShowingAViolationJoinsWithExtraEnergyAndRewardsItsParent() {
    String id = farm.campaigns.start("fz", SPEC).id();
    fuzz(farm, id, (lease, litmus) -> {
      Map<String, Long> counts = new LinkedHashMap<>(CampaignFarm.scOnly(litmus));
      if (farm.programName(lease).contains("-m")) {
        Outcome some = Outcome.parse(counts.keySet().iterator().next());
        Map<org.litmusfarm.model.Location, Long> bent = new LinkedHashMap<>(some.values());
        bent.replaceAll((loc, v) -> 99L);
        counts.put(new Outcome(bent).toString(), 1L);
      }
      return counts;
    });
    assertEquals(8, integer("SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ? AND violations > 0 AND new_signatures = 0", id));
    assertEquals(List.of(String.valueOf(Energy.joined(0, 1))),
        farm.strings("SELECT DISTINCT energy::text FROM fuzz_corpus WHERE campaign_id = ? AND origin = 'mutant' AND picks = 0", id));
    assertTrue(integer("SELECT max(energy) FROM fuzz_corpus WHERE campaign_id = ? AND origin = 'seed'", id) > Energy.SEED);
    assertEquals(8, farm.report.fuzz(id).orElseThrow().mutantViolations());
  }

  @Test
  void noMutantIsScheduledBeforeEveryCatalogJobHasFinishedAndSeedsThatShowedWeakOutcomesGainEnergy() {
    String id = farm.campaigns.start("fz", SPEC).id();
    Fuzzer fuzzer = fuzzer(farm);
    fuzzer.step(id);
    assertEquals(0, integer("SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ?", id));
    assertEquals(List.of("4", "4"), farm.strings("SELECT energy::text FROM fuzz_corpus WHERE campaign_id = ? ORDER BY position", id));
    farm.workers.runNext(amd64, FuzzerTest::everythingAllowed);
    fuzzer.step(id);
    assertEquals(0, integer("SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ?", id));
    farm.workers.runNext(amd64, (lease, litmus) -> CampaignFarm.scOnly(litmus));
    fuzzer.step(id);
    assertEquals(3, integer("SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ?", id));
    assertEquals(List.of(String.valueOf(Energy.seedAfterCatalog(Energy.SEED, 1)), String.valueOf(Energy.SEED)),
        farm.strings("SELECT energy::text FROM fuzz_corpus WHERE campaign_id = ? ORDER BY position", id));
  }

  @Test
  void mutantsShowingNothingNewCostTheirParentsEnergy() {
    String id = farm.campaigns.start("fz", SPEC).id();
    fuzz(farm, id, (lease, litmus) -> CampaignFarm.scOnly(litmus));
    assertEquals(0, integer("SELECT count(*) FROM fuzz_corpus WHERE campaign_id = ? AND origin = 'mutant'", id));
    assertTrue(integer("SELECT sum(energy) FROM fuzz_corpus WHERE campaign_id = ?", id) < 2 * Energy.SEED);
    assertEquals(8, integer("SELECT sum(picks) FROM fuzz_corpus WHERE campaign_id = ?", id));
  }

  @Test
  void theSameSeedAndObservationsGiveTheSameMutantsAndAnotherSeedOthers() {
    List<List<String>> runs = new ArrayList<>();
    for (String seed : List.of("5", "5", "6")) {
      try (CampaignFarm f = CampaignFarm.create(specs)) {
        f.workers.register(amd64);
        String id = f.campaigns.start("fz", SPEC.replace("\"seed\": 5", "\"seed\": " + seed)).id();
        fuzz(f, id, FuzzerTest::everythingAllowed);
        runs.add(f.strings("SELECT program_id FROM fuzz_mutants WHERE campaign_id = ? ORDER BY seq", id));
      }
    }
    assertEquals(8, runs.get(0).size());
    assertEquals(runs.get(0), runs.get(1));
    assertNotEquals(runs.get(0), runs.get(2));
  }

  @Test
  void twoCoordinatorsSteppingAtOnceNeverExceedTheBudget() throws Exception {
    String id = farm.campaigns.start("fz", SPEC.replace("\"parallel\": 3", "\"parallel\": 8")).id();
    farm.workers.drain(List.of(amd64), FuzzerTest::everythingAllowed);
    try (CampaignFarm other = farm.restarted()) {
      Fuzzer a = fuzzer(farm);
      Fuzzer b = fuzzer(other);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 3; round++) {
          Future<?> fa = pool.submit(() -> a.stepAll());
          Future<?> fb = pool.submit(() -> b.stepAll());
          fa.get();
          fb.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertEquals(8, integer("SELECT count(*) FROM fuzz_mutants WHERE campaign_id = ?", id));
    assertEquals(8, integer("SELECT count(DISTINCT submission_id) FROM fuzz_mutants WHERE campaign_id = ?", id));
    assertEquals(2 + 8, integer("SELECT count(*) FROM submissions WHERE campaign_id = ?", id));
  }
}
