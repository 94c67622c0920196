package org.litmusfarm.emit;

import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Stmt;

/**
 * The shared example programs (/work/shared/litmus) and a few more, built from model records
 * while the parser is written elsewhere.
 */
public final class Examples {
  private Examples() {}

  static Reg r(int i) {
    return new Reg(i);
  }

  static Operand c(long v) {
    return new org.litmusfarm.model.Const(v);
  }

  static Stmt store(String var, long v) {
    return new Stmt.Store(Access.PLAIN, var, c(v));
  }

  static Stmt load(int reg, String var) {
    return new Stmt.Load(Access.PLAIN, r(reg), var);
  }

  static Stmt astore(String var, long v) {
    return new Stmt.Store(Access.ATOMIC, var, c(v));
  }

  static Stmt aload(int reg, String var) {
    return new Stmt.Load(Access.ATOMIC, r(reg), var);
  }

  static Prop eq(int g, int reg, long v) {
    return new Prop.Atom(new Location.RegLoc(g, r(reg)), CmpOp.EQ, v);
  }

  static Prop and(Prop a, Prop b) {
    return new Prop.And(a, b);
  }

  static List<Decl> vars(String... names) {
    return java.util.Arrays.stream(names).map(n -> (Decl) new Decl.Var(n, 0)).toList();
  }

  static Program program(String name, List<Decl> decls, Prop exists, Goroutine... gs) {
    return new Program(name, Optional.empty(), decls, List.of(gs), Optional.empty(), exists);
  }

  /** SB+plain: store buffering, plain accesses; the weak outcome is P0:r0=0; P1:r0=0. */
  public static Program sbPlain() {
    return program(
        "SB+plain",
        vars("x", "y"),
        and(eq(0, 0, 0), eq(1, 0, 0)),
        Goroutine.of(store("x", 1), load(0, "y")),
        Goroutine.of(store("y", 1), load(0, "x")));
  }

  /** SB+atomic: the same with sync/atomic; P0:r0=0; P1:r0=0 is forbidden. */
  public static Program sbAtomic() {
    return program(
        "SB+atomic",
        vars("x", "y"),
        and(eq(0, 0, 0), eq(1, 0, 0)),
        Goroutine.of(astore("x", 1), aload(0, "y")),
        Goroutine.of(astore("y", 1), aload(0, "x")));
  }

  /** SB+plain-sc: SB with an SC exists condition. */
  public static Program sbPlainSc() {
    return program(
        "SB+plain-sc",
        vars("x", "y"),
        and(eq(0, 0, 1), eq(1, 0, 1)),
        Goroutine.of(store("x", 1), load(0, "y")),
        Goroutine.of(store("y", 1), load(0, "x")));
  }

  /** LB+plain. */
  public static Program lbPlain() {
    return program(
        "LB+plain",
        vars("x", "y"),
        and(eq(0, 0, 1), eq(1, 0, 1)),
        Goroutine.of(load(0, "x"), store("y", 1)),
        Goroutine.of(load(0, "y"), store("x", 1)));
  }

  /** MP+plain. */
  public static Program mpPlain() {
    return program(
        "MP+plain",
        vars("x", "y"),
        and(eq(1, 0, 1), eq(1, 1, 0)),
        Goroutine.of(store("x", 1), store("y", 1)),
        Goroutine.of(load(0, "y"), load(1, "x")));
  }

  /** MP+atomic. */
  public static Program mpAtomic() {
    return program(
        "MP+atomic",
        vars("x", "y"),
        and(eq(1, 0, 1), eq(1, 1, 0)),
        Goroutine.of(astore("x", 1), astore("y", 1)),
        Goroutine.of(aload(0, "y"), aload(1, "x")));
  }

  /** MP+bufchan: data published through a buffered channel; P1:r1=0 is forbidden. */
  public static Program mpBufchan() {
    return program(
        "MP+bufchan",
        List.of(new Decl.Var("data", 0), new Decl.Chan("c", 1)),
        eq(1, 1, 0),
        Goroutine.of(store("data", 42), new Stmt.Send("c", c(1))),
        Goroutine.of(new Stmt.Recv("c", Optional.of(r(0)), Optional.empty()), load(1, "data")));
  }

