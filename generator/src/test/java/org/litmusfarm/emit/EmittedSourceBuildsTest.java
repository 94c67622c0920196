package org.litmusfarm.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.harness.GoBuild;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.GoToolchain;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.model.Program;

/** Every example, plain and under every mutant and sync mode, is gofmt-clean, vets and builds. */
class EmittedSourceBuildsTest {
  @TempDir Path dir;

  /**
   * Writes every example with its defaults, each mutant applied to an example it changes, and
   * SB+plain in every sync mode with affinity and stress goroutines on.
   */
  private void writeAll(GoBuild build) {
    for (Program p : Examples.all()) {
      build.write(p.name(), GoEmitter.emit(p, HarnessParams.defaultsFor(p)));
    }
    Map<Mutant, Program> targets =
        Map.of(
            Mutant.ATOMIC_STORE_PLAIN, Examples.sbAtomic(),
            Mutant.ATOMIC_LOAD_PLAIN, Examples.mpAtomic(),
            Mutant.RMW_PLAIN, Examples.onceAndFriends(),
            Mutant.MUTEX_NO_ORDER, Examples.mpMutex());
    assertEquals(Mutant.values().length, targets.size());
    targets.forEach(
        (m, p) -> {
          Program q = p.withName(p.name() + "-" + m.tag());
          String plain = GoEmitter.emit(q, HarnessParams.defaultsFor(p));
          String mutated = GoEmitter.emit(q, HarnessParams.defaultsFor(p).withMutant(m));
          assertNotEquals(plain.replace("null", "\"" + m.tag() + "\""), mutated, m.tag() + " changes no code of " + p.name());
          build.write(q.name(), mutated);
        });
    for (SyncMode s : SyncMode.values()) {
      Program q = Examples.sbPlain().withName("SB+plain-" + s.tag());
      build.write(q.name(), GoEmitter.emit(q, HarnessParams.defaults().withSyncMode(s).withAffinity(true).withStressGoroutines(1)));
    }
  }

  @Test
  void emittedSourcesAreGofmtClean() throws Exception {
    GoToolchain go = Tools.go();
    writeAll(new GoBuild(go, dir));
    Process p = new ProcessBuilder(go.gofmt().toString(), "-l", ".").directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    assertEquals("", out, "files gofmt would change");
  }

  @Test
  void emittedSourcesVetAndBuildForAmd64Arm64AndRiscv64() {
    GoBuild build = new GoBuild(Tools.go(), dir);
    writeAll(build);
    build.vetAll(GoTarget.host());
    for (String arch : List.of("amd64", "arm64", "riscv64")) {
      build.buildAll(new GoTarget(java.util.Optional.of(arch), java.util.Optional.empty()));
    }
  }
}
