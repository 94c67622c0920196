package org.litmusfarm.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Stmt;

class BlockingExplorerTest {
  private static final Prop COND = new Prop.Atom(new Location.VarLoc("x"), CmpOp.EQ, 0);

  private static Program program(List<Decl> decls, Goroutine... gs) {
    return new Program("t", Optional.empty(), decls, List.of(gs), Optional.empty(), COND);
  }

  private static Stmt recv(String c) {
    return new Stmt.Recv(c, Optional.of(new Reg(0)), Optional.empty());
  }

  @Test
  void findsAReceiveThatNoSendMatches() {
    Program p = program(List.of(new Decl.Var("x", 0), new Decl.Chan("c", 0)), Goroutine.of(recv("c")));
    assertEquals(BlockingExplorer.Result.DEADLOCK, BlockingExplorer.explore(p, 1000));
  }

  @Test
  void findsADeadlockThatOnlySomeInterleavingsReach() {
    Stmt lockA = new Stmt.Lock("a");
    Stmt lockB = new Stmt.Lock("b");
    Program p = program(List.of(new Decl.Var("x", 0), new Decl.Mutex("a"), new Decl.Mutex("b")),
        Goroutine.of(lockA, lockB, new Stmt.Unlock("b"), new Stmt.Unlock("a")),
        Goroutine.of(lockB, lockA, new Stmt.Unlock("a"), new Stmt.Unlock("b")));
    assertEquals(BlockingExplorer.Result.DEADLOCK, BlockingExplorer.explore(p, 1000));
  }

  @Test
  void findsASendOnAClosedChannel() {
    Program p = program(List.of(new Decl.Var("x", 0), new Decl.Chan("c", 1)),
        Goroutine.of(new Stmt.Close("c")), Goroutine.of(new Stmt.Send("c", new Const(1))));
    assertEquals(BlockingExplorer.Result.PANIC, BlockingExplorer.explore(p, 1000));
  }

  @Test
  void acceptsMessagePassingThroughAnUnbufferedChannel() {
    Program p = program(List.of(new Decl.Var("x", 0), new Decl.Chan("c", 0)),
        Goroutine.of(new Stmt.Store(Access.PLAIN, "x", new Const(1)), new Stmt.Send("c", new Const(1))),
        Goroutine.of(recv("c"), new Stmt.Load(Access.PLAIN, new Reg(1), "x")));
    assertEquals(BlockingExplorer.Result.SAFE, BlockingExplorer.explore(p, 1000));
  }
}