  /** MP+mutex: both sides under one mutex; P1:r0=1; P1:r1=0 is forbidden. */
  public static Program mpMutex() {
    return program(
        "MP+mutex",
        List.of(new Decl.Var("x", 0), new Decl.Var("y", 0), new Decl.Mutex("m")),
        and(eq(1, 0, 1), eq(1, 1, 0)),
        Goroutine.of(new Stmt.Lock("m"), store("x", 1), store("y", 1), new Stmt.Unlock("m")),
        Goroutine.of(new Stmt.Lock("m"), load(0, "y"), load(1, "x"), new Stmt.Unlock("m")));
  }

  /** MP through a wait group: P1 waits for P0's Done, then must see x=1. */
  public static Program mpWaitGroup() {
    return program(
        "MP+waitgroup",
        List.of(new Decl.Var("x", 0), new Decl.WaitGroup("wg", 1)),
        eq(1, 0, 0),
        Goroutine.of(store("x", 1), new Stmt.Done("wg")),
        Goroutine.of(new Stmt.Wait("wg"), load(0, "x")));
  }

  /**
   * Two goroutines race to run a once body that bumps x; a receive with ok flag, a CAS and an if
   * exercise the rest of the statement forms. x ends at exactly 1.
   */
  public static Program onceAndFriends() {
    return program(
        "ONCE+cas",
        List.of(
            new Decl.Var("x", 0),
            new Decl.Var("z", 5),
            new Decl.Once("o"),
            new Decl.Chan("c", 1)),
        new Prop.Atom(new Location.VarLoc("x"), CmpOp.NE, 1),
        Goroutine.of(
            new Stmt.OnceDo("o", List.of(new Stmt.Rmw(org.litmusfarm.model.RmwOp.ADD, Optional.of(r(0)), "x", c(1)))),
            new Stmt.Cas(Optional.of(r(1)), "z", c(5), c(6)),
            new Stmt.Close("c")),
        Goroutine.of(
            new Stmt.OnceDo("o", List.of(new Stmt.Rmw(org.litmusfarm.model.RmwOp.ADD, Optional.empty(), "x", c(1)))),
            new Stmt.Recv("c", Optional.of(r(0)), Optional.of(r(1))),
            new Stmt.If(r(1), CmpOp.EQ, 0, List.of(new Stmt.Rmw(org.litmusfarm.model.RmwOp.SWAP, Optional.of(r(2)), "z", c(-1))))));
  }

  /** IRIW+plain: four goroutines, more than this machine's CPUs. */
  public static Program iriwPlain() {
    return program(
        "IRIW+plain",
        vars("x", "y"),
        and(and(eq(2, 0, 1), eq(2, 1, 0)), and(eq(3, 0, 1), eq(3, 1, 0))),
        Goroutine.of(store("x", 1)),
        Goroutine.of(store("y", 1)),
        Goroutine.of(load(0, "x"), load(1, "y")),
        Goroutine.of(load(0, "y"), load(1, "x")));
  }

  /** Two racing atomic Adds: x ends at 2, so x == 1 (a lost update) is forbidden. */
  public static Program addAdd() {
    Stmt add = new Stmt.Rmw(org.litmusfarm.model.RmwOp.ADD, Optional.empty(), "x", c(1));
    return new Program(
        "ADD+ADD",
        Optional.empty(),
        vars("x"),
        List.of(Goroutine.of(add), Goroutine.of(add)),
        Optional.empty(),
        new Prop.Atom(new Location.VarLoc("x"), CmpOp.EQ, 1));
  }

  /** Every program above. */
  public static List<Program> all() {
    return List.of(
        sbPlain(), sbAtomic(), sbPlainSc(), lbPlain(), mpPlain(), mpAtomic(), mpBufchan(), mpMutex(),
        mpWaitGroup(), onceAndFriends(), iriwPlain(), addAdd());
  }
}
