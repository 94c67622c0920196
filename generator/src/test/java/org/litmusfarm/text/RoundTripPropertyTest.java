package org.litmusfarm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Validator;

/**
 * For thousands of random valid programs: parse(print(p)) equals p and printing is a fixed point.
 * The seed is printed; set FARM_SEED to replay a run.
 */
class RoundTripPropertyTest {
  private static final int PROGRAMS = 6000;

  private static final Set<String> EVERY_FORM =
      new TreeSet<>(
          List.of(
              "decl:var", "decl:var=", "decl:chan", "decl:chan cap", "decl:mutex", "decl:waitgroup",
              "decl:once", "doc", "observe",
              "stmt:Store:PLAIN:Const", "stmt:Store:PLAIN:Reg", "stmt:Store:ATOMIC:Const",
              "stmt:Store:ATOMIC:Reg", "stmt:Load:PLAIN", "stmt:Load:ATOMIC",
              "stmt:Rmw:ADD:true:Const", "stmt:Rmw:ADD:true:Reg", "stmt:Rmw:ADD:false:Const",
              "stmt:Rmw:ADD:false:Reg", "stmt:Rmw:SWAP:true:Const", "stmt:Rmw:SWAP:true:Reg",
              "stmt:Rmw:SWAP:false:Const", "stmt:Rmw:SWAP:false:Reg", "stmt:Cas:true",
              "stmt:Cas:false", "stmt:Lock", "stmt:Unlock", "stmt:Send:Const", "stmt:Send:Reg",
              "stmt:Recv:0", "stmt:Recv:1", "stmt:Recv:2", "stmt:Close", "stmt:Done", "stmt:Wait",
              "stmt:OnceDo:depth0", "stmt:OnceDo:depth1", "stmt:If:EQ:depth0", "stmt:If:NE:depth0",
              "stmt:If:EQ:depth1", "stmt:If:NE:depth1", "prop:And", "prop:Or", "prop:Not",
              "prop:Atom:RegLoc", "prop:Atom:VarLoc"));

  @Test
  void printThenParseReproducesEveryRandomProgramAndPrintIsAFixedPoint() {
    String env = System.getenv("FARM_SEED");
    long seed = env != null && !env.isBlank() ? Long.parseLong(env.trim()) : System.nanoTime();
    System.out.println("RoundTripPropertyTest seed: " + seed + " (replay with FARM_SEED=" + seed + ")");
    RandomPrograms gen = new RandomPrograms(seed);
    for (int i = 0; i < PROGRAMS; i++) {
      Program p = gen.next();
      String context = "seed " + seed + ", program " + i;
      List<Problem> errors = Validator.check(p).stream().filter(Problem::isError).toList();
      if (!errors.isEmpty()) {
        fail(context + ": the generator made an invalid program: " + errors);
      }
      String text = Printer.print(p);
      Program back;
      try {
        back = Parser.parse("random.litmus", text).program();
      } catch (RuntimeException e) {
        throw new AssertionError(context + ": printed text does not parse:\n" + text, e);
      }
      assertEquals(p, back, () -> context + ": round trip changed the program:\n" + text);
      assertEquals(text, Printer.print(back), () -> context + ": print is not a fixed point");
    }
    assertEquals(EVERY_FORM, gen.formsSeen(), "seed " + seed + ": forms generated");
  }
}
