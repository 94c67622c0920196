package org.litmusfarm.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the semantic rules and limits of the format on a model program and collects every
 * problem, not just the first: limits, declared and well-typed object references, block depth,
 * condition and observe names, and registers read before assignment (a warning). Whether a
 * program can block or panic is the oracle's question, not this class's.
 */
public final class Validator {
  private final Program program;
  private final List<Problem> problems = new ArrayList<>();

  private Validator(Program program) {
    this.program = program;
  }

  /** Every problem of {@code program}, errors and warnings. */
  public static List<Problem> check(Program program) {
    Validator v = new Validator(program);
    v.run();
    return List.copyOf(v.problems);
  }

  /** Whether {@code program} has no errors (warnings allowed). */
  public static boolean isValid(Program program) {
    return check(program).stream().noneMatch(Problem::isError);
  }

  private void run() {
    checkDecls();
    List<Goroutine> gs = program.goroutines();
    if (gs.isEmpty()) {
      problems.add(Problem.error("a program needs at least one goroutine", new Problem.Where.Whole()));
    }
    if (gs.size() > Limits.MAX_GOROUTINES) {
      problems.add(
          Problem.error(
              "too many goroutines: " + gs.size() + " (limit " + Limits.MAX_GOROUTINES + ")",
              new Problem.Where.InGoroutine(Limits.MAX_GOROUTINES)));
    }
    for (int g = 0; g < gs.size(); g++) {
      int n = Statements.count(gs.get(g).body());
      if (n > Limits.MAX_STATEMENTS) {
        problems.add(
            Problem.error(
                "too many statements in P" + g + ": " + n + " (limit " + Limits.MAX_STATEMENTS + ")",
                new Problem.Where.InGoroutine(g)));
      }
      boolean[] assigned = new boolean[Limits.REGISTERS];
      checkBody(g, gs.get(g).body(), new ArrayList<>(), 0, assigned);
    }
    checkObserve();
    checkExists();
  }

  private void checkDecls() {
    Set<String> seen = new HashSet<>();
    for (Decl d : program.decls()) {
      if (!seen.add(d.name())) {
        problems.add(
            Problem.error("'" + d.name() + "' is declared more than once", new Problem.Where.InDecl(d.name())));
      }
    }
    if (program.decls().size() > Limits.MAX_SHARED) {
      Decl first = program.decls().get(Limits.MAX_SHARED);
      problems.add(
          Problem.error(
              "too many shared objects: " + program.decls().size() + " (limit " + Limits.MAX_SHARED + ")",
              new Problem.Where.InDecl(first.name())));
    }
  }

