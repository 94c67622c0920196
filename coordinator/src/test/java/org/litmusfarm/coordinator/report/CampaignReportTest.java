package org.litmusfarm.coordinator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.campaign.CampaignFarm;
import org.litmusfarm.coordinator.ingest.WorkerResults.TestWorker;
import org.litmusfarm.coordinator.reduction.ReductionSettings;
import org.litmusfarm.coordinator.reduction.ReductionWork;

/** Campaign reports against a real PostgreSQL, with results ingested through the real writer. */
class CampaignReportTest {
  private static final String SPEC =
      """
      {"name": "conf", "version": 1, "select": {"names": ["SB+plain", "SB+atomic"]}, "archs": ["amd64", "arm64"],
       "seconds": 1}
      """;
  /** SB's outcome where both loads miss both stores: WEAK with plain variables, FORBIDDEN with atomics. */
  private static final String BOTH_ZERO = "P0:r0=0; P1:r0=0; x=1; y=1";
  @TempDir Path specs;
  private CampaignFarm farm;
  private final TestWorker amd64 = new TestWorker("w-amd64", "amd64", "native", List.of("go1.26.8"));
  private final TestWorker arm64 = new TestWorker("w-arm64", "arm64", "emulated:qemu-aarch64-static", List.of("go1.26.8"));

  @BeforeEach
  void freshDatabase() {
    farm = CampaignFarm.create(specs);
    farm.workers.register(amd64);
    farm.workers.register(arm64);
  }

  @AfterEach
  void close() {
    farm.close();
  }

  /** SC outcomes everywhere; the both-zero outcome too where {@code weakOn} says so. */
  private void run(String campaignId, boolean weakOnAmd64, boolean weakOnArm64) {
    farm.workers.drain(List.of(amd64, arm64), (lease, litmus) -> {
      Map<String, Long> counts = new LinkedHashMap<>(CampaignFarm.scOnly(litmus));
      boolean weak = lease.goarch().equals("amd64") ? weakOnAmd64 : weakOnArm64;
      if (weak) {
        counts.put(BOTH_ZERO, 3L);
      }
      return counts;
    });
  }

  @Test
  void theConformanceTableShowsTheWorstClassPerProgramArchitectureAndMode() {
    String id = farm.campaigns.start("conf", SPEC).id();
    assertTrue(farm.report.conformance(id).stream().allMatch(c -> c.state().equals("queued") && c.worst().isEmpty() && c.mode().isEmpty()));
    run(id, false, true);
    Map<String, String> worst = new LinkedHashMap<>();
    for (Conformance.Cell c : farm.report.conformance(id)) {
      worst.put(c.program() + " " + c.arch() + " " + c.mode(), c.worst() + " " + c.state());
    }
    assertEquals(Map.of(
        "SB+plain amd64 native", "SC done",
        "SB+plain arm64 emulated:qemu-aarch64-static", "WEAK done",
        "SB+atomic amd64 native", "SC done",
        "SB+atomic arm64 emulated:qemu-aarch64-static", "FORBIDDEN done"), worst);
    List<CampaignReport.Violation> violations = farm.report.violations(id);
    assertEquals(1, violations.size());
    assertEquals("SB+atomic", violations.get(0).program());
    assertEquals("emulated:qemu-aarch64-static", violations.get(0).mode());
    assertEquals(BOTH_ZERO, violations.get(0).outcome());
    List<CampaignReport.ArchSummary> archs = farm.report.architectures(id);
    assertEquals(List.of("amd64 native 2 2 0 0", "arm64 emulated:qemu-aarch64-static 2 2 1 1"),
        archs.stream().map(a -> a.arch() + " " + a.mode() + " " + a.jobs() + " " + a.programs() + " " + a.weak() + " " + a.forbidden()).toList());
    assertTrue(farm.report.ingested(id));
    assertEquals(Optional.empty(), farm.report.fuzz(id));
  }

  @Test
  void aCampaignsViolationsComeWithTheFarmsReductionOfThem() {
    String id = farm.campaigns.start("conf", SPEC).id();
    run(id, false, true);
    assertEquals(List.of(), farm.report.reductions(id), "nothing reduced yet");
    ReductionWork work = new ReductionWork(farm.pool, farm.submissions, ReductionSettings.defaults(), "test-coordinator");
    assertTrue(work.runOnce());

    List<CampaignReport.Reduction> rs = farm.report.reductions(id);
    assertEquals(1, rs.size());
    CampaignReport.Reduction r = rs.get(0);
    assertEquals(List.of("SB+atomic", "arm64", "emulated:qemu-aarch64-static", "done", "MINIMAL", "P0:r0=0; P1:r0=0"),
        List.of(r.program(), r.arch(), r.mode(), r.state(), r.stop(), r.outcome()));
    assertEquals(0, r.attempts(), "SB+atomic has no smaller candidate the oracle still forbids");
    assertEquals("2 goroutines, 4 statements, 2 shared objects", r.reducedSize());
    assertTrue(r.reducedLitmus().startsWith("litmus SB+atomic\n"), r.reducedLitmus());
    assertTrue(r.finished());
  }

  @Test
  void newWeakOutcomesAreThoseThePreviousCampaignOfTheSameSpecDidNotSee() {
    String first = farm.campaigns.start("conf", SPEC).id();
    run(first, false, true);
    assertEquals(Optional.empty(), farm.campaigns.previous(first));
    assertEquals(List.of("SB+plain arm64 " + BOTH_ZERO), farm.report.newWeak(first, Optional.empty()).stream()
        .map(w -> w.program() + " " + w.arch() + " " + w.outcome()).toList());
    String second = farm.campaigns.start("conf", SPEC).id();
    run(second, true, true);
    assertEquals(Optional.of(first), farm.campaigns.previous(second));
    List<NewWeak.Outcome> fresh = farm.report.newWeak(second, farm.campaigns.previous(second));
    assertEquals(List.of("SB+plain amd64 native " + BOTH_ZERO + " 3"),
        fresh.stream().map(w -> w.program() + " " + w.arch() + " " + w.mode() + " " + w.outcome() + " " + w.count()).toList());
    String third = farm.campaigns.start("conf", SPEC).id();
    run(third, true, true);
    assertEquals(List.of(), farm.report.newWeak(third, farm.campaigns.previous(third)));
  }
}
