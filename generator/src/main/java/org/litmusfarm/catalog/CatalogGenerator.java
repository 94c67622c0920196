package org.litmusfarm.catalog;

import static org.litmusfarm.model.OutcomeClass.FORBIDDEN;
import static org.litmusfarm.model.OutcomeClass.WEAK;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;

/**
 * Builds the catalog as model programs: each classic shape in its plain, atomic and
 * read-modify-write variants, the mixed splits gomm.md section 5 lists (plus those whose verdict
 * follows directly from its section 3.2 rules), the mutex variants, and the channel, wait-group,
 * once and atomic-flag idioms. Expected verdicts are read from gomm.md sections 4.3 and 5, not
 * computed.
 *
 * <p>Names are {@code SHAPE+VARIANT}: {@code +plain}, {@code +atomic}, {@code +rmw} (stores are
 * Swap, loads Add(&x, 0)), {@code +plain.x+atomic.yz} (the listed variables plain, the others
 * atomic), {@code +atomicstores}/{@code +atomicloads} (split by access kind), {@code +mutex},
 * {@code +chan0}/{@code +chan1} (channel capacity).
 */
public final class CatalogGenerator {
  private final List<CatalogEntry> out = new ArrayList<>();

  private CatalogGenerator() {}

  /** Every catalog entry, in a fixed order, each with its program and expected verdict. */
  public static List<CatalogEntry> generate() {
    CatalogGenerator g = new CatalogGenerator();
    g.classics();
    g.mutexes();
    g.out.addAll(Idioms.entries());
    return List.copyOf(g.out);
  }

  private void classics() {
    cycle(ClassicShapes.MP, "T01");
    split(ClassicShapes.MP, Set.of("x"), FORBIDDEN, "T01 x P / y A");
    split(ClassicShapes.MP, Set.of("y"), WEAK, "T01 x A / y P");
    kinds(ClassicShapes.MP, "T01 by kind, no sw edge (3.2)", "T01 by kind, no sw edge (3.2)");

    cycle(ClassicShapes.SB, "T04");
    split(ClassicShapes.SB, Set.of("x"), WEAK, "T04 x P / y A, no sw edge (3.2)");
    split(ClassicShapes.SB, Set.of("y"), WEAK, "T04 x A / y P, no sw edge (3.2)");
    kinds(ClassicShapes.SB, "T04 atomic stores + plain loads", "T04 plain stores + atomic loads");

    cycle(ClassicShapes.LB, "T05");
    split(ClassicShapes.LB, Set.of("x"), FORBIDDEN, "T05 x P / y A, sw on y orders x (3.2)");
    split(ClassicShapes.LB, Set.of("y"), FORBIDDEN, "T05 x A / y P, sw on x orders y (3.2)");
    kinds(ClassicShapes.LB, "T05 plain loads + atomic stores, no sw edge (3.2)", "T05 atomic loads + plain stores");

    cycle(ClassicShapes.IRIW, "T08");
    split(ClassicShapes.IRIW, Set.of("x"), WEAK, "T08 x P / y A, racy x (3.2)");
    kinds(ClassicShapes.IRIW, "T08 atomic writes + plain reads", "T08 plain writes + atomic reads");

    cycle(ClassicShapes.WRC, "T09");
    split(ClassicShapes.WRC, Set.of("x"), WEAK, "T09 x P / y A");
    split(ClassicShapes.WRC, Set.of("y"), WEAK, "T09 x A / y P");
    kinds(ClassicShapes.WRC, "T09 by kind, no sw edge (3.2)", "T09 by kind, no sw edge (3.2)");

    cycle(ClassicShapes.ISA2, "T10");
    split(ClassicShapes.ISA2, Set.of("x"), FORBIDDEN, "T10 x P / y,z A");
    cycle(ClassicShapes.TWO_TWO_W, "T11");
    cycle(ClassicShapes.R, "T12");
    cycle(ClassicShapes.S, "T13");
    split(ClassicShapes.S, Set.of("x"), FORBIDDEN, "T13 x P / y A");
    split(ClassicShapes.S, Set.of("y"), WEAK, "T13 x A / y P, racy y gives no edge (3.2)");
    cycle(ClassicShapes.RWC, "T19");
    cycle(ClassicShapes.W_RWC, "T20");
    cycle(ClassicShapes.Z6_0, "T21");
    cycle(ClassicShapes.Z6_1, "T22");
    cycle(ClassicShapes.Z6_2, "T23");
    split(ClassicShapes.Z6_2, Set.of("x"), FORBIDDEN, "T23 x P / y,z A");
    cycle(ClassicShapes.Z6_3, "T24");
    cycle(ClassicShapes.Z6_4, "T25");
    cycle(ClassicShapes.Z6_5, "T26");
    cycle(ClassicShapes.SB3, "4.3 (ring of SB)");
    cycle(ClassicShapes.LB3, "4.3 (ring of LB, A2)");
    cycle(ClassicShapes.W2_3, "4.3 (ring of 2+2W)");
    cycle(ClassicShapes.WWC, "4.3 (like WRC)");

    cycle(ClassicShapes.CORR, "T14");
    cycle(ClassicShapes.CORR4, "T15");
    cycle(ClassicShapes.COWR, "T16 (b)");
    always(ClassicShapes.COWR_OWN, "T16 (a)");
    cycle(ClassicShapes.CORW, "T17 (b)");
    always(ClassicShapes.CORW_OWN, "T17 (a)");
    always(ClassicShapes.COWW, "T18");
    always(ClassicShapes.OOTA, "T06");
    always(ClassicShapes.LB_CTRL, "T07");
  }

