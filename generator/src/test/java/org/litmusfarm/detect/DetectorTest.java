package org.litmusfarm.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.harness.RunResult;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Oracle;

/** The detector's loop against a scripted trial and clock: which runs happen, when it stops. */
class DetectorTest {
  private static final Outcome SB_FORBIDDEN = Outcome.parse("P0:r0=0; P1:r0=0; x=1; y=1");
  private static final Outcome SB_ALLOWED = Outcome.parse("P0:r0=1; P1:r0=1; x=1; y=1");

  private final List<String> ran = new ArrayList<>();
  private long now;

  @Test
  void stopsAtTheFirstForbiddenOutcomeAndTimesItFromTheStart() {
    Candidate mp = candidate("SB+rmw");
    Candidate sb = candidate("SB+atomic");
    Trial trial = (p, params) -> {
      ran.add(p.name());
      now += 2_000_000_000L;
      boolean mutated = params.mutant().isPresent();
      return result(p, params, mutated && p.name().equals("SB+atomic") && ran.size() >= 4 ? SB_FORBIDDEN : SB_ALLOWED);
    };
    MutantResult r = detector(trial).run(Mutant.ATOMIC_STORE_PLAIN, List.of(mp, sb), budget(60));
    assertTrue(r.killed());
    assertEquals(List.of("SB+rmw", "SB+atomic", "SB+rmw", "SB+atomic", "SB+atomic", "SB+atomic"), ran);
    assertEquals("SB+atomic", r.kill().orElseThrow().program());
    assertEquals(SB_FORBIDDEN, r.kill().get().outcome());
    assertEquals(8.0, r.secondsToKill(), 1e-9);
    assertTrue(r.kill().get().attributable());
    assertEquals(2 * 1000, r.kill().get().controlIterations());
    assertEquals(4 * 1000, r.iterations());
    assertEquals(2, r.programsRun());
  }

  @Test
  void survivesWhenTheBudgetRunsOutWithoutAForbiddenOutcome() {
    Trial trial = (p, params) -> {
      ran.add(p.name());
      now += 1_000_000_000L;
      return result(p, params, SB_ALLOWED);
    };
    MutantResult r = detector(trial).run(Mutant.ATOMIC_STORE_PLAIN, List.of(candidate("SB+atomic")), budget(3));
    assertFalse(r.killed());
    assertEquals(3, ran.size());
    assertEquals(3.0, r.secondsSpent(), 1e-9);
    assertTrue(r.missed(), "amd64 native must kill atomic-store-plain");
  }

  @Test
  void aProgramThatFailsToBuildIsSkippedAndTheOthersRun() {
    Trial trial = (p, params) -> {
      now += 1_000_000_000L;
      if (p.name().equals("MP+atomic")) {
        throw new IllegalStateException("building MP+atomic failed:\nsyntax error");
      }
      ran.add(p.name());
      return result(p, params, SB_ALLOWED);
    };
    MutantResult r = detector(trial).run(Mutant.ATOMIC_STORE_PLAIN, List.of(candidate("MP+atomic"), candidate("SB+atomic")), budget(4));
    assertEquals(List.of("MP+atomic: building MP+atomic failed:"), r.failures());
    assertEquals(List.of("SB+atomic", "SB+atomic", "SB+atomic"), ran);
  }

  @Test
  void runsEachSliceWithTheMutantAndTheSliceAsTimeBudget() {
    List<HarnessParams> seen = new ArrayList<>();
    Trial trial = (p, params) -> {
      seen.add(params);
      now += 1_000_000_000L;
      return result(p, params, SB_FORBIDDEN);
    };
    MutantResult r = detector(trial).run(Mutant.ATOMIC_STORE_PLAIN, List.of(candidate("SB+atomic")), budget(4));
    assertEquals(2, seen.size());
    assertEquals(Mutant.ATOMIC_STORE_PLAIN, seen.get(0).mutant().orElseThrow());
    assertEquals(Duration.ofMillis(500), seen.get(0).timeBudget());
    assertTrue(seen.get(1).mutant().isEmpty(), "the control runs the unmutated program");
    assertFalse(r.kill().orElseThrow().attributable(), "the control showed the forbidden outcome too");
  }

  @Test
  void aMutantWithoutCandidatesSurvivesAtOnce() {
    MutantResult r = detector((p, params) -> { throw new AssertionError(); }).run(Mutant.MUTEX_NO_ORDER, List.of(), budget(5));
    assertFalse(r.killed());
    assertEquals(0, r.runs());
  }

  private Detector detector(Trial trial) {
    return new Detector(trial, "amd64", "native", "Test CPU", "go1.test", line -> {}, () -> now);
  }

  private static Detector.Budget budget(int seconds) {
    return new Detector.Budget(Duration.ofSeconds(seconds), Duration.ofMillis(500));
  }

  private static Candidate candidate(String name) {
    Program p = Programs.catalog(name);
    return new Candidate(p, new Oracle().decide(p), Prediction.STORE_BUFFERING);
  }

  private static RunResult result(Program p, HarnessParams params, Outcome o) {
    return new RunResult(
        p.name(), "linux", "amd64", "go1.test", 2, 1000, Duration.ofMillis(500),
        Map.of("mutant", params.mutant().map(Mutant::tag).orElse("null")), Map.of(o, 1000L), "native");
  }
}
