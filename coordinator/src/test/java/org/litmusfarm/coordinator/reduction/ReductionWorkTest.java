package org.litmusfarm.coordinator.reduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.campaign.CampaignFarm;
import org.litmusfarm.coordinator.ingest.WorkerResults.TestWorker;
import org.litmusfarm.coordinator.lease.Lease;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.reduce.Size;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.text.Parser;

/**
 * Reduction on the farm against a real PostgreSQL, with the real queue, submissions and ingest
 * writer; test workers play the machines. The machine that "breaks" is an emulated arm64 worker
 * that shows SB's forbidden {@code P0:r0=0, P1:r0=0} whenever the program has it as a FORBIDDEN
 * outcome, as QEMU does for SB+atomic; workers of other architectures or modes must never get a
 * candidate.
 */
class ReductionWorkTest {
  static final String QEMU = "emulated:qemu-aarch64-static";
  static final Oracle ORACLE = new Oracle();

  final TestWorker broken = new TestWorker("w-qemu", "arm64", QEMU, List.of("go1.26.8"));
  final TestWorker otherEmulator = new TestWorker("w-other", "arm64", "emulated:other-arm64", List.of("go1.26.8"));
  final TestWorker otherToolchain = new TestWorker("w-go125", "arm64", QEMU, List.of("go1.25.0"));
  final TestWorker amd64 = new TestWorker("w-amd64", "amd64", "native", List.of("go1.26.8"));

  @TempDir Path specs;
  CampaignFarm farm;

  @BeforeEach
  void createFarm() {
    farm = CampaignFarm.create(specs);
    for (TestWorker w : List.of(broken, otherEmulator, otherToolchain, amd64)) {
      farm.workers.register(w);
    }
  }

  @AfterEach
  void closeFarm() {
    farm.close();
  }

