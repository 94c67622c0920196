package org.litmusfarm.mutate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

/** A program being mutated: mutable lists of declarations and goroutine bodies. */
final class Draft {
  final Program parent;
  final List<Decl> decls;
  final List<List<Stmt>> bodies = new ArrayList<>();
  Prop exists;

  Draft(Program parent) {
    this.parent = parent;
    this.decls = new ArrayList<>(parent.decls());
    for (Goroutine g : parent.goroutines()) {
      bodies.add(g.body());
    }
    this.exists = parent.exists();
  }

  /** The names of declarations of {@code kind}. */
  List<String> names(Class<? extends Decl> kind) {
    List<String> out = new ArrayList<>();
    for (Decl d : decls) {
      if (kind.isInstance(d)) {
        out.add(d.name());
      }
    }
    return out;
  }

  /** A name {@code prefix<k>} no declaration uses, with the smallest k. */
  String freshName(String prefix) {
    Set<String> used = new HashSet<>();
    decls.forEach(d -> used.add(d.name()));
    for (int k = 0; ; k++) {
      String name = prefix + k;
      if (!used.contains(name)) {
        return name;
      }
    }
  }

  /** A register goroutine {@code g} neither reads nor assigns, if one is left. */
  Optional<Reg> freshReg(int g) {
    boolean[] used = new boolean[Limits.REGISTERS];
    Statements.forEach(bodies.get(g), s -> {
      Statements.read(s).forEach(r -> used[r.index()] = true);
      Statements.assigned(s).forEach(r -> used[r.index()] = true);
    });
    for (int i = 0; i < used.length; i++) {
      if (!used[i]) {
        return Optional.of(new Reg(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The program, with exists atoms on registers or variables that no longer exist dropped; if none
   * is left, the condition becomes the value 0 of the last register assigned, or of a variable.
   */
  Optional<Program> build(String name, String doc) {
    List<Goroutine> gs = new ArrayList<>();
    for (List<Stmt> b : bodies) {
      gs.add(new Goroutine(b));
    }
    Program draft = new Program(name, Optional.of(doc), decls, gs, Optional.empty(), exists);
    Optional<Prop> kept = prune(exists, draft);
    if (kept.isEmpty()) {
      kept = fallbackCondition(draft);
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<Location>> observe = parent.observe().map(obs -> obs.stream().filter(l -> valid(l, draft)).toList());
    return Optional.of(new Program(name, Optional.of(doc), decls, gs, observe, kept.get()));
  }

  private static Optional<Prop> fallbackCondition(Program p) {
    for (int g = p.goroutines().size() - 1; g >= 0; g--) {
      if (!p.assignedRegisters(g).isEmpty()) {
        Location l = new Location.RegLoc(g, new Reg(p.assignedRegisters(g).last()));
        return Optional.of(new Prop.Atom(l, org.litmusfarm.model.CmpOp.EQ, 0));
      }
    }
    return p.vars().stream().findFirst()
        .map(v -> new Prop.Atom(new Location.VarLoc(v.name()), org.litmusfarm.model.CmpOp.EQ, v.initial()));
  }

  private static Optional<Prop> prune(Prop p, Program in) {
    if (p instanceof Prop.Atom a) {
      return valid(a.loc(), in) ? Optional.of(a) : Optional.empty();
    } else if (p instanceof Prop.Not n) {
      return prune(n.inner(), in).map(Prop.Not::new);
    } else if (p instanceof Prop.And a) {
      return both(prune(a.left(), in), prune(a.right(), in), true);
    }
    Prop.Or o = (Prop.Or) p;
    return both(prune(o.left(), in), prune(o.right(), in), false);
  }

  private static Optional<Prop> both(Optional<Prop> l, Optional<Prop> r, boolean and) {
    if (l.isPresent() && r.isPresent()) {
      return Optional.of(and ? new Prop.And(l.get(), r.get()) : new Prop.Or(l.get(), r.get()));
    }
    return l.isPresent() ? l : r;
  }

  private static boolean valid(Location l, Program p) {
    if (l instanceof Location.RegLoc r) {
      return r.goroutine() < p.goroutines().size() && p.assignedRegisters(r.goroutine()).contains(r.reg().index());
    }
    return p.decl(((Location.VarLoc) l).name()).orElse(null) instanceof Decl.Var;
  }
}