  private void mutexes() {
    Program mp = ClassicShapes.MP.lower("MP+mutex",
        doc("Message passing, each body one critical section of m", FORBIDDEN, "T01 M"),
        (write, var) -> Flavour.PLAIN);
    add("MP", FORBIDDEN, "T01 M", Guards.wholeBodies(mp, "m"));
    Program mpFlag = ClassicShapes.MP.lower("MP+plain+mutexflag",
        doc("Message passing, only the flag y guarded by m; racy when P1 runs first", FORBIDDEN,
            "T01 y guarded by M"),
        (write, var) -> Flavour.PLAIN);
    add("MP", FORBIDDEN, "T01 y guarded by M", Guards.eachAccess(mpFlag, v -> v.equals("y") ? "m" : null));
    Program sb = ClassicShapes.SB.lower("SB+mutex",
        doc("Store buffering, every access in its own critical section of m", FORBIDDEN, "T04 M"),
        (write, var) -> Flavour.PLAIN);
    add("SB", FORBIDDEN, "T04 M", Guards.eachAccess(sb, v -> "m"));
    Program sb2 = ClassicShapes.SB.lower("SB+mutex2",
        doc("Store buffering, x under mx and y under my", FORBIDDEN, "T04 x under mx, y under my"),
        (write, var) -> Flavour.PLAIN);
    add("SB", FORBIDDEN, "T04 x under mx, y under my", Guards.eachAccess(sb2, v -> "m" + v));
    Program lb = ClassicShapes.LB.lower("LB+mutex",
        doc("Load buffering, each body one critical section of m", FORBIDDEN, "T05 M"),
        (write, var) -> Flavour.PLAIN);
    add("LB", FORBIDDEN, "T05 M", Guards.wholeBodies(lb, "m"));
    Program w2 = ClassicShapes.TWO_TWO_W.lower("2+2W+mutex",
        doc("2+2W, each body one critical section of m", FORBIDDEN, "T11 M"),
        (write, var) -> Flavour.PLAIN);
    add("2+2W", FORBIDDEN, "T11 M", Guards.wholeBodies(w2, "m"));
  }

  /** {@code +plain} WEAK, {@code +atomic} and {@code +rmw} FORBIDDEN. */
  private void cycle(Shape s, String ref) {
    variant(s, "plain", WEAK, ref + " P", (write, var) -> Flavour.PLAIN);
    variant(s, "atomic", FORBIDDEN, ref + " A", (write, var) -> Flavour.ATOMIC);
    variant(s, "rmw", FORBIDDEN, ref + " A (Swap stores, Add 0 loads)", (write, var) -> Flavour.RMW);
  }

  /** Forbidden in every variant. */
  private void always(Shape s, String ref) {
    variant(s, "plain", FORBIDDEN, ref + " P", (write, var) -> Flavour.PLAIN);
    variant(s, "atomic", FORBIDDEN, ref + " A", (write, var) -> Flavour.ATOMIC);
    variant(s, "rmw", FORBIDDEN, ref + " A (Swap stores, Add 0 loads)", (write, var) -> Flavour.RMW);
  }

  /** The variables in {@code plain} plain, the others atomic. */
  private void split(Shape s, Set<String> plain, OutcomeClass expected, String ref) {
    String plainNames = String.join("", s.vars().stream().filter(plain::contains).toList());
    String atomicNames = String.join("", s.vars().stream().filter(v -> !plain.contains(v)).toList());
    variant(s, "plain." + plainNames + "+atomic." + atomicNames, expected, ref,
        (write, var) -> plain.contains(var) ? Flavour.PLAIN : Flavour.ATOMIC);
  }

  /** Atomic stores with plain loads, and plain stores with atomic loads: both WEAK. */
  private void kinds(Shape s, String storesRef, String loadsRef) {
    variant(s, "atomicstores", WEAK, storesRef, (write, var) -> write ? Flavour.ATOMIC : Flavour.PLAIN);
    variant(s, "atomicloads", WEAK, loadsRef, (write, var) -> write ? Flavour.PLAIN : Flavour.ATOMIC);
  }

  private void variant(Shape s, String suffix, OutcomeClass expected, String ref, Shape.Flavouring f) {
    String name = s.name() + "+" + suffix;
    add(s.name(), expected, ref, s.lower(name, doc(s.description() + ", " + suffix, expected, ref), f));
  }

  private void add(String shape, OutcomeClass expected, String ref, Program p) {
    out.add(CatalogEntry.generated(shape, expected, ref, p));
  }

  /** The doc line of a catalog program. */
  static String doc(String description, OutcomeClass expected, String reference) {
    return description + ". Expected: " + expected + " (gomm " + reference + ").";
  }
}
