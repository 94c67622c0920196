package org.litmusfarm.reduce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.Parser;

/** Violations the reduction tests start from. */
final class Fixtures {
  static final Oracle ORACLE = new Oracle();
  /** The forbidden SB outcome inside the noise program, everything else at plausible values. */
  static final String NOISE_OUTCOME =
      "P0:r0=0; P0:r1=5; P1:r0=0; P1:r2=0; P2:r0=0; P3:r0=0; x=1; y=1; z=5; w=5";

  private Fixtures() {}

  /** The test resource {@code /reduce/NAME.litmus}, parsed. */
  static Program resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/reduce/" + name + ".litmus")) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return Parser.parse(name + ".litmus", new String(in.readAllBytes(), StandardCharsets.UTF_8)).program();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SB+atomic with two extra goroutines, statements and objects, and its forbidden SB outcome. */
  static Violation noise() {
    return Violation.checked(resource("SB+atomic+noise"), Outcome.parse(NOISE_OUTCOME), ORACLE);
  }

  /**
   * A FORBIDDEN outcome of {@code p} satisfying its exists condition, found by trying for each
   * location the values allowed outcomes give it, then 0, 1 and 2.
   */
  static Optional<Violation> forbiddenOutcome(Program p) {
    Decision d = ORACLE.decide(p);
    List<Location> locs = p.outcomeLocations();
    List<long[]> domains = new ArrayList<>();
    for (Location l : locs) {
      TreeSet<Long> values = new TreeSet<>();
      d.allowed().keySet().forEach(o -> values.add(o.get(l)));
      values.add(0L);
      values.add(1L);
      values.add(2L);
      domains.add(values.stream().mapToLong(Long::longValue).toArray());
    }
    long[] vals = new long[locs.size()];
    int[] at = new int[locs.size()];
    for (int tries = 0; tries < 50_000; tries++) {
      for (int i = 0; i < vals.length; i++) {
        vals[i] = domains.get(i)[at[i]];
      }
      Outcome o = Outcome.of(locs, vals);
      if (o.satisfies(p.exists()) && d.classify(o) == OutcomeClass.FORBIDDEN) {
        return Optional.of(new Violation(p, o));
      }
      int i = 0;
      while (i < at.length && ++at[i] == domains.get(i).length) {
        at[i++] = 0;
      }
      if (i == at.length) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Whether some goroutine stores 1 to {@code store} atomically and later atomically loads {@code load}. */
  static boolean storeThenLoad(Program p, String store, String load) {
    for (Goroutine g : p.goroutines()) {
      boolean stored = false;
      for (Stmt s : flatten(g.body())) {
        if (s instanceof Stmt.Store st && st.access() == org.litmusfarm.model.Access.ATOMIC
            && st.var().equals(store) && st.value().equals(new Const(1))) {
          stored = true;
        }
        if (stored && s instanceof Stmt.Load l && l.access() == org.litmusfarm.model.Access.ATOMIC
            && l.var().equals(load)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Stmt> flatten(List<Stmt> body) {
    List<Stmt> out = new ArrayList<>();
    Statements.forEach(body, out::add);
    return out;
  }

  /** The names of the shared variables of {@code p}. */
  static List<String> varNames(Program p) {
    return p.vars().stream().map(Decl::name).toList();
  }
}
