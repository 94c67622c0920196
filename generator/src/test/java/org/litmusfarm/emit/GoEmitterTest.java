package org.litmusfarm.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Program;

class GoEmitterTest {
  private static final Path GOLDEN = Path.of("src/test/resources/emit/SB+plain.go.golden");

  @Test
  void sbPlainMatchesGoldenFile() throws Exception {
    String source = GoEmitter.emit(Examples.sbPlain(), HarnessParams.defaults());
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, source);
      System.out.println("updated " + GOLDEN);
    }
    assertEquals(Files.readString(GOLDEN), source, "rerun with -Dgolden.update=true if the change is intended");
  }

  @Test
  void plainAccessesIndexHeapSlicesAndAtomicsUseSyncAtomic() {
    String plain = GoEmitter.emit(Examples.sbPlain(), HarnessParams.defaults());
    assertTrue(plain.contains("\t\tl_x[k] = 1\n\t\tr0 = l_y[k]\n"), plain);
    String atomic = GoEmitter.emit(Examples.sbAtomic(), HarnessParams.defaults());
    assertTrue(atomic.contains("atomic.StoreInt64(&l_x[k], 1)\n\t\tr0 = atomic.LoadInt64(&l_y[k])\n"), atomic);
  }

  @Test
  void bodiesAreNoinlineAndLockTheirThread() {
    String source = GoEmitter.emit(Examples.sbPlain(), HarnessParams.defaults());
    assertTrue(source.contains("//go:noinline\nfunc p0() {"));
    assertTrue(source.contains("//go:noinline\nfunc p1() {"));
    assertTrue(source.contains("runtime.LockOSThread()"));
  }

  @Test
  void atomicStorePlainMutantEmitsNoAtomicStore() {
    String source =
        GoEmitter.emit(Examples.sbAtomic(), HarnessParams.defaults().withMutant(Mutant.ATOMIC_STORE_PLAIN));
    assertFalse(source.contains("atomic.StoreInt64(&l_"), source);
    assertTrue(source.contains("l_x[k] = 1"));
    assertTrue(source.contains("atomic.LoadInt64(&l_y[k])"));
    assertTrue(source.contains("\"mutant\":\"atomic-store-plain\""));
  }

  @Test
  void mutexNoOrderMutantReplacesLockWithPlainFlag() {
    String source = GoEmitter.emit(Examples.mpMutex(), HarnessParams.defaults().withMutant(Mutant.MUTEX_NO_ORDER));
    assertFalse(source.contains(".m.Lock()"));
    assertTrue(source.contains("spinLock(&mu_m[i].f)"));
  }

  @Test
  void locationNamesAreTheCanonicalOutcomeOrder() {
    Program p = Examples.onceAndFriends();
    String names = p.outcomeLocations().stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(", "));
    String source = GoEmitter.emit(p, HarnessParams.defaultsFor(p));
    assertTrue(source.contains("var locationNames = [locations]string{" + names + "}"), source);
  }

  @Test
  void iterationBudgetCapsInstancesPerRound() {
    String source = GoEmitter.emit(Examples.sbPlain(), HarnessParams.defaults().withIterations(100));
    assertTrue(source.contains("const instances = 100\n"));
    assertTrue(source.contains("const iterationBudget = 100\n"));
  }

  @Test
  void paramsRejectBothOrNeitherBudget() {
    HarnessParams d = HarnessParams.defaults();
    assertThrows(IllegalArgumentException.class, () -> new HarnessParams(
        5, Duration.ofSeconds(1), 10, 64, false, 0, SyncMode.SPIN, 1, java.util.Optional.empty()));
    assertThrows(IllegalArgumentException.class, () -> d.withTimeBudget(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> d.withStrideBytes(60));
    assertThrows(IllegalArgumentException.class, () -> d.withInstances(0));
    assertEquals(200, HarnessParams.defaultsFor(Examples.mpMutex()).instances());
    assertEquals(4000, HarnessParams.defaultsFor(Examples.sbPlain()).instances());
  }

  @Test
  void syncModesAndMutantsParseTheirTags() {
    for (SyncMode m : SyncMode.values()) {
      assertEquals(m, SyncMode.parse(m.tag()));
    }
    for (Mutant m : Mutant.values()) {
      assertEquals(m, Mutant.parse(m.tag()));
      assertFalse(m.exposingArchitectures().isEmpty());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mutant.parse("nope"));
    assertTrue(e.getMessage().startsWith("unknown mutant 'nope': use one of atomic-store-plain"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SyncMode.parse("fast"));
    assertEquals(List.of("amd64", "386", "arm64", "riscv64", "ppc64le"), Mutant.ATOMIC_STORE_PLAIN.exposingArchitectures());
  }
}
