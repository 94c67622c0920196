package org.litmusfarm.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;

/** A small test-side builder of model programs, standing in for the parser. */
final class Progs {
  private final String name;
  private String doc;
  private final List<Decl> decls = new ArrayList<>();
  private final List<Goroutine> goroutines = new ArrayList<>();

  private Progs(String name) {
    this.name = name;
  }

  static Progs of(String name) {
    return new Progs(name);
  }

  Progs doc(String text) {
    doc = text;
    return this;
  }

  Progs vars(String... names) {
    for (String n : names) {
      decls.add(new Decl.Var(n, 0));
    }
    return this;
  }

  Progs var(String n, long initial) {
    decls.add(new Decl.Var(n, initial));
    return this;
  }

  Progs chan(String n, int capacity) {
    decls.add(new Decl.Chan(n, capacity));
    return this;
  }

  Progs mutex(String n) {
    decls.add(new Decl.Mutex(n));
    return this;
  }

  Progs waitGroup(String n, int count) {
    decls.add(new Decl.WaitGroup(n, count));
    return this;
  }

  Progs once(String n) {
    decls.add(new Decl.Once(n));
    return this;
  }

  Progs p(Stmt... body) {
    goroutines.add(Goroutine.of(body));
    return this;
  }

  Program exists(Prop condition) {
    return new Program(name, Optional.ofNullable(doc), decls, goroutines, Optional.empty(), condition);
  }

  // ---- statements

  static Reg r(int i) {
    return new Reg(i);
  }

  private static Operand val(long v) {
    return new Const(v);
  }

  /** Plain store of a constant. */
  static Stmt st(String var, long v) {
    return new Stmt.Store(Access.PLAIN, var, val(v));
  }

  /** Plain store of a register. */
  static Stmt stR(String var, int reg) {
    return new Stmt.Store(Access.PLAIN, var, r(reg));
  }

  /** Plain load. */
  static Stmt ld(int reg, String var) {
    return new Stmt.Load(Access.PLAIN, r(reg), var);
  }

  static Stmt aSt(String var, long v) {
    return new Stmt.Store(Access.ATOMIC, var, val(v));
  }

  static Stmt aStR(String var, int reg) {
    return new Stmt.Store(Access.ATOMIC, var, r(reg));
  }

  static Stmt aLd(int reg, String var) {
    return new Stmt.Load(Access.ATOMIC, r(reg), var);
  }

  static Stmt add(int reg, String var, long v) {
    return new Stmt.Rmw(RmwOp.ADD, Optional.of(r(reg)), var, val(v));
  }

  static Stmt addDiscard(String var, long v) {
    return new Stmt.Rmw(RmwOp.ADD, Optional.empty(), var, val(v));
  }

  static Stmt swapDiscard(String var, long v) {
    return new Stmt.Rmw(RmwOp.SWAP, Optional.empty(), var, val(v));
  }

  static Stmt cas(int reg, String var, long expected, long replacement) {
    return new Stmt.Cas(Optional.of(r(reg)), var, val(expected), val(replacement));
  }

  static Stmt lock(String m) {
    return new Stmt.Lock(m);
  }

  static Stmt unlock(String m) {
    return new Stmt.Unlock(m);
  }

  static Stmt send(String c, long v) {
    return new Stmt.Send(c, val(v));
  }

  static Stmt recv(int reg, String c) {
    return new Stmt.Recv(c, Optional.of(r(reg)), Optional.empty());
  }

  static Stmt recvOk(int reg, int ok, String c) {
    return new Stmt.Recv(c, Optional.of(r(reg)), Optional.of(r(ok)));
  }

  static Stmt recvDiscard(String c) {
    return new Stmt.Recv(c, Optional.empty(), Optional.empty());
  }

  static Stmt close(String c) {
    return new Stmt.Close(c);
  }

  static Stmt done(String wg) {
    return new Stmt.Done(wg);
  }

  static Stmt await(String wg) {
    return new Stmt.Wait(wg);
  }

  static Stmt doOnce(String o, Stmt... body) {
    return new Stmt.OnceDo(o, List.of(body));
  }

  static Stmt ifEq(int reg, long v, Stmt... body) {
    return new Stmt.If(r(reg), CmpOp.EQ, v, List.of(body));
  }

  // ---- conditions

  /** {@code loc == v}, loc written as in outcomes: {@code P1:r0} or {@code x}. */
  static Prop eq(String loc, long v) {
    return new Prop.Atom(Outcome.parseLocation(loc), CmpOp.EQ, v);
  }

  static Prop ne(String loc, long v) {
    return new Prop.Atom(Outcome.parseLocation(loc), CmpOp.NE, v);
  }

  static Prop and(Prop... ps) {
    Prop p = ps[0];
    for (int i = 1; i < ps.length; i++) {
      p = new Prop.And(p, ps[i]);
    }
    return p;
  }

  static Prop or(Prop a, Prop b) {
    return new Prop.Or(a, b);
  }

  static Location loc(String text) {
    return Outcome.parseLocation(text);
  }
}
