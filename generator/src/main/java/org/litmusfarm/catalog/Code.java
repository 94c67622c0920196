package org.litmusfarm.catalog;

import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;

/** Short builders for concrete statements, for the hand-written idiom programs. */
final class Code {
  private Code() {}

  static Stmt store(String var, long v) {
    return new Stmt.Store(Access.PLAIN, var, new Const(v));
  }

  static Stmt load(int r, String var) {
    return new Stmt.Load(Access.PLAIN, new Reg(r), var);
  }

  static Stmt aStore(String var, long v) {
    return new Stmt.Store(Access.ATOMIC, var, new Const(v));
  }

  static Stmt aLoad(int r, String var) {
    return new Stmt.Load(Access.ATOMIC, new Reg(r), var);
  }

  static Stmt atomicAdd(Optional<Reg> dst, String var, long v) {
    return new Stmt.Rmw(RmwOp.ADD, dst, var, new Const(v));
  }

  static Stmt swap(String var, long v) {
    return new Stmt.Rmw(RmwOp.SWAP, Optional.empty(), var, new Const(v));
  }

  static Stmt cas(int r, String var, long expected, long replacement) {
    return new Stmt.Cas(Optional.of(new Reg(r)), var, new Const(expected), new Const(replacement));
  }

  static Stmt send(String chan, long v) {
    return new Stmt.Send(chan, new Const(v));
  }

  static Stmt recv(String chan, int r) {
    return new Stmt.Recv(chan, Optional.of(new Reg(r)), Optional.empty());
  }

  static Stmt recvOk(String chan, int r, int ok) {
    return new Stmt.Recv(chan, Optional.of(new Reg(r)), Optional.of(new Reg(ok)));
  }

  static Stmt recvBare(String chan) {
    return new Stmt.Recv(chan, Optional.empty(), Optional.empty());
  }

  static Stmt ifEq(int r, long v, Stmt... body) {
    return new Stmt.If(new Reg(r), CmpOp.EQ, v, List.of(body));
  }

  static Stmt lock(String m) {
    return new Stmt.Lock(m);
  }

  static Stmt unlock(String m) {
    return new Stmt.Unlock(m);
  }
}
