package org.litmusfarm.mutate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Stmt;

/**
 * Test helper: the same program with registers, shared objects, goroutines and declarations
 * renamed or reordered at random, and another name and doc.
 */
final class Renaming {
  private final SplittableRandom rng;
  private final Map<String, String> names = new HashMap<>();
  private final List<int[]> regs = new ArrayList<>();

  private Renaming(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  static Program scramble(Program p, long seed) {
    return new Renaming(seed).apply(p);
  }

  private Program apply(Program p) {
    for (Decl d : p.decls()) {
      names.put(d.name(), "n" + d.name() + rng.nextInt(1000));
    }
    int n = p.goroutines().size();
    for (int g = 0; g < n; g++) {
      List<Integer> perm = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        perm.add(i);
      }
      Collections.shuffle(perm, new java.util.Random(rng.nextLong()));
      regs.add(perm.stream().mapToInt(Integer::intValue).toArray());
    }
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      order.add(g);
    }
    Collections.shuffle(order, new java.util.Random(rng.nextLong()));
    int[] newIndex = new int[n];
    List<Goroutine> gs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int g = order.get(i);
      newIndex[g] = i;
      gs.add(new Goroutine(body(p.goroutines().get(g).body(), g)));
    }
    List<Decl> decls = new ArrayList<>();
    for (Decl d : p.decls()) {
      decls.add(decl(d));
    }
    Collections.shuffle(decls, new java.util.Random(rng.nextLong()));
    Prop exists = prop(p.exists(), newIndex);
    Optional<List<Location>> observe = p.observe().map(l -> l.stream().map(x -> loc(x, newIndex)).toList());
    return new Program("renamed", Optional.of("other doc"), decls, gs, observe, exists);
  }

  private Decl decl(Decl d) {
    String n = names.get(d.name());
    if (d instanceof Decl.Var v) {
      return new Decl.Var(n, v.initial());
    } else if (d instanceof Decl.Chan c) {
      return new Decl.Chan(n, c.capacity());
    } else if (d instanceof Decl.Mutex) {
      return new Decl.Mutex(n);
    } else if (d instanceof Decl.WaitGroup w) {
      return new Decl.WaitGroup(n, w.count());
    }
    return new Decl.Once(n);
  }

  private Reg reg(Reg r, int g) {
    return new Reg(regs.get(g)[r.index()]);
  }

  private Operand op(Operand o, int g) {
    return o instanceof Reg r ? reg(r, g) : o;
  }

  private List<Stmt> body(List<Stmt> body, int g) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      out.add(stmt(s, g));
    }
    return out;
  }

  private Stmt stmt(Stmt s, int g) {
    if (s instanceof Stmt.Store x) {
      return new Stmt.Store(x.access(), names.get(x.var()), op(x.value(), g));
    } else if (s instanceof Stmt.Load x) {
      return new Stmt.Load(x.access(), reg(x.dst(), g), names.get(x.var()));
    } else if (s instanceof Stmt.Rmw x) {
      return new Stmt.Rmw(x.op(), x.dst().map(r -> reg(r, g)), names.get(x.var()), op(x.arg(), g));
    } else if (s instanceof Stmt.Cas x) {
      return new Stmt.Cas(x.dst().map(r -> reg(r, g)), names.get(x.var()), op(x.expected(), g), op(x.replacement(), g));
    } else if (s instanceof Stmt.Lock x) {
      return new Stmt.Lock(names.get(x.mutex()));
    } else if (s instanceof Stmt.Unlock x) {
      return new Stmt.Unlock(names.get(x.mutex()));
    } else if (s instanceof Stmt.Send x) {
      return new Stmt.Send(names.get(x.chan()), op(x.value(), g));
    } else if (s instanceof Stmt.Recv x) {
      return new Stmt.Recv(names.get(x.chan()), x.dst().map(r -> reg(r, g)), x.ok().map(r -> reg(r, g)));
    } else if (s instanceof Stmt.Close x) {
      return new Stmt.Close(names.get(x.chan()));
    } else if (s instanceof Stmt.Done x) {
      return new Stmt.Done(names.get(x.waitGroup()));
    } else if (s instanceof Stmt.Wait x) {
      return new Stmt.Wait(names.get(x.waitGroup()));
    } else if (s instanceof Stmt.OnceDo x) {
      return new Stmt.OnceDo(names.get(x.once()), body(x.body(), g));
    }
    Stmt.If x = (Stmt.If) s;
    return new Stmt.If(reg(x.reg(), g), x.op(), x.value(), body(x.body(), g));
  }

  private Location loc(Location l, int[] newIndex) {
    if (l instanceof Location.RegLoc r) {
      return new Location.RegLoc(newIndex[r.goroutine()], reg(r.reg(), r.goroutine()));
    }
    return new Location.VarLoc(names.get(((Location.VarLoc) l).name()));
  }

  private Prop prop(Prop p, int[] newIndex) {
    if (p instanceof Prop.Atom a) {
      return new Prop.Atom(loc(a.loc(), newIndex), a.op(), a.value());
    } else if (p instanceof Prop.And a) {
      return new Prop.And(prop(a.left(), newIndex), prop(a.right(), newIndex));
    } else if (p instanceof Prop.Or o) {
      return new Prop.Or(prop(o.left(), newIndex), prop(o.right(), newIndex));
    }
    return new Prop.Not(prop(((Prop.Not) p).inner(), newIndex));
  }
}
