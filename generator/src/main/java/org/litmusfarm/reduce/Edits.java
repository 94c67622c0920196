package org.litmusfarm.reduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

/**
 * Every one-step edit of a program that makes it smaller by {@link Size}: remove a goroutine,
 * remove a shared object with every statement that uses it, remove a statement, unwrap a block,
 * turn a read-modify-write or compare-and-swap into an atomic store or load, store the constant 1
 * instead of a register, rename a constant to a smaller unused one ({@link ValueRenaming}), shrink
 * a channel's capacity. Goroutines an
 * edit leaves empty are removed. Edits are not checked here; see {@link Candidates}.
 */
final class Edits {
  private Edits() {}

  /** The edits of {@code v}'s program, in a fixed order. */
  static List<Edit> of(Violation v) {
    Program p = v.program();
    List<Edit> out = new ArrayList<>();
    if (p.goroutines().size() > 1) {
      for (int g = 0; g < p.goroutines().size(); g++) {
        List<Goroutine> gs = new ArrayList<>(p.goroutines());
        gs.remove(g);
        out.add(new Edit("remove P" + g, p.withGoroutines(gs), Projection.withoutGoroutine(g)));
      }
    }
    for (Decl d : p.decls()) {
      removeObject(p, d).ifPresent(out::add);
    }
    for (int g = 0; g < p.goroutines().size(); g++) {
      for (Variant variant : variants(p.goroutines().get(g).body(), new int[1])) {
        if (!variant.body().isEmpty()) {
          List<Goroutine> gs = new ArrayList<>(p.goroutines());
          gs.set(g, new Goroutine(variant.body()));
          out.add(new Edit("P" + g + " " + variant.what(), p.withGoroutines(gs), Projection.identity()));
        }
      }
    }
    out.addAll(ValueRenaming.of(v));
    out.addAll(shrunkChannels(p));
    return out;
  }

  /** A changed goroutine body and what changed. */
  private record Variant(String what, List<Stmt> body) {}

  /** What one statement may become: nothing, its block's contents, or simpler statements. */
  private record Local(String what, List<Stmt> with) {}

