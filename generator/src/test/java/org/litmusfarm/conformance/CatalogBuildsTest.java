package org.litmusfarm.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import org.litmusfarm.emit.GoEmitter;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.harness.GoBuild;
import org.litmusfarm.harness.GoTarget;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.mutate.MutateOptions;
import org.litmusfarm.mutate.Mutator;
import org.litmusfarm.oracle.Budget;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.Parser;

/**
 * The Go emitted for every catalog test and for a seeded sample of mutants passes {@code go vet}
 * and {@code go build}, natively and cross-built for arm64.
 */
class CatalogBuildsTest {
  private static final long SEED = 20261128L;
  private static final int MUTANTS_PER_SEED = 2;
  private static final int SEEDS = 30;

  @TempDir Path dir;

  @Test
  void everyCatalogTestAndASeededMutantSampleVetsAndBuilds() {
    GoBuild build = new GoBuild(Tools.go(), dir);
    List<Program> programs = new ArrayList<>();
    for (CatalogEntry e : Catalog.load().entries()) {
      programs.add(Parser.parse(e.name(), e.text().orElseThrow()).program());
    }
    programs.addAll(mutantSample(programs));
    for (Program p : programs) {
      build.write(p.name(), GoEmitter.emit(p, HarnessParams.defaultsFor(p)));
    }
    assertTrue(programs.size() >= 139 + SEEDS, programs.size() + " programs");
    build.vetAll(GoTarget.host());
    build.buildAll(GoTarget.host());
    build.buildAll(new GoTarget(Optional.of("arm64"), Optional.empty()));
  }

  /** Mutants of every {@code n}-th catalog program, accepted only if the oracle decides them. */
  private static List<Program> mutantSample(List<Program> catalog) {
    Oracle oracle = new Oracle(Budget.states(200_000));
    Mutator mutator =
        new Mutator(
            MutateOptions.DEFAULTS,
            new SplittableRandom(SEED),
            p -> {
              try {
                oracle.decide(p);
                return true;
              } catch (RejectedProgramException e) {
                return false;
              }
            });
    List<Program> out = new ArrayList<>();
    int step = Math.max(1, catalog.size() / SEEDS);
    for (int i = 0; i < catalog.size() && out.size() < SEEDS * MUTANTS_PER_SEED; i += step) {
      out.addAll(mutator.mutants(catalog.get(i), MUTANTS_PER_SEED));
    }
    return out;
  }
}
