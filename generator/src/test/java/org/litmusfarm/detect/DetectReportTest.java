package org.litmusfarm.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.model.Outcome;

class DetectReportTest {
  @Test
  void scoresAreTheFractionOfMutantsKilledPerArchitectureAndMode() {
    DetectReport report =
        new DetectReport(
            List.of(
                result(Mutant.ATOMIC_STORE_PLAIN, "amd64", "native", true),
                result(Mutant.ATOMIC_LOAD_PLAIN, "amd64", "native", false),
                result(Mutant.RMW_PLAIN, "amd64", "native", true),
                result(Mutant.MUTEX_NO_ORDER, "amd64", "native", false),
                result(Mutant.ATOMIC_STORE_PLAIN, "arm64", "emulated:qemu-aarch64-static", true, 5),
                result(Mutant.ATOMIC_LOAD_PLAIN, "arm64", "emulated:qemu-aarch64-static", false)));
    List<DetectReport.ArchitectureScore> scores = report.architectures();
    assertEquals(2, scores.size());
    assertEquals(new DetectReport.ArchitectureScore("amd64", "native", 4, 2, 2, 3, 2), scores.get(0));
    assertEquals(0.5, scores.get(0).score(), 1e-9);
    assertEquals(new DetectReport.ArchitectureScore("arm64", "emulated:qemu-aarch64-static", 2, 1, 0, 0, 0), scores.get(1));
    assertEquals(0.5, report.score(), 1e-9);
    assertEquals(List.of(Mutant.MUTEX_NO_ORDER), report.missed().stream().map(MutantResult::mutant).toList());
  }

  @Test
  void aKillTheUnmutatedProgramAlsoShowsCountsAsKilledButNotAttributable() {
    DetectReport report = new DetectReport(List.of(result(Mutant.RMW_PLAIN, "arm64", "emulated:qemu-aarch64-static", true, 3)));
    assertEquals(1, report.architectures().get(0).killed());
    assertEquals(0, report.architectures().get(0).attributable());
  }

  @Test
  void anEmptyReportScoresZero() {
    assertEquals(0, new DetectReport(List.of()).score());
  }

  private static MutantResult result(Mutant m, String arch, String mode, boolean killed) {
    return result(m, arch, mode, killed, 0);
  }

  private static MutantResult result(Mutant m, String arch, String mode, boolean killed, long controlForbidden) {
    Optional<Kill> kill =
        killed ? Optional.of(new Kill("SB+atomic", Prediction.STORE_BUFFERING, Outcome.parse("P0:r0=0"), 1, 100, controlForbidden)) : Optional.empty();
    return new MutantResult(
        m, arch, Exposure.of(m, arch, mode, 2), kill, killed ? 1 : 0, 2, 100, 1, 3, 1,
        new Provenance("cpu", 2, "go1.test", Map.of(), mode), List.of());
  }
}