  private static List<Variant> variants(List<Stmt> body, int[] counter) {
    List<Variant> out = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      String label = "statement " + ++counter[0] + " (" + label(s) + "): ";
      for (Local l : locals(s)) {
        out.add(new Variant(label + l.what(), splice(body, i, l.with())));
      }
      List<Stmt> inner = Statements.children(s);
      if (!inner.isEmpty()) {
        for (Variant v : variants(inner, counter)) {
          out.add(new Variant(v.what(), splice(body, i, List.of(withChildren(s, v.body())))));
        }
      }
    }
    return out;
  }

  private static List<Local> locals(Stmt s) {
    List<Local> out = new ArrayList<>();
    out.add(new Local("remove", List.of()));
    if (s instanceof Stmt.If || s instanceof Stmt.OnceDo) {
      out.add(new Local("unwrap", Statements.children(s)));
    } else if (s instanceof Stmt.Rmw r) {
      out.add(new Local("to atomic.Store", List.of(new Stmt.Store(Access.ATOMIC, r.var(), r.arg()))));
      r.dst().ifPresent(d -> out.add(new Local("to atomic.Load", List.of(new Stmt.Load(Access.ATOMIC, d, r.var())))));
      if (r.arg() instanceof Reg) {
        out.add(new Local("argument 1", List.of(new Stmt.Rmw(r.op(), r.dst(), r.var(), new Const(1)))));
      }
    } else if (s instanceof Stmt.Cas c) {
      out.add(new Local("to atomic.Store", List.of(new Stmt.Store(Access.ATOMIC, c.var(), c.replacement()))));
      c.dst().ifPresent(d -> out.add(new Local("to atomic.Load", List.of(new Stmt.Load(Access.ATOMIC, d, c.var())))));
    } else if (s instanceof Stmt.Store st && st.value() instanceof Reg) {
      out.add(new Local("store 1", List.of(new Stmt.Store(st.access(), st.var(), new Const(1)))));
    } else if (s instanceof Stmt.Send send && send.value() instanceof Reg) {
      out.add(new Local("send 1", List.of(new Stmt.Send(send.chan(), new Const(1)))));
    }
    return out;
  }

  private static List<Stmt> splice(List<Stmt> body, int at, List<Stmt> with) {
    List<Stmt> out = new ArrayList<>(body.subList(0, at));
    out.addAll(with);
    out.addAll(body.subList(at + 1, body.size()));
    return out;
  }

  private static Stmt withChildren(Stmt block, List<Stmt> children) {
    if (block instanceof Stmt.If i) {
      return new Stmt.If(i.reg(), i.op(), i.value(), children);
    }
    return new Stmt.OnceDo(((Stmt.OnceDo) block).once(), children);
  }

  /**
   * Removes {@code d} and what uses it; an {@code o.Do} on it keeps its contents, and a block left
   * empty goes too.
   */
  private static Optional<Edit> removeObject(Program p, Decl d) {
    List<Decl> decls = new ArrayList<>(p.decls());
    decls.remove(d);
    List<Goroutine> gs = new ArrayList<>();
    Projection projection = d instanceof Decl.Var ? Projection.withoutVariable(d.name()) : Projection.identity();
    List<Integer> emptied = new ArrayList<>();
    for (int g = 0; g < p.goroutines().size(); g++) {
      List<Stmt> body = withoutObject(p.goroutines().get(g).body(), d.name());
      if (body.isEmpty()) {
        emptied.add(0, g);
      } else {
        gs.add(new Goroutine(body));
      }
    }
    if (gs.isEmpty()) {
      return Optional.empty();
    }
    for (int g : emptied) {
      projection = projection.andThen(Projection.withoutGoroutine(g));
    }
    String what = "remove " + kind(d) + " " + d.name() + (emptied.isEmpty() ? "" : " and emptied goroutines");
    return Optional.of(new Edit(what, p.withDecls(decls).withGoroutines(gs), projection));
  }

  private static List<Stmt> withoutObject(List<Stmt> body, String name) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      boolean uses = Statements.object(s).filter(name::equals).isPresent();
      List<Stmt> inner = Statements.children(s);
      if (uses && s instanceof Stmt.OnceDo) {
        out.addAll(withoutObject(inner, name));
      } else if (!uses && inner.isEmpty()) {
        out.add(s);
      } else if (!uses) {
        List<Stmt> kept = withoutObject(inner, name);
        if (!kept.isEmpty()) {
          out.add(withChildren(s, kept));
        }
      }
    }
    return out;
  }

  private static List<Edit> shrunkChannels(Program p) {
    List<Edit> out = new ArrayList<>();
    for (int i = 0; i < p.decls().size(); i++) {
      if (p.decls().get(i) instanceof Decl.Chan c && c.capacity() > 0) {
        for (int cap : c.capacity() > 1 ? List.of(0, c.capacity() - 1) : List.of(0)) {
          List<Decl> decls = new ArrayList<>(p.decls());
          decls.set(i, new Decl.Chan(c.name(), cap));
          out.add(new Edit("channel " + c.name() + " capacity " + cap, p.withDecls(decls), Projection.identity()));
        }
      }
    }
    return out;
  }

  private static String kind(Decl d) {
    if (d instanceof Decl.Var) {
      return "variable";
    } else if (d instanceof Decl.Chan) {
      return "channel";
    } else if (d instanceof Decl.Mutex) {
      return "mutex";
    } else if (d instanceof Decl.WaitGroup) {
      return "wait group";
    }
    return "once";
  }

  /** A short name of a statement for progress reports, e.g. {@code atomic.Add w}. */
  static String label(Stmt s) {
    String object = Statements.object(s).orElse("");
    if (s instanceof Stmt.Store st) {
      return (st.access() == Access.ATOMIC ? "atomic.Store " : "store ") + object;
    } else if (s instanceof Stmt.Load l) {
      return (l.access() == Access.ATOMIC ? "atomic.Load " : "load ") + object;
    } else if (s instanceof Stmt.Rmw r) {
      return "atomic." + r.op().goName() + " " + object;
    } else if (s instanceof Stmt.Cas) {
      return "atomic.CompareAndSwap " + object;
    } else if (s instanceof Stmt.If i) {
      return "if " + i.reg();
    }
    return s.getClass().getSimpleName() + " " + object;
  }
}
