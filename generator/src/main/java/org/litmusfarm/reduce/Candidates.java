package org.litmusfarm.reduce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Names;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.ProgramId;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.model.Validator;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.Parser;
import org.litmusfarm.text.Printer;
import org.litmusfarm.text.Programs;

/**
 * Turns edits of a violating program into checked candidates. A candidate:
 *
 * <ul>
 *   <li>keeps the parent's {@code observe} list, projected (see {@link Projection}) and without
 *       locations it no longer assigns or declares;
 *   <li>has the parent's violation projected onto it, which must still be forbidden: the oracle
 *       decides the candidate (no blocking, no panic, within its budget) and no allowed outcome
 *       agrees with the projected values; otherwise it is no violation any more;
 *   <li>gives every location of the violation a value some allowed outcome gives it too, so the
 *       violation stays a forbidden combination of possible values, not a value no execution can
 *       produce (removing the only store of 1 to {@code x} makes {@code x=1} forbidden trivially,
 *       and no run will ever show it); when the parent's own violation has such a value (a
 *       corrupted value rather than a reordering) this check is skipped;
 *   <li>keeps only the locations that make the violation forbidden ({@link #narrow});
 *   <li>states the violation as its {@code exists} condition, so its verdict is FORBIDDEN;
 *   <li>is named {@code NAME-reduced} after the original and says so in its doc line;
 *   <li>prints as text the parser reads back to the same program within the format's limits.
 * </ul>
 */
public final class Candidates {
  private static final String SUFFIX = "-reduced";
  private static final int MAX_NAME = 100;

  private final Oracle oracle;
  private final Map<ProgramId, Boolean> reordering = new ConcurrentHashMap<>();

  /** Candidates checked with {@code oracle}. */
  public Candidates(Oracle oracle) {
    this.oracle = Objects.requireNonNull(oracle);
  }

  /** Every checked candidate of {@code v}, smallest first (ties in edit order). */
  public List<Candidate> of(Violation v) {
    List<Candidate> out = new ArrayList<>();
    for (Edit e : sorted(Edits.of(v))) {
      check(v, e).ifPresent(out::add);
    }
    return out;
  }

  /**
   * {@code v} with only the locations that make it forbidden: it drops one location at a time,
   * shared variables first (last declared first), then registers (last goroutine and register
   * first), as long as no allowed outcome agrees with what is left. The result is minimal: no
   * single location can be dropped from it.
   *
   * @throws IllegalArgumentException if {@code v} is not forbidden or its program is rejected
   */
  public Violation narrow(Violation v) {
    Decision d;
    try {
      d = oracle.decide(v.program());
    } catch (RejectedProgramException e) {
      throw new IllegalArgumentException(v.program().name() + " cannot be decided: " + e.getMessage(), e);
    }
    if (!forbidden(v.outcome(), d)) {
      throw new IllegalArgumentException(v.outcome() + " is allowed for " + v.program().name());
    }
    return new Violation(v.program(), narrow(v.outcome(), d));
  }

  private static Outcome narrow(Outcome o, Decision d) {
    List<Location> locs = List.copyOf(o.values().keySet());
    List<Location> order = new ArrayList<>();
    for (int i = locs.size() - 1; i >= 0; i--) {
      if (locs.get(i) instanceof Location.VarLoc) {
        order.add(locs.get(i));
      }
    }
    for (int i = locs.size() - 1; i >= 0; i--) {
      if (locs.get(i) instanceof Location.RegLoc) {
        order.add(locs.get(i));
      }
    }
    Set<Location> dropped = new HashSet<>();
    Outcome kept = o;
    for (Location l : order) {
      if (kept.values().size() == 1) {
        break;
      }
      dropped.add(l);
      Outcome without = without(o, dropped);
      if (forbidden(without, d)) {
        kept = without;
      } else {
        dropped.remove(l);
      }
    }
    return kept;
  }

  private static Outcome without(Outcome o, Set<Location> dropped) {
    Map<Location, Long> kept = new LinkedHashMap<>(o.values());
    kept.keySet().removeAll(dropped);
    return new Outcome(kept);
  }

  /** Whether no allowed outcome of {@code d} agrees with {@code part}. */
  static boolean forbidden(Outcome part, Decision d) {
    return d.allowed().keySet().stream().noneMatch(a -> Violation.agree(a, part));
  }

