package org.litmusfarm.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;

/**
 * Printed random programs with characters deleted, duplicated or replaced: the parser either
 * accepts the text or rejects it with diagnostics inside the text, and never fails otherwise. The
 * seed is printed; set FARM_SEED to replay a run.
 */
class MangledTextTest {
  private static final String NOISE = "{}()=!&|<-.,:\"\\#/ \n\r\t0123456789rPx_é";

  @Test
  void acceptsOrRejectsMangledTextWithPositionsInsideIt() {
    String env = System.getenv("FARM_SEED");
    long seed = env != null && !env.isBlank() ? Long.parseLong(env.trim()) : System.nanoTime();
    System.out.println("MangledTextTest seed: " + seed + " (replay with FARM_SEED=" + seed + ")");
    RandomPrograms gen = new RandomPrograms(seed);
    Random rnd = new Random(seed);
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder(Printer.print(gen.next()));
      int edits = 1 + rnd.nextInt(3);
      for (int e = 0; e < edits && text.length() > 0; e++) {
        int at = rnd.nextInt(text.length());
        switch (rnd.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
          default -> text.setCharAt(at, NOISE.charAt(rnd.nextInt(NOISE.length())));
        }
      }
      String mangled = text.toString();
      int lines = mangled.split("\n", -1).length;
      String context = "seed " + seed + ", text " + i + ":\n" + mangled;
      try {
        Parser.parse("m.litmus", mangled);
      } catch (InvalidProgramException ex) {
        rejected++;
        assertFalse(ex.diagnostics().isEmpty(), context);
        for (Diagnostic d : ex.diagnostics()) {
          assertTrue(d.line() <= lines, () -> d + " is past the end of " + context);
          assertFalse(d.message().isEmpty() || d.message().endsWith("."), () -> d + " in " + context);
        }
      } catch (RuntimeException ex) {
        throw new AssertionError(context, ex);
      }
    }
    assertTrue(rejected > 1000, "most mangled texts should be rejected, only " + rejected + " were");
  }
}
