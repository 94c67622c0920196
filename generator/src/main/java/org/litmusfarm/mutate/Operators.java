package org.litmusfarm.mutate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

/**
 * The mutation operators. Each edits a {@link Draft} in place and returns false when it does not
 * apply. Operators only move, add or remove memory accesses, or add synchronisation whose
 * statements run unconditionally in pairs, so most results stay deadlock- and panic-free; the
 * mutator's accept predicate has the last word.
 */
final class Operators {
  private static final long[] VALUES = {0, 1, 2, 3};

  private final RandomGenerator rng;

  Operators(RandomGenerator rng) {
    this.rng = rng;
  }

  boolean apply(Operator op, Draft d) {
    return switch (op) {
      case CHANGE_KIND -> changeKind(d);
      case WRAP_MUTEX -> wrapMutex(d);
      case ADD_CHANNEL_HANDOFF -> addHandoff(d);
      case ADD_ATOMIC_FLAG -> addFlag(d);
      case REMOVE_SYNC -> removeSync(d);
      case ADD_GOROUTINE -> addGoroutine(d);
      case ADD_STATEMENT -> addStatement(d);
      case REMOVE_STATEMENT -> removeStatement(d);
      case CHANGE_CONSTANT -> changeConstant(d);
      case ADD_DATA_DEPENDENCY -> addDataDependency(d);
      case SWAP_ADJACENT -> swapAdjacent(d);
      case CHANGE_CAPACITY -> changeCapacity(d);
    };
  }

  /** A statement position: goroutine, list (see {@link Bodies}), index in the list. */
  private record Pos(int g, int list, int index) {}

  static boolean isAccess(Stmt s) {
    return s instanceof Stmt.Store || s instanceof Stmt.Load || s instanceof Stmt.Rmw || s instanceof Stmt.Cas;
  }

  private List<Pos> accesses(Draft d) {
    List<Pos> out = new ArrayList<>();
    for (int g = 0; g < d.bodies.size(); g++) {
      int lists = Bodies.count(d.bodies.get(g));
      for (int k = 0; k < lists; k++) {
        List<Stmt> l = Bodies.get(d.bodies.get(g), k);
        for (int i = 0; i < l.size(); i++) {
          if (isAccess(l.get(i))) {
            out.add(new Pos(g, k, i));
          }
        }
      }
    }
    return out;
  }

