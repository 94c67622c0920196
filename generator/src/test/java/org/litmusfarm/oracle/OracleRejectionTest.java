package org.litmusfarm.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.litmusfarm.oracle.Progs.await;
import static org.litmusfarm.oracle.Progs.close;
import static org.litmusfarm.oracle.Progs.done;
import static org.litmusfarm.oracle.Progs.eq;
import static org.litmusfarm.oracle.Progs.ld;
import static org.litmusfarm.oracle.Progs.lock;
import static org.litmusfarm.oracle.Progs.recv;
import static org.litmusfarm.oracle.Progs.send;
import static org.litmusfarm.oracle.Progs.st;
import static org.litmusfarm.oracle.Progs.unlock;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.model.Stmt;

class OracleRejectionTest {
  private final Oracle oracle = new Oracle();

  private Problem onlyProblem(Program p) {
    RejectedProgramException e = assertThrows(RejectedProgramException.class, () -> oracle.decide(p));
    assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
    return e.problems().get(0);
  }

  private static Problem.Where at(int g, Integer... path) {
    return new Problem.Where.InStmt(g, List.of(path));
  }

  @Test
  void rejectsReceiveThatNoSendMatches() {
    Program p = Progs.of("recv").vars("x").chan("c", 0)
        .p(st("x", 1))
        .p(recv(0, "c"), ld(1, "x"))
        .exists(eq("P1:r0", 0));
    Problem problem = onlyProblem(p);
    assertEquals("P1 can block forever at this receive: no send can match it", problem.message());
    assertEquals(at(1, 0), problem.where());
  }

  @Test
  void rejectsReceiveThatOnlySomeInterleavingsLeaveUnmatched() {
    // P1's second receive has no send when P0 sends once; a buffered channel does not help.
    Program p = Progs.of("recv2").vars("x").chan("c", 1)
        .p(send("c", 1))
        .p(recv(0, "c"), recv(1, "c"))
        .exists(eq("P1:r0", 0));
    assertEquals(at(1, 1), onlyProblem(p).where());
  }

  @Test
  void rejectsLockNeverUnlocked() {
    Program p = Progs.of("lock").vars("x").mutex("m")
        .p(lock("m"), st("x", 1))
        .p(lock("m"), ld(0, "x"), unlock("m"))
        .exists(eq("P1:r0", 0));
    RejectedProgramException e = assertThrows(RejectedProgramException.class, () -> oracle.decide(p));
    assertTrue(e.problems().stream().anyMatch(
        q -> q.message().equals("P1 can block forever at this lock: the mutex is never unlocked")
            || q.message().equals("P0 can block forever at this lock: the mutex is never unlocked")),
        () -> "problems: " + e.problems());
  }

  @Test
  void rejectsWaitThatCannotReachZero() {
    Program p = Progs.of("wait").vars("x").waitGroup("wg", 2)
        .p(st("x", 1), done("wg"))
        .p(await("wg"), ld(0, "x"))
        .exists(eq("P1:r0", 0));
    Problem problem = onlyProblem(p);
    assertEquals("P1 can block forever at this wait: the wait group counter never reaches zero",
        problem.message());
    assertEquals(at(1, 0), problem.where());
  }

  @Test
  void rejectsDoubleClose() {
    Program p = Progs.of("close2").vars("x").chan("c", 1)
        .p(close("c"))
        .p(close("c"))
        .exists(eq("x", 0));
    Problem problem = onlyProblem(p);
    assertTrue(problem.message().endsWith("can panic here: close of a closed channel"));
    assertTrue(problem.where().equals(at(0, 0)) || problem.where().equals(at(1, 0)));
  }

  @Test
  void rejectsSendOnClosedChannel() {
    Program p = Progs.of("sendclosed").vars("x").chan("c", 1)
        .p(close("c"))
        .p(send("c", 1))
        .exists(eq("x", 0));
    Problem problem = onlyProblem(p);
    assertEquals("P1 can panic here: send on a closed channel", problem.message());
    assertEquals(at(1, 0), problem.where());
  }

  @Test
  void rejectsUnlockOfUnlockedMutex() {
    Program p = Progs.of("unlock").vars("x").mutex("m")
        .p(st("x", 1), unlock("m"))
        .exists(eq("x", 1));
    Problem problem = onlyProblem(p);
    assertEquals("P0 can panic here: unlock of an unlocked mutex", problem.message());
    assertEquals(at(0, 1), problem.where());
  }

  @Test
  void rejectsNegativeWaitGroupCounter() {
    Program p = Progs.of("wgneg").vars("x").waitGroup("wg", 1)
        .p(done("wg"))
        .p(done("wg"))
        .exists(eq("x", 0));
    assertTrue(onlyProblem(p).message().endsWith("can panic here: negative wait group counter"));
  }

  @Test
  void rejectsOnceCalledInsideItsOwnBody() {
    Program p = Progs.of("once").vars("x").once("o")
        .p(Progs.doOnce("o", st("x", 1), Progs.doOnce("o", st("x", 2))))
        .exists(eq("x", 1));
    Problem problem = onlyProblem(p);
    assertEquals("P0 can block forever at this once.Do: it is called inside its own body",
        problem.message());
    assertEquals(at(0, 0, 1), problem.where());
  }

  @Test
  void rejectsBlockingReachableOnlyThroughAWeakRead() {
    // P1 reaches the unmatched receive only if it reads y = 1 and then the stale x = 0: no SC
    // interleaving does that, a weak execution does.
    Program p = Progs.of("weakblock").vars("x", "y").chan("c", 0)
        .p(st("x", 1), st("y", 1))
        .p(ld(0, "y"), Progs.ifEq(0, 1, ld(1, "x"), Progs.ifEq(1, 0, recv(2, "c"))))
        .exists(eq("P1:r0", 0));
    Problem problem = onlyProblem(p);
    assertEquals("P1 can block forever at this receive: no send can match it", problem.message());
    assertEquals(at(1, 1, 1, 0), problem.where());
  }

  @Test
  void rejectsProgramsOverTheStateBudget() {
    Stmt[][] bodies = new Stmt[6][];
    Progs b = Progs.of("big").vars("x", "y", "z");
    String[] vars = {"x", "y", "z"};
    for (int g = 0; g < bodies.length; g++) {
      b.p(st(vars[g % 3], g + 1), ld(0, vars[(g + 1) % 3]), st(vars[(g + 2) % 3], g + 1),
          ld(1, vars[g % 3]));
    }
    Program p = b.exists(eq("x", 0));
    RejectedProgramException e = assertThrows(RejectedProgramException.class,
        () -> new Oracle(Budget.states(500)).decide(p));
    assertEquals(List.of(Problem.error(
            "too large to decide: explored more than 500 states (raise the budget with Budget.states)",
            new Problem.Where.Whole())),
        e.problems());
  }
}