  /** {@code edits} ordered by the size of their drafts; a stable sort keeps ties in order. */
  static List<Edit> sorted(List<Edit> edits) {
    List<Edit> out = new ArrayList<>(edits);
    out.sort((a, b) -> Size.of(a.draft()).compareTo(Size.of(b.draft())));
    return out;
  }

  /** The candidate {@code edit} makes of {@code parent}, or empty if it fails a check. */
  Optional<Candidate> check(Violation parent, Edit edit) {
    Program draft = edit.draft();
    Optional<List<Location>> observe =
        parent.program().observe().map(obs -> obs.stream()
            .map(edit.projection()::location)
            .flatMap(Optional::stream)
            .filter(l -> records(draft, l))
            .toList());
    if (observe.isPresent() && observe.get().isEmpty()) {
      return Optional.empty();
    }
    Program observed = new Program(draft.name(), draft.doc(), draft.decls(), draft.goroutines(), observe, draft.exists());
    Optional<Outcome> projected = edit.projection().apply(parent.outcome(), observed);
    if (projected.isEmpty()) {
      return Optional.empty();
    }
    Program program = stating(observed, projected.get(), parent.program().name());
    if (!Validator.isValid(program)) {
      return Optional.empty();
    }
    Decision decision;
    try {
      decision = oracle.decide(program);
    } catch (RejectedProgramException e) {
      return Optional.empty();
    }
    if (!forbidden(projected.get(), decision)
        || (reorderingOnly(parent) && !eachValuePossible(projected.get(), decision))) {
      return Optional.empty();
    }
    Outcome core = narrow(projected.get(), decision);
    return roundTrip(stating(program, core, parent.program().name()))
        .map(p -> new Candidate(new Violation(p, core), edit.description(), Size.of(p)));
  }

  /** {@code p} named after {@code original}, stating {@code violation} as its exists condition. */
  private static Program stating(Program p, Outcome violation, String original) {
    return new Program(reducedName(original), Optional.of(reducedDoc(original)), p.decls(), p.goroutines(),
        p.observe(), conjunction(violation));
  }

  /** {@code NAME-reduced}; a name that already ends so keeps it. */
  static String reducedName(String original) {
    String root = root(original);
    if (root.length() + SUFFIX.length() > MAX_NAME) {
      root = root.substring(0, MAX_NAME - SUFFIX.length());
    }
    String name = root + SUFFIX;
    Names.requireTestName(name);
    return name;
  }

  private static String root(String name) {
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }

  private static String reducedDoc(String original) {
    return "Reduced from " + root(original) + " by farm reduce: the Go memory model forbids the exists condition.";
  }

  private static boolean records(Program p, Location l) {
    if (l instanceof Location.RegLoc r) {
      return r.goroutine() < p.goroutines().size() && p.assignedRegisters(r.goroutine()).contains(r.reg().index());
    }
    return p.decl(((Location.VarLoc) l).name()).orElse(null) instanceof Decl.Var;
  }

  /** Whether every value of the parent's violation is possible alone (see the class comment). */
  private boolean reorderingOnly(Violation parent) {
    return reordering.computeIfAbsent(Programs.id(parent.program()), id -> {
      try {
        return eachValuePossible(parent.outcome(), oracle.decide(parent.program()));
      } catch (RejectedProgramException e) {
        return false;
      }
    });
  }

  /** Whether each location's value in {@code o} is its value in some allowed outcome. */
  static boolean eachValuePossible(Outcome o, Decision decision) {
    for (Map.Entry<Location, Long> e : o.values().entrySet()) {
      boolean seen = false;
      for (Outcome allowed : decision.allowed().keySet()) {
        if (e.getValue().equals(allowed.values().get(e.getKey()))) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        return false;
      }
    }
    return true;
  }

  /** {@code loc == value && ...} over every location of {@code o}, left-associated. */
  static Prop conjunction(Outcome o) {
    Prop p = null;
    for (Map.Entry<Location, Long> e : o.values().entrySet()) {
      Prop atom = new Prop.Atom(e.getKey(), CmpOp.EQ, e.getValue());
      p = p == null ? atom : new Prop.And(p, atom);
    }
    return p;
  }

  private static Optional<Program> roundTrip(Program p) {
    try {
      String text = Printer.print(p);
      Program back = Parser.parse(p.name() + ".litmus", text).program();
      return back.equals(p) ? Optional.of(back) : Optional.empty();
    } catch (InvalidProgramException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
