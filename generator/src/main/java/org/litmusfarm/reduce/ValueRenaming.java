package org.litmusfarm.reduce;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

/** The value-simplifying edits of {@link Edits}: a constant renamed to a smaller unused one. */
final class ValueRenaming {
  private ValueRenaming() {}

  /**
   * For each constant {@code v} other than 0, the smallest positive value {@code w} used nowhere
   * (not in the program, not in the outcome, and not 1 when a compare-and-swap or a receive's ok
   * flag can produce it), if it is cheaper: every {@code v} in the program and the outcome becomes
   * {@code w}. Without {@code atomic.Add} the program only copies and compares values, so this
   * consistent renaming keeps its executions.
   */
  static List<Edit> of(Violation v) {
    Program p = v.program();
    boolean[] arithmetic = {false};
    boolean[] makesOne = {false};
    TreeSet<Long> constants = new TreeSet<>();
    for (Goroutine g : p.goroutines()) {
      Statements.forEach(g.body(), s -> {
        arithmetic[0] |= s instanceof Stmt.Rmw r && r.op() == RmwOp.ADD;
        makesOne[0] |= s instanceof Stmt.Cas || (s instanceof Stmt.Recv r && r.ok().isPresent());
        constants.addAll(constantsOf(s));
      });
    }
    if (arithmetic[0]) {
      return List.of();
    }
    p.vars().forEach(x -> constants.add(x.initial()));
    TreeSet<Long> used = new TreeSet<>(constants);
    used.addAll(v.outcome().values().values());
    used.add(0L);
    if (makesOne[0]) {
      used.add(1L);
    }
    long w = 1;
    while (used.contains(w)) {
      w++;
    }
    List<Edit> out = new ArrayList<>();
    for (long from : constants) {
      if (from != 0 && Size.valueCost(w) < Size.valueCost(from)) {
        long to = w;
        LongUnaryOperator f = x -> x == from ? to : x;
        out.add(new Edit("value " + from + " to " + to, mapValues(p, f), Projection.renamingValue(from, to)));
      }
    }
    return out;
  }

  private static List<Long> constantsOf(Stmt s) {
    List<Long> out = new ArrayList<>();
    if (s instanceof Stmt.Store st) {
      addConst(st.value(), out);
    } else if (s instanceof Stmt.Rmw r) {
      addConst(r.arg(), out);
    } else if (s instanceof Stmt.Cas c) {
      addConst(c.expected(), out);
      addConst(c.replacement(), out);
    } else if (s instanceof Stmt.Send send) {
      addConst(send.value(), out);
    } else if (s instanceof Stmt.If i) {
      out.add(i.value());
    }
    return out;
  }

  private static void addConst(Operand o, List<Long> out) {
    if (o instanceof Const c) {
      out.add(c.value());
    }
  }

  private static Program mapValues(Program p, LongUnaryOperator f) {
    List<Decl> decls = new ArrayList<>();
    for (Decl d : p.decls()) {
      decls.add(d instanceof Decl.Var x ? new Decl.Var(x.name(), f.applyAsLong(x.initial())) : d);
    }
    List<Goroutine> gs = new ArrayList<>();
    for (Goroutine g : p.goroutines()) {
      gs.add(new Goroutine(mapValues(g.body(), f)));
    }
    return p.withDecls(decls).withGoroutines(gs);
  }

  private static List<Stmt> mapValues(List<Stmt> body, LongUnaryOperator f) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      out.add(mapValues(s, f));
    }
    return out;
  }

  private static Stmt mapValues(Stmt s, LongUnaryOperator f) {
    if (s instanceof Stmt.Store st) {
      return new Stmt.Store(st.access(), st.var(), map(st.value(), f));
    } else if (s instanceof Stmt.Rmw r) {
      return new Stmt.Rmw(r.op(), r.dst(), r.var(), map(r.arg(), f));
    } else if (s instanceof Stmt.Cas c) {
      return new Stmt.Cas(c.dst(), c.var(), map(c.expected(), f), map(c.replacement(), f));
    } else if (s instanceof Stmt.Send send) {
      return new Stmt.Send(send.chan(), map(send.value(), f));
    } else if (s instanceof Stmt.If i) {
      return new Stmt.If(i.reg(), i.op(), f.applyAsLong(i.value()), mapValues(i.body(), f));
    } else if (s instanceof Stmt.OnceDo o) {
      return new Stmt.OnceDo(o.once(), mapValues(o.body(), f));
    }
    return s;
  }

  private static Operand map(Operand o, LongUnaryOperator f) {
    return o instanceof Const c ? new Const(f.applyAsLong(c.value())) : o;
  }

}