  static String noise() throws IOException {
    try (InputStream in = ReductionWorkTest.class.getResourceAsStream("/reduction/SB+atomic+noise.litmus")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * What the broken machine shows for a program: every SC outcome, and each allowed outcome with
   * both SB registers forced to 0 when that makes it FORBIDDEN.
   */
  static Map<String, Long> brokenMachine(Lease lease, String litmus) {
    Program p = Parser.parse("p.litmus", litmus).program();
    Decision d = ORACLE.decide(p);
    Map<String, Long> out = new LinkedHashMap<>();
    for (Outcome o : d.scOutcomes()) {
      out.put(o.toString(), 100L);
    }
    Location p0 = Outcome.parseLocation("P0:r0");
    Location p1 = Outcome.parseLocation("P1:r0");
    for (Outcome o : d.allowed().keySet()) {
      if (o.values().containsKey(p0) && o.values().containsKey(p1)) {
        Map<Location, Long> forced = new LinkedHashMap<>(o.values());
        forced.put(p0, 0L);
        forced.put(p1, 0L);
        Outcome f = new Outcome(forced);
        if (d.classify(f) == OutcomeClass.FORBIDDEN) {
          out.put(f.toString(), 3L);
        }
      }
    }
    return out;
  }

  ReductionWork work(String owner) {
    return new ReductionWork(farm.pool, farm.submissions,
        new ReductionSettings(true, 1, 60, Duration.ofMinutes(5), Duration.ofSeconds(30)), owner);
  }

  /** Serves candidates on the broken machine until {@code reduction} ends; no other worker gets one. */
  void serveUntilDone(CompletableFuture<?> reduction) throws Exception {
    while (!reduction.isDone()) {
      for (TestWorker w : List.of(otherEmulator, otherToolchain, amd64)) {
        assertEquals(Optional.empty(), farm.workers.runNext(w, ReductionWorkTest::brokenMachine),
            w.id() + " must not get a candidate");
      }
      if (farm.workers.runNext(broken, ReductionWorkTest::brokenMachine).isEmpty()) {
        Thread.sleep(20);
      }
    }
    reduction.get(1, TimeUnit.SECONDS);
  }

  void observeNoiseViolation() throws IOException {
    farm.submissions.submit(new SubmitOrder("noise.litmus", noise(), List.of("arm64"),
        HarnessParams.newBuilder().setSeconds(5).build(), true, 3, Optional.empty(), List.of("go1.26.8")));
    assertTrue(farm.workers.runNext(broken, ReductionWorkTest::brokenMachine).isPresent());
    assertEquals(List.of("SB+atomic+noise"), farm.strings(
        "SELECT DISTINCT p.name FROM violations v JOIN programs p ON p.id = v.program_id WHERE v.mode = ?", QEMU));
  }

  static Size sizeOf(String litmus) {
    return Size.of(Parser.parse("r.litmus", litmus).program());
  }

  @Test
  void anEmulatedViolationIsReducedOnTheSameArchitectureModeAndToolchainToNoMoreThanSbWithAtomics()
      throws Exception {
    observeNoiseViolation();
    CompletableFuture<Boolean> reduction = CompletableFuture.supplyAsync(() -> work("coordinator-a").runOnce());
    serveUntilDone(reduction);

    assertEquals(List.of("done MINIMAL"), farm.strings("SELECT state || ' ' || stop FROM reductions"));
    String reduced = farm.strings(
        "SELECT p.litmus FROM reductions r JOIN programs p ON p.id = r.current_program_id").get(0);
    Size got = sizeOf(reduced);
    assertTrue(got.goroutines() <= 2 && got.statements() <= 4 && got.objects() <= 2,
        "no larger than SB+atomic (2 goroutines, 4 statements, 2 variables): " + got + " in\n" + reduced);
    assertEquals(List.of("P0:r0=0; P1:r0=0"), farm.strings("SELECT current_outcome FROM reductions"));
    assertEquals(sizeOf(noise()).toString(), farm.strings("SELECT original_size FROM reductions").get(0));
    assertEquals(got.toString(), farm.strings("SELECT reduced_size FROM reductions").get(0));

    List<String> tries = farm.strings("SELECT count(*) FROM reduction_tries");
    assertEquals(farm.strings("SELECT attempts::text FROM reductions"), tries, "every candidate run is recorded");
    assertEquals(List.of(QEMU + " go1.26.8 arm64"), farm.strings(
        "SELECT DISTINCT j.required_mode || ' ' || j.go_version || ' ' || j.goarch FROM reduction_tries t"
            + " JOIN jobs j ON j.submission_id = t.submission_id"));
    assertTrue(Integer.parseInt(farm.strings("SELECT accepted::text FROM reductions").get(0)) >= 2,
        "several candidates reproduced on the way down");

    assertFalse(work("coordinator-b").runOnce(), "candidates' own violations are not reduced again");
  }

  @Test
  void aReductionAbandonedByAStoppedCoordinatorResumesFromTheSmallestProgramFound() throws Exception {
    observeNoiseViolation();
    Thread first = new Thread(() -> {
      try {
        work("coordinator-a").runOnce();
      } catch (RuntimeException e) {
        // the coordinator stopping mid-query; its claim stays until the heartbeat lapses
      }
    });
    first.start();
    while (farm.strings("SELECT accepted FROM reductions WHERE accepted > 0").isEmpty()) {
      if (farm.workers.runNext(broken, ReductionWorkTest::brokenMachine).isEmpty()) {
        Thread.sleep(20);
      }
    }
    first.interrupt();
    first.join(10_000);
    assertFalse(first.isAlive());
    String stopped = farm.strings("SELECT state || ' ' || attempts || ' ' || current_program_id FROM reductions").get(0);
    assertTrue(stopped.startsWith("running "), stopped);
    int attemptsBefore = Integer.parseInt(stopped.split(" ")[1]);

    assertFalse(work("coordinator-b").runOnce(), "a live claim is not taken over");
    farm.execute("UPDATE reductions SET heartbeat_at = now() - interval '2 minutes'");
    CompletableFuture<Boolean> resumed = CompletableFuture.supplyAsync(() -> work("coordinator-b").runOnce());
    serveUntilDone(resumed);

    assertEquals(List.of("done MINIMAL"), farm.strings("SELECT state || ' ' || stop FROM reductions"));
    Size got = sizeOf(farm.strings(
        "SELECT p.litmus FROM reductions r JOIN programs p ON p.id = r.current_program_id").get(0));
    assertTrue(got.goroutines() <= 2 && got.statements() <= 4, got.toString());
    assertEquals(sizeOf(noise()).toString(), farm.strings("SELECT original_size FROM reductions").get(0),
        "the original size survives the restart");
    List<String> attempts = farm.strings("SELECT attempt::text FROM reduction_tries ORDER BY attempt");
    assertEquals(Integer.parseInt(attempts.get(attempts.size() - 1)), attempts.size(), "tries numbered on across the restart");
    assertTrue(attempts.size() > attemptsBefore);
  }
}
