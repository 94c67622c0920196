package org.litmusfarm.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;

/**
 * A classic litmus shape over shared variables, with accesses left abstract: a variant decides,
 * per access, whether it is plain, atomic or a read-modify-write.
 */
record Shape(String name, String description, List<String> vars, List<List<Op>> threads, Prop exists) {

  /** An abstract access or control-dependency block. */
  sealed interface Op {
    /** Writes {@code value} to {@code var}. */
    record Write(String var, Operand value) implements Op {}

    /** Reads {@code var} into register {@code reg}. */
    record Read(int reg, String var) implements Op {}

    /** {@code if r == value { body }}. */
    record IfEq(int reg, long value, List<Op> body) implements Op {}
  }

  /** Chooses the flavour of one access. */
  interface Flavouring {
    Flavour of(boolean write, String var);
  }

  static Op w(String var, long value) {
    return new Op.Write(var, new Const(value));
  }

  static Op wr(String var, int reg) {
    return new Op.Write(var, new Reg(reg));
  }

  static Op r(int reg, String var) {
    return new Op.Read(reg, var);
  }

  static Op ifEq(int reg, long value, Op... body) {
    return new Op.IfEq(reg, value, List.of(body));
  }

  /** The program of this shape under {@code flavouring}. */
  Program lower(String testName, String doc, Flavouring flavouring) {
    List<Decl> decls = new ArrayList<>();
    for (String v : vars) {
      decls.add(new Decl.Var(v, 0));
    }
    List<Goroutine> gs = new ArrayList<>();
    for (List<Op> t : threads) {
      gs.add(new Goroutine(lowerAll(t, flavouring)));
    }
    return new Program(testName, Optional.of(doc), decls, gs, Optional.empty(), exists);
  }

  private static List<Stmt> lowerAll(List<Op> ops, Flavouring f) {
    List<Stmt> out = new ArrayList<>();
    for (Op op : ops) {
      out.add(lowerOne(op, f));
    }
    return out;
  }

  private static Stmt lowerOne(Op op, Flavouring f) {
    if (op instanceof Op.Write w) {
      return switch (f.of(true, w.var())) {
        case PLAIN -> new Stmt.Store(Access.PLAIN, w.var(), w.value());
        case ATOMIC -> new Stmt.Store(Access.ATOMIC, w.var(), w.value());
        case RMW -> new Stmt.Rmw(RmwOp.SWAP, Optional.empty(), w.var(), w.value());
      };
    }
    if (op instanceof Op.Read r) {
      Reg dst = new Reg(r.reg());
      return switch (f.of(false, r.var())) {
        case PLAIN -> new Stmt.Load(Access.PLAIN, dst, r.var());
        case ATOMIC -> new Stmt.Load(Access.ATOMIC, dst, r.var());
        case RMW -> new Stmt.Rmw(RmwOp.ADD, Optional.of(dst), r.var(), new Const(0));
      };
    }
    Op.IfEq i = (Op.IfEq) op;
    return new Stmt.If(new Reg(i.reg()), CmpOp.EQ, i.value(), lowerAll(i.body(), f));
  }
}
