package org.litmusfarm.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.emit.Examples;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;

/** Real runs of emitted harnesses on this machine and under QEMU. */
class HarnessRunTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  @TempDir static Path dir;
  private static Harness harness;

  @BeforeAll
  static void toolchain() {
    harness = new Harness(Tools.go(), dir);
  }

  private static long witnesses(Program p, RunResult r) {
    return r.count(o -> o.satisfies(p.exists()));
  }

  private static RunResult run(Program p, HarnessParams params) {
    RunResult r = harness.run(p, params, GoTarget.host(), LIMIT, line -> {});
    System.out.println(p.name() + " " + r.mode() + ": " + r.iterations() + " iterations, " + r.histogram());
    assertEquals(p.name(), r.program());
    assertTrue(r.iterations() > 0);
    assertEquals(r.iterations(), r.histogram().values().stream().mapToLong(Long::longValue).sum());
    return r;
  }

  /**
   * Runs {@code p} up to {@code attempts} times until a run shows an outcome satisfying its
   * exists condition; returns the last run. The machine is shared: while other processes hold
   * the CPUs the test goroutines rarely run at the same time.
   */
  private static RunResult runUntilWitness(Program p, HarnessParams params, GoTarget target, int attempts, List<String> progress) {
    RunResult r = null;
    for (int i = 0; i < attempts; i++) {
      r = harness.run(p, params, target, LIMIT, progress::add);
      System.out.println(p.name() + " " + r.mode() + " attempt " + (i + 1) + ": " + witnesses(p, r) + " witnesses in " + r.iterations() + " iterations, " + r.histogram());
      if (witnesses(p, r) > 0) {
        break;
      }
    }
    return r;
  }

  @Test
  void sbPlainShowsTheWeakOutcomeNatively() {
    Program p = Examples.sbPlain();
    List<String> progress = new ArrayList<>();
    RunResult r = runUntilWitness(p, HarnessParams.defaults().withTimeBudget(Duration.ofMillis(1500)), GoTarget.host(), 4, progress);
    assertTrue(witnesses(p, r) > 0, r.histogram().toString());
    assertTrue(r.histogram().containsKey(Outcome.parse("P0:r0=0; P1:r0=0; x=1; y=1")));
    assertFalse(progress.isEmpty(), "a run over 1 s prints progress");
    assertTrue(progress.get(0).matches("progress iterations=\\d+ elapsed_ms=\\d+"), progress.get(0));
    assertEquals("native", r.mode());
    assertEquals(System.getProperty("os.arch").equals("amd64") ? "amd64" : r.goarch(), r.goarch());
    assertEquals("timebase", r.params().get("sync_mode"));
  }

  @Test
  void sbAtomicNeverShowsTheForbiddenOutcomeNatively() {
    Program p = Examples.sbAtomic();
    RunResult r = run(p, HarnessParams.defaults().withTimeBudget(Duration.ofSeconds(2)));
    assertTrue(r.iterations() > 1_000_000, "iterations: " + r.iterations());
    assertEquals(0, witnesses(p, r), r.histogram().toString());
  }

  @Test
  void atomicStorePlainMutantExposesSbAtomicOnThisMachine() {
    Program p = Examples.sbAtomic();
    HarnessParams params = HarnessParams.defaults().withTimeBudget(Duration.ofSeconds(1)).withMutant(Mutant.ATOMIC_STORE_PLAIN);
    RunResult r = runUntilWitness(p, params, GoTarget.host(), 4, new ArrayList<>());
    assertEquals("atomic-store-plain", r.params().get("mutant"));
    assertTrue(witnesses(p, r) > 0, r.histogram().toString());
  }

  @Test
  void rmwPlainMutantLosesUpdatesThatAtomicAddsKeep() {
    Program p = Examples.addAdd();
    RunResult atomic = run(p, HarnessParams.defaults().withTimeBudget(Duration.ofMillis(500)));
    assertEquals(0, witnesses(p, atomic), atomic.histogram().toString());
    HarnessParams broken = HarnessParams.defaults().withTimeBudget(Duration.ofMillis(500)).withMutant(Mutant.RMW_PLAIN);
    RunResult r = runUntilWitness(p.withName("ADD+ADD-rmw-plain"), broken, GoTarget.host(), 4, new ArrayList<>());
    assertTrue(witnesses(p, r) > 0, r.histogram().toString());
  }

  @Test
  void mutexNoOrderMutantLetsCriticalSectionsInterleave() {
    Program p = Examples.mpMutex();
    Program interleaved = p.withName("MP+mutex-no-order");
    HarnessParams broken = HarnessParams.defaultsFor(p).withTimeBudget(Duration.ofMillis(500)).withMutant(Mutant.MUTEX_NO_ORDER);
    RunResult r = null;
    long mixed = 0;
    for (int i = 0; i < 4 && mixed == 0; i++) {
      r = run(interleaved, broken);
      mixed = r.count(o -> o.toString().startsWith("P1:r0=0; P1:r1=1") || o.toString().startsWith("P1:r0=1; P1:r1=0"));
    }
    assertTrue(mixed > 0, r.histogram().toString());
  }

  @Test
  void sbAtomicCrossBuiltForArm64ShowsTheForbiddenOutcomeUnderQemu() {
    Path qemu = Tools.executable("/usr/bin/qemu-aarch64-static");
    Program p = Examples.sbAtomic();
    GoTarget target = GoTarget.emulated("arm64", qemu.toString());
    RunResult r = runUntilWitness(p, HarnessParams.defaults().withTimeBudget(Duration.ofSeconds(3)), target, 3, new ArrayList<>());
    assertEquals("emulated:qemu-aarch64-static", r.mode());
    assertEquals("arm64", r.goarch());
    assertTrue(witnesses(p, r) > 0, r.histogram().toString());
  }

  @Test
  void channelMutexWaitGroupAndOnceProgramsGiveOnlySaneOutcomes() {
    for (Program p : List.of(Examples.mpBufchan(), Examples.mpMutex(), Examples.mpWaitGroup(), Examples.onceAndFriends())) {
      RunResult r = run(p, HarnessParams.defaultsFor(p).withTimeBudget(Duration.ofMillis(500)));
      assertEquals(0, witnesses(p, r), p.name() + ": " + r.histogram());
    }
    RunResult mutex = run(Examples.mpMutex(), HarnessParams.defaultsFor(Examples.mpMutex()).withIterations(20_000));
    for (Outcome o : mutex.histogram().keySet()) {
      assertTrue(o.toString().startsWith("P1:r0=0; P1:r1=0") || o.toString().startsWith("P1:r0=1; P1:r1=1"), o.toString());
    }
    assertTrue(mutex.iterations() >= 20_000);
  }

  @Test
  void fourGoroutinesOnTwoCpusMakeProgressInEveryMode() {
    Program p = Examples.iriwPlain();
    for (org.litmusfarm.emit.SyncMode mode : org.litmusfarm.emit.SyncMode.values()) {
      RunResult r = run(p.withName("IRIW+plain-" + mode.tag()), HarnessParams.defaults().withSyncMode(mode).withIterations(400_000));
      assertTrue(r.iterations() >= 400_000);
      assertTrue(r.histogram().keySet().stream().allMatch(o -> o.get(new org.litmusfarm.model.Location.VarLoc("x")) == 1));
    }
  }

  @Test
  void affinityAndStressGoroutinesRunAndAreRecorded() {
    Program p = Examples.sbPlain().withName("SB+plain-pinned");
    RunResult r = run(p, HarnessParams.defaults().withAffinity(true).withStressGoroutines(2).withIterations(200_000));
    assertEquals("true", r.params().get("affinity"));
    assertEquals("2", r.params().get("stress_goroutines"));
    assertTrue(r.iterations() >= 200_000);
  }

  @Test
  void buildFailureReportsCompilerOutput() {
    GoBuild build = harness.build();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> build.build("broken", "package main\n\nfunc main() { undefinedThing() }\n", GoTarget.host()));
    assertTrue(e.getMessage().startsWith("building broken for host failed:"), e.getMessage());
    assertTrue(e.getMessage().contains("undefined: undefinedThing"), e.getMessage());
  }
}