  private void checkBody(int g, List<Stmt> body, List<Integer> prefix, int depth, boolean[] assigned) {
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      List<Integer> path = new ArrayList<>(prefix);
      path.add(i);
      Problem.Where where = new Problem.Where.InStmt(g, path);
      checkObject(s, where);
      Statements.read(s)
          .filter(r -> !assigned[r.index()])
          .forEach(
              r ->
                  problems.add(
                      Problem.warning(
                          "register " + r + " is read before P" + g + " assigns it; it reads 0",
                          where)));
      if (s instanceof Stmt.Recv recv
          && recv.ok().isPresent()
          && recv.dst().orElseThrow().equals(recv.ok().get())) {
        problems.add(Problem.error("value and ok registers must differ", where));
      }
      List<Stmt> inner = Statements.children(s);
      if (s instanceof Stmt.If || s instanceof Stmt.OnceDo) {
        if (depth + 1 > Limits.MAX_BLOCK_DEPTH) {
          problems.add(
              Problem.error("blocks nest at most " + Limits.MAX_BLOCK_DEPTH + " deep", where));
        }
        checkBody(g, inner, path, depth + 1, assigned);
      }
      Statements.assigned(s).forEach(r -> assigned[r.index()] = true);
    }
  }

  private void checkObject(Stmt s, Problem.Where where) {
    String name = Statements.object(s).orElse(null);
    if (name == null) {
      return;
    }
    Class<? extends Decl> wanted = expectedKind(s);
    Decl d = program.decl(name).orElse(null);
    if (d == null) {
      problems.add(Problem.error("'" + name + "' is not declared", where));
    } else if (!wanted.isInstance(d)) {
      problems.add(
          Problem.error(
              "'" + name + "' is a " + kindName(d.getClass()) + ", not a " + kindName(wanted), where));
    }
  }

  private static Class<? extends Decl> expectedKind(Stmt s) {
    if (s instanceof Stmt.Store || s instanceof Stmt.Load || s instanceof Stmt.Rmw || s instanceof Stmt.Cas) {
      return Decl.Var.class;
    }
    if (s instanceof Stmt.Lock || s instanceof Stmt.Unlock) {
      return Decl.Mutex.class;
    }
    if (s instanceof Stmt.Send || s instanceof Stmt.Recv || s instanceof Stmt.Close) {
      return Decl.Chan.class;
    }
    if (s instanceof Stmt.Done || s instanceof Stmt.Wait) {
      return Decl.WaitGroup.class;
    }
    return Decl.Once.class;
  }

  /** A user-facing name for a kind of declaration. */
  public static String kindName(Class<?> kind) {
    if (kind == Decl.Var.class) {
      return "variable";
    } else if (kind == Decl.Chan.class) {
      return "channel";
    } else if (kind == Decl.Mutex.class) {
      return "mutex";
    } else if (kind == Decl.WaitGroup.class) {
      return "wait group";
    }
    return "once";
  }

  private void checkObserve() {
    if (program.observe().isEmpty()) {
      return;
    }
    List<Location> obs = program.observe().get();
    Set<Location> seen = new HashSet<>();
    for (int i = 0; i < obs.size(); i++) {
      Location l = obs.get(i);
      if (!seen.add(l)) {
        problems.add(Problem.error(l + " is observed twice", new Problem.Where.InObserve(i)));
      }
      String problem = locationProblem(l);
      if (problem != null) {
        problems.add(Problem.error(problem, new Problem.Where.InObserve(i)));
      }
    }
  }

  private void checkExists() {
    List<Prop.Atom> atoms = new ArrayList<>();
    collectAtoms(program.exists(), atoms);
    List<Location> outcome = program.observe().isPresent() ? program.observe().get() : null;
    for (int i = 0; i < atoms.size(); i++) {
      Location l = atoms.get(i).loc();
      String problem = locationProblem(l);
      if (problem != null) {
        problems.add(Problem.error(problem, new Problem.Where.InExists(i)));
      } else if (outcome != null && !outcome.contains(l)) {
        problems.add(
            Problem.error(l + " is used in exists but not listed by observe", new Problem.Where.InExists(i)));
      }
    }
  }

  /** Atoms of {@code p}, left to right. */
  public static void collectAtoms(Prop p, List<Prop.Atom> into) {
    if (p instanceof Prop.Atom a) {
      into.add(a);
    } else if (p instanceof Prop.And a) {
      collectAtoms(a.left(), into);
      collectAtoms(a.right(), into);
    } else if (p instanceof Prop.Or o) {
      collectAtoms(o.left(), into);
      collectAtoms(o.right(), into);
    } else if (p instanceof Prop.Not n) {
      collectAtoms(n.inner(), into);
    }
  }

  private String locationProblem(Location l) {
    if (l instanceof Location.RegLoc r) {
      if (r.goroutine() >= program.goroutines().size()) {
        return "there is no goroutine P" + r.goroutine();
      }
      if (!program.assignedRegisters(r.goroutine()).contains(r.reg().index())) {
        return "no statement of P" + r.goroutine() + " assigns " + r.reg();
      }
      return null;
    }
    String name = ((Location.VarLoc) l).name();
    Decl d = program.decl(name).orElse(null);
    if (!(d instanceof Decl.Var)) {
      return "'" + name + "' is not a shared variable";
    }
    return null;
  }
}
