package org.litmusfarm.reduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Names;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
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
 *   <li>has the parent's outcome projected onto it, which the oracle must decide (no blocking, no
 *       panic, within its budget) and classify FORBIDDEN: otherwise it is no violation any more;
 *   <li>gives every location of that outcome a value some allowed outcome gives it too, so that
 *       the violation stays a forbidden combination of possible values, not a value no execution
 *       can produce (removing the only store of 1 to {@code x} makes {@code x=1} FORBIDDEN
 *       trivially, and no run will ever show it); when the parent's own outcome has such a value
 *       (a corrupted value rather than a reordering) this check is skipped;
 *   <li>states that outcome as its {@code exists} condition: the registers alone when no allowed
 *       outcome agrees with them, else every location, so its verdict is FORBIDDEN;
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
    Optional<Outcome> outcome = edit.projection().apply(parent.outcome(), observed);
    if (outcome.isEmpty() || outcome.get().values().isEmpty()) {
      return Optional.empty();
    }
    Program program = withExists(observed, conjunction(outcome.get(), false), parent.program().name(), outcome.get());
    if (!Validator.isValid(program)) {
      return Optional.empty();
    }
    Decision decision;
    try {
      decision = oracle.decide(program);
    } catch (RejectedProgramException e) {
      return Optional.empty();
    }
    if (decision.classify(outcome.get()) != OutcomeClass.FORBIDDEN
        || (reorderingOnly(parent) && !eachValuePossible(outcome.get(), decision))) {
      return Optional.empty();
    }
    boolean registersSuffice = registersAlone(outcome.get(), decision);
    Program stated = withExists(program, conjunction(outcome.get(), registersSuffice), null, null);
    return roundTrip(stated).map(p -> new Candidate(new Violation(p, outcome.get()), edit.description(), Size.of(p)));
  }

  /** The program with another exists condition, and a new name and doc if {@code original} is given. */
  private static Program withExists(Program p, Prop exists, String original, Outcome outcome) {
    if (original == null) {
      return new Program(p.name(), p.doc(), p.decls(), p.goroutines(), p.observe(), exists);
    }
    return new Program(reducedName(original), Optional.of(reducedDoc(original, outcome)), p.decls(), p.goroutines(),
        p.observe(), exists);
  }

  /** {@code NAME-reduced}; a name that already ends so keeps it. */
  static String reducedName(String original) {
    String root = original.endsWith(SUFFIX) ? original.substring(0, original.length() - SUFFIX.length()) : original;
    if (root.length() + SUFFIX.length() > MAX_NAME) {
      root = root.substring(0, MAX_NAME - SUFFIX.length());
    }
    String name = root + SUFFIX;
    Names.requireTestName(name);
    return name;
  }

  private static String reducedDoc(String original, Outcome outcome) {
    String root = original.endsWith(SUFFIX) ? original.substring(0, original.length() - SUFFIX.length()) : original;
    return "Reduced from " + root + " by farm reduce; the Go memory model forbids the outcome " + outcome + ".";
  }

  private static boolean records(Program p, Location l) {
    if (l instanceof Location.RegLoc r) {
      return r.goroutine() < p.goroutines().size() && p.assignedRegisters(r.goroutine()).contains(r.reg().index());
    }
    return p.decl(((Location.VarLoc) l).name()).orElse(null) instanceof Decl.Var;
  }

  /** Whether every value of the parent's outcome is possible alone (see the class comment). */
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

  /** Whether no allowed outcome agrees with {@code o} on its registers (and it has some). */
  private static boolean registersAlone(Outcome o, Decision decision) {
    boolean anyRegister = o.values().keySet().stream().anyMatch(l -> l instanceof Location.RegLoc);
    if (!anyRegister) {
      return false;
    }
    for (Outcome allowed : decision.allowed().keySet()) {
      boolean agrees = true;
      for (Map.Entry<Location, Long> e : o.values().entrySet()) {
        if (e.getKey() instanceof Location.RegLoc && !e.getValue().equals(allowed.values().get(e.getKey()))) {
          agrees = false;
          break;
        }
      }
      if (agrees) {
        return false;
      }
    }
    return true;
  }

  /** {@code loc == value && ...} over the outcome's registers only, or over every location. */
  static Prop conjunction(Outcome o, boolean registersOnly) {
    Prop p = null;
    for (Map.Entry<Location, Long> e : o.values().entrySet()) {
      if (registersOnly && !(e.getKey() instanceof Location.RegLoc)) {
        continue;
      }
      Prop atom = new Prop.Atom(e.getKey(), CmpOp.EQ, e.getValue());
      p = p == null ? atom : new Prop.And(p, atom);
    }
    return p;
  }

  private static Optional<Program> roundTrip(Program p) {
    String text;
    try {
      text = Printer.print(p);
      Program back = Parser.parse(p.name() + ".litmus", text).program();
      return back.equals(p) ? Optional.of(back) : Optional.empty();
    } catch (InvalidProgramException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