  private <T> T pick(List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  private void replace(Draft d, Pos p, List<Stmt> with) {
    d.bodies.set(p.g(), Bodies.map(d.bodies.get(p.g()), p.list(), l -> {
      List<Stmt> out = new ArrayList<>(l);
      out.remove(p.index());
      out.addAll(p.index(), with);
      return out;
    }));
  }

  private void insert(Draft d, int g, int list, int index, Stmt s) {
    d.bodies.set(g, Bodies.map(d.bodies.get(g), list, l -> {
      List<Stmt> out = new ArrayList<>(l);
      out.add(index, s);
      return out;
    }));
  }

  private Stmt at(Draft d, Pos p) {
    return Bodies.get(d.bodies.get(p.g()), p.list()).get(p.index());
  }

  private boolean changeKind(Draft d) {
    List<Pos> all = accesses(d);
    if (all.isEmpty()) {
      return false;
    }
    Pos p = pick(all);
    Stmt s = at(d, p);
    List<Stmt> options = new ArrayList<>();
    if (s instanceof Stmt.Store st) {
      options.add(new Stmt.Store(st.access() == Access.PLAIN ? Access.ATOMIC : Access.PLAIN, st.var(), st.value()));
      options.add(new Stmt.Rmw(RmwOp.SWAP, Optional.empty(), st.var(), st.value()));
    } else if (s instanceof Stmt.Load l) {
      options.add(new Stmt.Load(l.access() == Access.PLAIN ? Access.ATOMIC : Access.PLAIN, l.dst(), l.var()));
      options.add(new Stmt.Rmw(RmwOp.ADD, Optional.of(l.dst()), l.var(), new Const(0)));
      options.add(new Stmt.Cas(Optional.of(l.dst()), l.var(), new Const(0), new Const(0)));
    } else if (s instanceof Stmt.Rmw r && r.dst().isPresent() && r.op() == RmwOp.ADD) {
      options.add(new Stmt.Load(Access.ATOMIC, r.dst().get(), r.var()));
      options.add(new Stmt.Load(Access.PLAIN, r.dst().get(), r.var()));
    } else if (s instanceof Stmt.Rmw r) {
      options.add(new Stmt.Store(Access.ATOMIC, r.var(), r.arg()));
      options.add(new Stmt.Store(Access.PLAIN, r.var(), r.arg()));
    } else if (s instanceof Stmt.Cas c && c.dst().isPresent()) {
      options.add(new Stmt.Load(Access.ATOMIC, c.dst().get(), c.var()));
      options.add(new Stmt.Rmw(RmwOp.ADD, c.dst(), c.var(), new Const(0)));
    } else if (s instanceof Stmt.Cas c) {
      options.add(new Stmt.Store(Access.ATOMIC, c.var(), c.replacement()));
    }
    replace(d, p, List.of(pick(options)));
    return true;
  }

  private boolean wrapMutex(Draft d) {
    List<Pos> all = accesses(d);
    if (all.isEmpty()) {
      return false;
    }
    Pos p = pick(all);
    List<Stmt> list = Bodies.get(d.bodies.get(p.g()), p.list());
    int end = p.index() + 1;
    int want = 1 + rng.nextInt(3);
    while (end < list.size() && end - p.index() < want && isAccess(list.get(end))) {
      end++;
    }
    Set<String> usedHere = objectsOf(d.bodies.get(p.g()));
    List<String> reusable = d.names(Decl.Mutex.class).stream().filter(m -> !usedHere.contains(m)).toList();
    String m;
    if (!reusable.isEmpty() && rng.nextBoolean()) {
      m = pick(reusable);
    } else {
      m = d.freshName("m");
      d.decls.add(new Decl.Mutex(m));
    }
    int last = end;
    d.bodies.set(p.g(), Bodies.map(d.bodies.get(p.g()), p.list(), l -> {
      List<Stmt> out = new ArrayList<>(l);
      out.add(last, new Stmt.Unlock(m));
      out.add(p.index(), new Stmt.Lock(m));
      return out;
    }));
    return true;
  }

  private static Set<String> objectsOf(List<Stmt> body) {
    Set<String> out = new HashSet<>();
    Statements.forEach(body, s -> Statements.object(s).ifPresent(out::add));
    return out;
  }

  private boolean addHandoff(Draft d) {
    if (d.bodies.size() < 2) {
      return false;
    }
    int a = rng.nextInt(d.bodies.size());
    int b = (a + 1 + rng.nextInt(d.bodies.size() - 1)) % d.bodies.size();
    Optional<Reg> r = d.freshReg(b);
    if (r.isEmpty()) {
      return false;
    }
    String c = d.freshName("c");
    d.decls.add(new Decl.Chan(c, rng.nextInt(2)));
    insert(d, a, 0, rng.nextInt(d.bodies.get(a).size() + 1), new Stmt.Send(c, new Const(1)));
    insert(d, b, 0, rng.nextInt(d.bodies.get(b).size() + 1), new Stmt.Recv(c, r, Optional.empty()));
    return true;
  }

  private boolean addFlag(Draft d) {
    if (d.bodies.size() < 2) {
      return false;
    }
    int a = rng.nextInt(d.bodies.size());
    int b = (a + 1 + rng.nextInt(d.bodies.size() - 1)) % d.bodies.size();
    Optional<Reg> r = d.freshReg(b);
    if (r.isEmpty()) {
      return false;
    }
    String f = d.freshName("f");
    d.decls.add(new Decl.Var(f, 0));
    insert(d, a, 0, rng.nextInt(d.bodies.get(a).size() + 1), new Stmt.Store(Access.ATOMIC, f, new Const(1)));
    List<Stmt> body = d.bodies.get(b);
    int at = rng.nextInt(body.size() + 1);
    int end = at;
    int want = 1 + rng.nextInt(3);
    while (end < body.size() && end - at < want && isAccess(body.get(end))) {
      end++;
    }
    List<Stmt> out = new ArrayList<>(body.subList(0, at));
    out.add(new Stmt.Load(Access.ATOMIC, r.get(), f));
    if (end > at) {
      out.add(new Stmt.If(r.get(), CmpOp.EQ, 1, body.subList(at, end)));
    }
    out.addAll(body.subList(end, body.size()));
    d.bodies.set(b, out);
    return true;
  }

  private boolean removeSync(Draft d) {
    List<String> objects = d.decls.stream().filter(x -> !(x instanceof Decl.Var)).map(Decl::name).toList();
    if (objects.isEmpty()) {
      return false;
    }
    String o = pick(objects);
    d.decls.removeIf(x -> x.name().equals(o));
    for (int g = 0; g < d.bodies.size(); g++) {
      d.bodies.set(g, without(d.bodies.get(g), o));
    }
    return true;
  }

  private static List<Stmt> without(List<Stmt> body, String object) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      if (s instanceof Stmt.OnceDo od && od.once().equals(object)) {
        out.addAll(without(od.body(), object));
      } else if (s instanceof Stmt.OnceDo od) {
        out.add(new Stmt.OnceDo(od.once(), without(od.body(), object)));
      } else if (s instanceof Stmt.If i) {
        out.add(new Stmt.If(i.reg(), i.op(), i.value(), without(i.body(), object)));
      } else if (!Statements.object(s).map(object::equals).orElse(false)) {
        out.add(s);
      }
    }
    return out;
  }

  private boolean addGoroutine(Draft d) {
    if (d.bodies.size() >= Limits.MAX_GOROUTINES) {
      return false;
    }
    List<Integer> copyable = new ArrayList<>();
    for (int g = 0; g < d.bodies.size(); g++) {
      boolean[] ok = {true};
      Statements.forEach(d.bodies.get(g), s -> ok[0] &= !(s instanceof Stmt.Send || s instanceof Stmt.Recv
          || s instanceof Stmt.Close || s instanceof Stmt.Done || s instanceof Stmt.Wait));
      if (ok[0]) {
        copyable.add(g);
      }
    }
    if (!copyable.isEmpty() && rng.nextBoolean()) {
      d.bodies.add(d.bodies.get(pick(copyable)));
      int g = d.bodies.size() - 1;
      List<Pos> mine = accesses(d).stream().filter(p -> p.g() == g).toList();
      if (!mine.isEmpty()) {
        Pos p = pick(mine);
        Optional<Stmt> changed = withNewConstant(at(d, p));
        changed.ifPresent(s -> replace(d, p, List.of(s)));
      }
      return true;
    }
    d.bodies.add(new ArrayList<>());
    int g = d.bodies.size() - 1;
    int n = 1 + rng.nextInt(2);
    for (int i = 0; i < n; i++) {
      Stmt s = randomAccess(d, g);
      if (s == null) {
        return false;
      }
      insert(d, g, 0, i, s);
    }
    return true;
  }

  /** A store, load or RMW of a random (rarely a new) variable; loads get a fresh register. */
  private Stmt randomAccess(Draft d, int g) {
    List<String> vars = d.names(Decl.Var.class);
    String v;
    if (vars.isEmpty() || rng.nextInt(8) == 0) {
      v = d.freshName("v");
      d.decls.add(new Decl.Var(v, 0));
    } else {
      v = pick(vars);
    }
    Const k = new Const(1 + rng.nextInt(3));
    if (rng.nextBoolean()) {
      return switch (rng.nextInt(3)) {
        case 0 -> new Stmt.Store(Access.PLAIN, v, k);
        case 1 -> new Stmt.Store(Access.ATOMIC, v, k);
        default -> new Stmt.Rmw(RmwOp.SWAP, Optional.empty(), v, k);
      };
    }
    Optional<Reg> r = d.freshReg(g);
    if (r.isEmpty()) {
      return null;
    }
    return switch (rng.nextInt(3)) {
      case 0 -> new Stmt.Load(Access.PLAIN, r.get(), v);
      case 1 -> new Stmt.Load(Access.ATOMIC, r.get(), v);
      default -> new Stmt.Rmw(RmwOp.ADD, r, v, rng.nextBoolean() ? new Const(0) : k);
    };
  }

  private boolean addStatement(Draft d) {
    int g = rng.nextInt(d.bodies.size());
    int list = rng.nextInt(Bodies.count(d.bodies.get(g)));
    Stmt s = randomAccess(d, g);
    if (s == null) {
      return false;
    }
    int size = Bodies.get(d.bodies.get(g), list).size();
    insert(d, g, list, rng.nextInt(size + 1), s);
    return true;
  }

  private boolean removeStatement(Draft d) {
    List<Pos> all = accesses(d).stream()
        .filter(p -> p.list() != 0 || d.bodies.get(p.g()).size() > 1)
        .toList();
    if (all.isEmpty()) {
      return false;
    }
    replace(d, pick(all), List.of());
    return true;
  }

  private long otherValue(long current) {
    long v;
    do {
      v = VALUES[rng.nextInt(VALUES.length)];
    } while (v == current);
    return v;
  }

  private Operand otherConst(Operand o) {
    return o instanceof Const c ? new Const(otherValue(c.value())) : o;
  }

  /** {@code s} with one of its constants changed, if it has one. */
  private Optional<Stmt> withNewConstant(Stmt s) {
    if (s instanceof Stmt.Store st && st.value() instanceof Const) {
      return Optional.of(new Stmt.Store(st.access(), st.var(), otherConst(st.value())));
    } else if (s instanceof Stmt.Rmw r && r.arg() instanceof Const) {
      return Optional.of(new Stmt.Rmw(r.op(), r.dst(), r.var(), otherConst(r.arg())));
    } else if (s instanceof Stmt.Cas c && (c.expected() instanceof Const || c.replacement() instanceof Const)) {
      return Optional.of(rng.nextBoolean() && c.expected() instanceof Const
          ? new Stmt.Cas(c.dst(), c.var(), otherConst(c.expected()), c.replacement())
          : new Stmt.Cas(c.dst(), c.var(), c.expected(), otherConst(c.replacement())));
    } else if (s instanceof Stmt.Send send && send.value() instanceof Const) {
      return Optional.of(new Stmt.Send(send.chan(), otherConst(send.value())));
    } else if (s instanceof Stmt.If i) {
      return Optional.of(new Stmt.If(i.reg(), i.op(), otherValue(i.value()), i.body()));
    }
    return Optional.empty();
  }

  private boolean changeConstant(Draft d) {
    List<Pos> candidates = new ArrayList<>();
    for (int g = 0; g < d.bodies.size(); g++) {
      int lists = Bodies.count(d.bodies.get(g));
      for (int k = 0; k < lists; k++) {
        List<Stmt> l = Bodies.get(d.bodies.get(g), k);
        for (int i = 0; i < l.size(); i++) {
          if (withConstantProbe(l.get(i))) {
            candidates.add(new Pos(g, k, i));
          }
        }
      }
    }
    int choice = rng.nextInt(candidates.size() + 2);
    if (choice < candidates.size()) {
      Pos p = candidates.get(choice);
      replace(d, p, List.of(withNewConstant(at(d, p)).orElseThrow()));
    } else if (choice == candidates.size()) {
      List<Prop.Atom> atoms = new ArrayList<>();
      org.litmusfarm.model.Validator.collectAtoms(d.exists, atoms);
      Prop.Atom target = pick(atoms);
      d.exists = replaceAtom(d.exists, target, new Prop.Atom(target.loc(), target.op(), otherValue(target.value())));
    } else {
      List<Integer> vars = new ArrayList<>();
      for (int i = 0; i < d.decls.size(); i++) {
        if (d.decls.get(i) instanceof Decl.Var) {
          vars.add(i);
        }
      }
      if (vars.isEmpty()) {
        return false;
      }
      int i = pick(vars);
      Decl.Var v = (Decl.Var) d.decls.get(i);
      d.decls.set(i, new Decl.Var(v.name(), otherValue(v.initial())));
    }
    return true;
  }

  private static boolean withConstantProbe(Stmt s) {
    return (s instanceof Stmt.Store st && st.value() instanceof Const)
        || (s instanceof Stmt.Rmw r && r.arg() instanceof Const)
        || (s instanceof Stmt.Cas c && (c.expected() instanceof Const || c.replacement() instanceof Const))
        || (s instanceof Stmt.Send send && send.value() instanceof Const)
        || s instanceof Stmt.If;
  }

  private static Prop replaceAtom(Prop p, Prop.Atom target, Prop.Atom with) {
    if (p == target) {
      return with;
    } else if (p instanceof Prop.And a) {
      return new Prop.And(replaceAtom(a.left(), target, with), replaceAtom(a.right(), target, with));
    } else if (p instanceof Prop.Or o) {
      return new Prop.Or(replaceAtom(o.left(), target, with), replaceAtom(o.right(), target, with));
    } else if (p instanceof Prop.Not n) {
      return new Prop.Not(replaceAtom(n.inner(), target, with));
    }
    return p;
  }

  private boolean addDataDependency(Draft d) {
    List<Pos> candidates = new ArrayList<>();
    List<List<Reg>> regsBefore = new ArrayList<>();
    for (int g = 0; g < d.bodies.size(); g++) {
      int lists = Bodies.count(d.bodies.get(g));
      for (int k = 0; k < lists; k++) {
        List<Stmt> l = Bodies.get(d.bodies.get(g), k);
        List<Reg> assigned = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
          Stmt s = l.get(i);
          boolean constWrite = (s instanceof Stmt.Store st && st.value() instanceof Const)
              || (s instanceof Stmt.Rmw r && r.arg() instanceof Const)
              || (s instanceof Stmt.Send send && send.value() instanceof Const);
          if (constWrite && !assigned.isEmpty()) {
            candidates.add(new Pos(g, k, i));
            regsBefore.add(List.copyOf(assigned));
          }
          Statements.assigned(s).forEach(assigned::add);
        }
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    int c = rng.nextInt(candidates.size());
    Pos p = candidates.get(c);
    Reg r = pick(regsBefore.get(c));
    Stmt s = at(d, p);
    Stmt changed;
    if (s instanceof Stmt.Store st) {
      changed = new Stmt.Store(st.access(), st.var(), r);
    } else if (s instanceof Stmt.Rmw rmw) {
      changed = new Stmt.Rmw(rmw.op(), rmw.dst(), rmw.var(), r);
    } else {
      changed = new Stmt.Send(((Stmt.Send) s).chan(), r);
    }
    replace(d, p, List.of(changed));
    return true;
  }

  private boolean swapAdjacent(Draft d) {
    List<Pos> candidates = accesses(d).stream().filter(p -> {
      List<Stmt> l = Bodies.get(d.bodies.get(p.g()), p.list());
      return p.index() + 1 < l.size() && independent(l.get(p.index()), l.get(p.index() + 1));
    }).toList();
    if (candidates.isEmpty()) {
      return false;
    }
    Pos p = pick(candidates);
    d.bodies.set(p.g(), Bodies.map(d.bodies.get(p.g()), p.list(), l -> {
      List<Stmt> out = new ArrayList<>(l);
      Stmt first = out.get(p.index());
      out.set(p.index(), out.get(p.index() + 1));
      out.set(p.index() + 1, first);
      return out;
    }));
    return true;
  }

  private static boolean independent(Stmt a, Stmt b) {
    if (!isAccess(a) || !isAccess(b) || Statements.object(a).equals(Statements.object(b))) {
      return false;
    }
    Set<Reg> aw = Statements.assigned(a).collect(Collectors.toSet());
    Set<Reg> bw = Statements.assigned(b).collect(Collectors.toSet());
    Set<Reg> ar = Statements.read(a).collect(Collectors.toSet());
    Set<Reg> br = Statements.read(b).collect(Collectors.toSet());
    return disjoint(aw, bw) && disjoint(aw, br) && disjoint(bw, ar);
  }

  private static boolean disjoint(Set<Reg> x, Set<Reg> y) {
    return x.stream().noneMatch(y::contains);
  }

  private boolean changeCapacity(Draft d) {
    List<Integer> chans = new ArrayList<>();
    for (int i = 0; i < d.decls.size(); i++) {
      if (d.decls.get(i) instanceof Decl.Chan) {
        chans.add(i);
      }
    }
    if (chans.isEmpty()) {
      return false;
    }
    int i = pick(chans);
    Decl.Chan c = (Decl.Chan) d.decls.get(i);
    int cap;
    do {
      cap = rng.nextInt(3);
    } while (cap == c.capacity());
    d.decls.set(i, new Decl.Chan(c.name(), cap));
    return true;
  }
}
