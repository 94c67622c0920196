package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.reduce.Size;
import org.litmusfarm.text.Parser;

/**
 * {@code farm reduce} against the real Go toolchain and qemu-aarch64-static: QEMU user mode breaks
 * arm64 STLR/LDAR ordering, so store buffering with atomics shows its forbidden outcome there.
 */
class ReduceCommandTest {
  /** SB+atomic: two goroutines of two statements each, two variables. */
  private static final Size STORE_BUFFERING = new Size(2, 4, 2, 0);

  @TempDir Path dir;

  private Path resource(String name) {
    try (InputStream in = getClass().getResourceAsStream("/reduce/" + name)) {
      return Programs.write(dir, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theEmulatedArm64AtomicViolationReducesToNoMoreThanStoreBuffering() throws IOException {
    Tools.go();
    Tools.executable("/usr/bin/qemu-aarch64-static");
    Path big = resource("SB+atomic+extra.litmus");
    Path out = dir.resolve("reduced.litmus");
    long t0 = System.nanoTime();
    var r = FarmTestSupport.farm("reduce", big.toString(), "--arch", "arm64", "--seconds-per-try", "2",
        "--outcome", "P0:r0=0; P1:r0=0", "--max-seconds", "45", "--out", out.toString());
    System.out.printf("farm reduce took %.1f s:%n%s%s", (System.nanoTime() - t0) / 1e9, r.err(), r.out());
    assertEquals(3, r.status(), r.out() + r.err());
    Program original = Parser.parse("big", Files.readString(big)).program();
    Program reduced = Parser.parse(out.toString(), Files.readString(out)).program();
    assertTrue(Size.of(original).compareTo(STORE_BUFFERING) > 0);
    assertTrue(Size.of(reduced).fitsWithin(STORE_BUFFERING), Size.of(reduced) + "\n" + r.out());
    assertEquals(OutcomeClass.FORBIDDEN, new Oracle().decide(reduced).verdict(), r.out());
    assertEquals(Files.readString(out), r.out());
    assertTrue(r.out().contains("# replay: farm run " + out + " --goarch arm64 --seconds 2\n"), r.out());
    assertTrue(r.out().contains("emulated:qemu-aarch64-static): emulated, not hardware evidence"), r.out());
    assertTrue(r.err().contains(": reproduced"), r.err());
  }

  @Test
  void anOutcomeTheModelAllowsIsAUsageError() {
    Path sb = Programs.catalog(dir, "SB+atomic");
    var r = FarmTestSupport.farm("reduce", sb.toString(), "--outcome", "P0:r0=1; P1:r0=0; x=1; y=1");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--outcome: P0:r0=1; P1:r0=0; x=1; y=1 is allowed for SB+atomic"), r.err());
  }

  @Test
  void anOutcomeNamingALocationTheProgramDoesNotRecordIsAUsageError() {
    Path sb = Programs.catalog(dir, "SB+atomic");
    var r = FarmTestSupport.farm("reduce", sb.toString(), "--outcome", "P0:r0=0; P1:r3=0");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--outcome: SB+atomic does not record P1:r3"), r.err());
  }

  @Test
  void aNonPositiveSliceIsAUsageError() {
    Path sb = Programs.catalog(dir, "SB+atomic");
    var r = FarmTestSupport.farm("reduce", sb.toString(), "--seconds-per-try", "0");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains("--seconds-per-try must be more than 0"), r.err());
  }
}
