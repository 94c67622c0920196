package org.litmusfarm.oracle;

import static org.litmusfarm.model.OutcomeClass.FORBIDDEN;
import static org.litmusfarm.model.OutcomeClass.SC;
import static org.litmusfarm.model.OutcomeClass.WEAK;
import static org.litmusfarm.oracle.Progs.aLd;
import static org.litmusfarm.oracle.Progs.aSt;
import static org.litmusfarm.oracle.Progs.add;
import static org.litmusfarm.oracle.Progs.addDiscard;
import static org.litmusfarm.oracle.Progs.and;
import static org.litmusfarm.oracle.Progs.await;
import static org.litmusfarm.oracle.Progs.cas;
import static org.litmusfarm.oracle.Progs.close;
import static org.litmusfarm.oracle.Progs.doOnce;
import static org.litmusfarm.oracle.Progs.done;
import static org.litmusfarm.oracle.Progs.eq;
import static org.litmusfarm.oracle.Progs.ifEq;
import static org.litmusfarm.oracle.Progs.ld;
import static org.litmusfarm.oracle.Progs.lock;
import static org.litmusfarm.oracle.Progs.or;
import static org.litmusfarm.oracle.Progs.recv;
import static org.litmusfarm.oracle.Progs.recvDiscard;
import static org.litmusfarm.oracle.Progs.recvOk;
import static org.litmusfarm.oracle.Progs.send;
import static org.litmusfarm.oracle.Progs.st;
import static org.litmusfarm.oracle.Progs.stR;
import static org.litmusfarm.oracle.Progs.swapDiscard;
import static org.litmusfarm.oracle.Progs.unlock;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Stmt;

/**
 * The verdicts of gomm.md section 5 that the format can express, one program per test id and
 * variant (P plain, A atomic, Cu/Cb1 channels, M mutex, ...). Each doc line ends with the
 * expected verdict, as in the {@code .litmus} files under {@code src/test/resources/oracle}.
 */
final class VerdictCatalog {
  /** One catalog entry: {@code id} is the test id and variant, e.g. {@code T01-P}. */
  record Case(String id, OutcomeClass expected, Program program) {}

  private final List<Case> cases = new ArrayList<>();

  private VerdictCatalog() {}

  static List<Case> all() {
    VerdictCatalog c = new VerdictCatalog();
    c.build();
    return List.copyOf(c.cases);
  }

  private void entry(String id, String what, OutcomeClass expected, Function<Progs, Program> body) {
    String doc = what + " Verdict: " + expected + ".";
    cases.add(new Case(id, expected, body.apply(Progs.of(id).doc(doc))));
  }

  /** A load of var into reg, plain or atomic. */
  private static Stmt load(boolean atomic, int reg, String var) {
    return atomic ? aLd(reg, var) : ld(reg, var);
  }

  private static Stmt store(boolean atomic, String var, long v) {
    return atomic ? aSt(var, v) : st(var, v);
  }

  private void build() {
    mp();
    channels();
    sb();
    lb();
    threeWay();
    coherence();
    zSix();
    sync();
    atomics();
  }

  private void mp() {
    String[][] mp = {{"P", "", ""}, {"A", "x", "y"}, {"xP-yA", "", "y"}, {"xA-yP", "x", ""}};
    OutcomeClass[] v = {WEAK, FORBIDDEN, FORBIDDEN, WEAK};
    for (int i = 0; i < mp.length; i++) {
      boolean ax = !mp[i][1].isEmpty();
      boolean ay = !mp[i][2].isEmpty();
      entry("T01-" + mp[i][0], "Message passing, " + mp[i][0] + ".", v[i], p -> p.vars("x", "y")
          .p(store(ax, "x", 1), store(ay, "y", 1))
          .p(load(ay, 0, "y"), load(ax, 1, "x"))
          .exists(and(eq("P1:r0", 1), eq("P1:r1", 0))));
    }
    entry("T01-M", "Message passing with the flag guarded by a mutex; racy only when P1 runs first.",
        FORBIDDEN, p -> p.vars("x", "y").mutex("m")
            .p(st("x", 1), lock("m"), st("y", 1), unlock("m"))
            .p(lock("m"), ld(0, "y"), unlock("m"), ld(1, "x"))
            .exists(and(eq("P1:r0", 1), eq("P1:r1", 0))));
  }

  private void channels() {
    for (int cap = 0; cap <= 1; cap++) {
      int c = cap;
      String variant = cap == 0 ? "Cu" : "Cb1";
      entry("T02-" + variant, "Message passing through a channel send (article claim a).", FORBIDDEN,
          p -> p.vars("x").chan("c", c)
              .p(st("x", 1), send("c", 1))
              .p(recv(0, "c"), ld(1, "x"))
              .exists(eq("P1:r1", 0)));
      entry("T03-" + variant, "A receive as the signal: only unbuffered channels order it.",
          c == 0 ? FORBIDDEN : SC, p -> p.vars("x").chan("c", c)
              .p(st("x", 1), recvDiscard("c"))
              .p(send("c", 1), ld(0, "x"))
              .exists(eq("P1:r0", 0)));
      entry("T27-" + variant, "A receive that returns because the channel is closed.", FORBIDDEN,
          p -> p.vars("x").chan("c", c)
              .p(st("x", 1), close("c"))
              .p(recvOk(0, 1, "c"), ld(2, "x"))
              .exists(and(eq("P1:r1", 0), eq("P1:r2", 0))));
    }
    entry("T02-close-Cu", "Message passing through close instead of a send.", FORBIDDEN,
        p -> p.vars("x").chan("c", 0)
            .p(st("x", 1), close("c"))
            .p(recv(0, "c"), ld(1, "x"))
            .exists(eq("P1:r1", 0)));
    entry("T27-Cb1-send", "A send then close; the second receive sees the close.", FORBIDDEN,
        p -> p.vars("x").chan("c", 1)
            .p(st("x", 1), send("c", 1), close("c"))
            .p(recv(0, "c"), recvOk(1, 2, "c"), ld(3, "x"))
            .exists(and(eq("P1:r2", 0), eq("P1:r3", 0))));
    entry("T09-xA-Cu", "WRC with x atomic and y replaced by an unbuffered channel.", FORBIDDEN,
        p -> p.vars("x").chan("c", 0)
            .p(aSt("x", 1))
            .p(aLd(0, "x"), send("c", 1))
            .p(recv(0, "c"), aLd(1, "x"))
            .exists(and(eq("P1:r0", 1), eq("P2:r1", 0))));
    entry("T10-Cu", "ISA2 with y and z replaced by unbuffered channels.", FORBIDDEN,
        p -> p.vars("x").chan("c", 0).chan("d", 0)
            .p(st("x", 1), send("c", 1))
            .p(recv(0, "c"), send("d", 1))
            .p(recv(0, "d"), ld(1, "x"))
            .exists(eq("P2:r1", 0)));
  }

  private void sb() {
    String[] names = {"P", "A", "As-Pl", "Ps-Al"};
    OutcomeClass[] v = {WEAK, FORBIDDEN, WEAK, WEAK};
    boolean[][] atomic = {{false, false}, {true, true}, {true, false}, {false, true}};
    for (int i = 0; i < names.length; i++) {
      boolean as = atomic[i][0];
      boolean al = atomic[i][1];
      entry("T04-" + names[i], "Store buffering, " + names[i] + ".", v[i], p -> p.vars("x", "y")
          .p(store(as, "x", 1), load(al, 0, "y"))
          .p(store(as, "y", 1), load(al, 0, "x"))
          .exists(and(eq("P0:r0", 0), eq("P1:r0", 0))));
    }
    entry("T04-Sw-Ad0", "Store buffering through Swap stores and Add(0) loads.", FORBIDDEN,
        p -> p.vars("x", "y")
            .p(swapDiscard("x", 1), add(0, "y", 0))
            .p(swapDiscard("y", 1), add(0, "x", 0))
            .exists(and(eq("P0:r0", 0), eq("P1:r0", 0))));
    entry("T04-M", "Store buffering, every access in its own critical section of one mutex.",
        FORBIDDEN, p -> p.vars("x", "y").mutex("m")
            .p(lock("m"), st("x", 1), unlock("m"), lock("m"), ld(0, "y"), unlock("m"))
            .p(lock("m"), st("y", 1), unlock("m"), lock("m"), ld(0, "x"), unlock("m"))
            .exists(and(eq("P0:r0", 0), eq("P1:r0", 0))));
    entry("T04-M2", "Store buffering, x under mutex mx and y under mutex my.", FORBIDDEN,
        p -> p.vars("x", "y").mutex("mx").mutex("my")
            .p(lock("mx"), st("x", 1), unlock("mx"), lock("my"), ld(0, "y"), unlock("my"))
            .p(lock("my"), st("y", 1), unlock("my"), lock("mx"), ld(0, "x"), unlock("mx"))
            .exists(and(eq("P0:r0", 0), eq("P1:r0", 0))));
  }

  private void lb() {
    String[] names = {"P", "A", "Al-Ps"};
    OutcomeClass[] v = {WEAK, FORBIDDEN, WEAK};
    boolean[][] kinds = {{false, false}, {true, true}, {true, false}};
    for (int i = 0; i < names.length; i++) {
      boolean al = kinds[i][0];
      boolean as = kinds[i][1];
      entry("T05-" + names[i], "Load buffering with constant stores, " + names[i] + ".", v[i],
          p -> p.vars("x", "y")
              .p(load(al, 0, "x"), store(as, "y", 1))
              .p(load(al, 0, "y"), store(as, "x", 1))
              .exists(and(eq("P0:r0", 1), eq("P1:r0", 1))));
    }
    entry("T05-M", "Load buffering with each body one critical section.", FORBIDDEN,
        p -> p.vars("x", "y").mutex("m")
            .p(lock("m"), ld(0, "x"), st("y", 1), unlock("m"))
            .p(lock("m"), ld(0, "y"), st("x", 1), unlock("m"))
            .exists(and(eq("P0:r0", 1), eq("P1:r0", 1))));
    for (boolean atomic : new boolean[] {false, true}) {
      String k = atomic ? "A" : "P";
      entry("T06-" + k, "Out of thin air: 42 from nowhere, " + k + ".", FORBIDDEN,
          p -> p.vars("x", "y")
              .p(load(atomic, 0, "x"), atomic ? Progs.aStR("y", 0) : stR("y", 0))
              .p(load(atomic, 0, "y"), atomic ? Progs.aStR("x", 0) : stR("x", 0))
              .exists(and(eq("P0:r0", 42), eq("P1:r0", 42))));
      entry("T07-" + k, "Load buffering with control dependencies, " + k + ".", FORBIDDEN,
          p -> p.vars("x", "y")
              .p(load(atomic, 0, "x"), ifEq(0, 1, store(atomic, "y", 1)))
              .p(load(atomic, 0, "y"), ifEq(0, 1, store(atomic, "x", 1)))
              .exists(and(eq("P0:r0", 1), eq("P1:r0", 1))));
    }
    entry("T06-P-seeded", "Thin air with the value 1 in both domains (initial values hidden by "
        + "own writes): only a dependency cycle could give 1.", FORBIDDEN,
        p -> p.var("x", 1).var("y", 1)
            .p(st("x", 0), ld(0, "x"), stR("y", 0))
            .p(st("y", 0), ld(0, "y"), stR("x", 0))
            .exists(and(eq("P0:r0", 1), eq("P1:r0", 1))));
    entry("T07-P-seeded", "Control-dependency thin air with 1 in both domains and an unrelated "
        + "race on z.", FORBIDDEN,
        p -> p.var("x", 1).var("y", 1).vars("z")
            .p(st("x", 0), st("z", 1), ld(0, "x"), ifEq(0, 1, st("y", 1)))
            .p(st("y", 0), ld(1, "z"), ld(0, "y"), ifEq(0, 1, st("x", 1)))
            .exists(and(eq("P0:r0", 1), eq("P1:r0", 1))));
  }

  private void threeWay() {
    String[] k = {"P", "A", "Aw-Pr", "Pw-Ar"};
    OutcomeClass[] v = {WEAK, FORBIDDEN, WEAK, WEAK};
    boolean[][] atomic = {{false, false}, {true, true}, {true, false}, {false, true}};
    for (int i = 0; i < k.length; i++) {
      boolean aw = atomic[i][0];
      boolean ar = atomic[i][1];
      entry("T08-" + k[i], "IRIW, " + k[i] + ".", v[i], p -> p.vars("x", "y")
          .p(store(aw, "x", 1))
          .p(store(aw, "y", 1))
          .p(load(ar, 0, "x"), load(ar, 1, "y"))
          .p(load(ar, 0, "y"), load(ar, 1, "x"))
          .exists(and(eq("P2:r0", 1), eq("P2:r1", 0), eq("P3:r0", 1), eq("P3:r1", 0))));
    }
    String[] w = {"P", "A", "xP-yA", "xA-yP"};
    OutcomeClass[] wv = {WEAK, FORBIDDEN, WEAK, WEAK};
    boolean[][] wa = {{false, false}, {true, true}, {false, true}, {true, false}};
    for (int i = 0; i < w.length; i++) {
      boolean ax = wa[i][0];
      boolean ay = wa[i][1];
      entry("T09-" + w[i], "WRC, " + w[i] + ".", wv[i], p -> p.vars("x", "y")
          .p(store(ax, "x", 1))
          .p(load(ax, 0, "x"), store(ay, "y", 1))
          .p(load(ay, 0, "y"), load(ax, 1, "x"))
          .exists(and(eq("P1:r0", 1), eq("P2:r0", 1), eq("P2:r1", 0))));
    }
    String[] s = {"P", "A", "xP-yzA"};
    OutcomeClass[] sv = {WEAK, FORBIDDEN, FORBIDDEN};
    boolean[][] sa = {{false, false}, {true, true}, {false, true}};
    for (int i = 0; i < s.length; i++) {
      boolean ax = sa[i][0];
      boolean ay = sa[i][1];
      entry("T10-" + s[i], "ISA2, " + s[i] + ".", sv[i], p -> p.vars("x", "y", "z")
          .p(store(ax, "x", 1), store(ay, "y", 1))
          .p(load(ay, 0, "y"), store(ay, "z", 1))
          .p(load(ay, 0, "z"), load(ax, 1, "x"))
          .exists(and(eq("P1:r0", 1), eq("P2:r0", 1), eq("P2:r1", 0))));
    }
    for (boolean a : new boolean[] {false, true}) {
      String n = a ? "A" : "P";
      OutcomeClass v2 = a ? FORBIDDEN : WEAK;
      entry("T11-" + n, "2+2W, " + n + ".", v2, p -> p.vars("x", "y")
          .p(store(a, "x", 1), store(a, "y", 2))
          .p(store(a, "y", 1), store(a, "x", 2))
          .exists(and(eq("x", 1), eq("y", 1))));
      entry("T12-" + n, "R, " + n + ".", v2, p -> p.vars("x", "y")
          .p(store(a, "x", 1), store(a, "y", 1))
          .p(store(a, "y", 2), load(a, 0, "x"))
          .exists(and(eq("y", 2), eq("P1:r0", 0))));
      entry("T13-" + n, "S, " + n + ".", v2, p -> p.vars("x", "y")
          .p(store(a, "x", 2), store(a, "y", 1))
          .p(load(a, 0, "y"), store(a, "x", 1))
          .exists(and(eq("P1:r0", 1), eq("x", 2))));
      entry("T19-" + n, "RWC, " + n + ".", v2, p -> p.vars("x", "y")
          .p(store(a, "x", 1))
          .p(load(a, 0, "x"), load(a, 1, "y"))
          .p(store(a, "y", 1), load(a, 0, "x"))
          .exists(and(eq("P1:r0", 1), eq("P1:r1", 0), eq("P2:r0", 0))));
      entry("T20-" + n, "W+RWC, " + n + ".", v2, p -> p.vars("x", "y", "z")
          .p(store(a, "x", 1), store(a, "y", 1))
          .p(load(a, 0, "y"), load(a, 1, "z"))
          .p(store(a, "z", 1), load(a, 0, "x"))
          .exists(and(eq("P1:r0", 1), eq("P1:r1", 0), eq("P2:r0", 0))));
    }
    entry("T11-M", "2+2W with each body one critical section.", FORBIDDEN,
        p -> p.vars("x", "y").mutex("m")
            .p(lock("m"), st("x", 1), st("y", 2), unlock("m"))
            .p(lock("m"), st("y", 1), st("x", 2), unlock("m"))
            .exists(and(eq("x", 1), eq("y", 1))));
    entry("T13-xP-yA", "S with x plain and y atomic.", FORBIDDEN, p -> p.vars("x", "y")
        .p(st("x", 2), aSt("y", 1))
        .p(aLd(0, "y"), st("x", 1))
        .exists(and(eq("P1:r0", 1), eq("x", 2))));
  }

  private void coherence() {
    for (boolean a : new boolean[] {false, true}) {
      String n = a ? "A" : "P";
      OutcomeClass weakOrForbidden = a ? FORBIDDEN : WEAK;
      entry("T14-" + n, "CoRR, " + n + ".", weakOrForbidden, p -> p.vars("x")
          .p(store(a, "x", 1))
          .p(load(a, 0, "x"), load(a, 1, "x"))
          .exists(and(eq("P1:r0", 1), eq("P1:r1", 0))));
      entry("T15-" + n, "CoRR with two writers and two readers, " + n + ".", weakOrForbidden,
          p -> p.vars("x")
              .p(store(a, "x", 1))
              .p(store(a, "x", 2))
              .p(load(a, 0, "x"), load(a, 1, "x"))
              .p(load(a, 0, "x"), load(a, 1, "x"))
              .exists(and(eq("P2:r0", 1), eq("P2:r1", 2), eq("P3:r0", 2), eq("P3:r1", 1))));
      entry("T16a-" + n, "CoWR, own write hidden, " + n + ".", FORBIDDEN, p -> p.vars("x")
          .p(store(a, "x", 1), load(a, 0, "x"))
          .p(store(a, "x", 2))
          .exists(eq("P0:r0", 0)));
      entry("T16b-" + n, "CoWR, final value part, " + n + ".", weakOrForbidden, p -> p.vars("x")
          .p(store(a, "x", 1), load(a, 0, "x"))
          .p(store(a, "x", 2))
          .exists(and(eq("P0:r0", 2), eq("x", 1))));
      entry("T17a-" + n, "CoRW, read of own later write, " + n + ".", FORBIDDEN, p -> p.vars("x")
          .p(load(a, 0, "x"), store(a, "x", 1))
          .p(store(a, "x", 2))
          .exists(eq("P0:r0", 1)));
      entry("T17b-" + n, "CoRW, final value part, " + n + ".", weakOrForbidden, p -> p.vars("x")
          .p(load(a, 0, "x"), store(a, "x", 1))
          .p(store(a, "x", 2))
          .exists(and(eq("P0:r0", 2), eq("x", 2))));
      entry("T18-" + n, "CoWW, own goroutine, " + n + ".", FORBIDDEN, p -> p.vars("x")
          .p(store(a, "x", 1), store(a, "x", 2))
          .exists(eq("x", 1)));
      entry("T18-" + n + "-3", "CoWW with a third racing write, " + n + ".", FORBIDDEN,
          p -> p.vars("x")
              .p(store(a, "x", 1), store(a, "x", 2))
              .p(store(a, "x", 3))
              .exists(eq("x", 1)));
    }
  }

  private void zSix() {
    for (boolean a : new boolean[] {false, true}) {
      String n = a ? "A" : "P";
      OutcomeClass v = a ? FORBIDDEN : WEAK;
      entry("T21-" + n, "Z6.0, " + n + ".", v, p -> p.vars("x", "y", "z")
          .p(store(a, "x", 1), store(a, "y", 1))
          .p(load(a, 0, "y"), store(a, "z", 1))
          .p(store(a, "z", 2), load(a, 0, "x"))
          .exists(and(eq("P1:r0", 1), eq("z", 2), eq("P2:r0", 0))));
      entry("T22-" + n, "Z6.1, " + n + ".", v, p -> p.vars("x", "y", "z")
          .p(store(a, "x", 2), store(a, "y", 1))
          .p(store(a, "y", 2), store(a, "z", 1))
          .p(load(a, 0, "z"), store(a, "x", 1))
          .exists(and(eq("x", 2), eq("y", 2), eq("P2:r0", 1))));
      entry("T24-" + n, "Z6.3, " + n + ".", v, p -> p.vars("x", "y", "z")
          .p(store(a, "x", 1), store(a, "y", 1))
          .p(store(a, "y", 2), store(a, "z", 1))
          .p(load(a, 0, "z"), load(a, 1, "x"))
          .exists(and(eq("y", 2), eq("P2:r0", 1), eq("P2:r1", 0))));
      entry("T25-" + n, "Z6.4, " + n + ".", v, p -> p.vars("x", "y", "z")
          .p(store(a, "x", 1), store(a, "y", 1))
          .p(store(a, "y", 2), load(a, 0, "z"))
          .p(store(a, "z", 1), load(a, 0, "x"))
          .exists(and(eq("y", 2), eq("P1:r0", 0), eq("P2:r0", 0))));
      entry("T26-" + n, "Z6.5, " + n + ".", v, p -> p.vars("x", "y", "z")
          .p(store(a, "x", 1), store(a, "y", 1))
          .p(store(a, "y", 2), store(a, "z", 1))
          .p(store(a, "z", 2), load(a, 0, "x"))
          .exists(and(eq("y", 2), eq("z", 2), eq("P2:r0", 0))));
    }
    String[] k = {"P", "A", "xP-yzA"};
    OutcomeClass[] v = {WEAK, FORBIDDEN, FORBIDDEN};
    boolean[][] at = {{false, false}, {true, true}, {false, true}};
    for (int i = 0; i < k.length; i++) {
      boolean ax = at[i][0];
      boolean ay = at[i][1];
      entry("T23-" + k[i], "Z6.2, " + k[i] + ".", v[i], p -> p.vars("x", "y", "z")
          .p(store(ax, "x", 2), store(ay, "y", 1))
          .p(load(ay, 0, "y"), store(ay, "z", 1))
          .p(load(ay, 0, "z"), store(ax, "x", 1))
          .exists(and(eq("P1:r0", 1), eq("P2:r0", 1), eq("x", 2))));
    }
  }

  private void sync() {
    entry("T33", "Done is synchronized before the Wait it unblocks.", FORBIDDEN,
        p -> p.vars("x").waitGroup("wg", 1)
            .p(st("x", 1), done("wg"))
            .p(await("wg"), ld(0, "x"))
            .exists(eq("P1:r0", 0)));
    entry("T34", "The once body's return is synchronized before every Do's return.", FORBIDDEN,
        p -> p.vars("a").once("o")
            .p(doOnce("o", st("a", 1)), ld(0, "a"))
            .p(doOnce("o", st("a", 1)), ld(0, "a"))
            .exists(or(eq("P0:r0", 0), eq("P1:r0", 0))));
    for (boolean atomic : new boolean[] {false, true}) {
      String k = atomic ? "done-A" : "done-P";
      entry("T35-" + k, "Double-checked locking around a once.", atomic ? FORBIDDEN : WEAK,
          p -> p.vars("a", "done").once("o")
              .p(load(atomic, 0, "done"),
                  ifEq(0, 0, doOnce("o", st("a", 1), store(atomic, "done", 1))), ld(1, "a"))
              .p(load(atomic, 0, "done"),
                  ifEq(0, 0, doOnce("o", st("a", 1), store(atomic, "done", 1))), ld(1, "a"))
              .exists(or(eq("P0:r1", 0), eq("P1:r1", 0))));
    }
    entry("T52", "Two reads after a write-write race may disagree even after the join.", WEAK,
        p -> p.vars("x").waitGroup("wg", 2)
            .p(st("x", 1), done("wg"))
            .p(st("x", 2), done("wg"))
            .p(await("wg"), ld(0, "x"), ld(1, "x"))
            .exists(or(and(eq("P2:r0", 1), eq("P2:r1", 2)), and(eq("P2:r0", 2), eq("P2:r1", 1)))));
  }

  private void atomics() {
    entry("T39", "Two atomic flags: atomics order across variables (article claim b).", FORBIDDEN,
        p -> p.vars("f1", "f2")
            .p(aSt("f1", 1), aSt("f2", 1))
            .p(aLd(0, "f2"), ifEq(0, 1, aLd(1, "f1")))
            .exists(and(eq("P1:r0", 1), eq("P1:r1", 0))));
    entry("T40", "A failed CAS acquires.", FORBIDDEN, p -> p.vars("x", "f")
        .p(st("x", 1), aSt("f", 1))
        .p(cas(0, "f", 0, 2), ifEq(0, 0, ld(1, "x")))
        .exists(and(eq("P1:r0", 0), eq("P1:r1", 0))));
    entry("T41", "Add acquires.", FORBIDDEN, p -> p.vars("x", "f")
        .p(st("x", 1), aSt("f", 1))
        .p(add(0, "f", 0), ifEq(0, 1, ld(1, "x")))
        .exists(and(eq("P1:r0", 1), eq("P1:r1", 0))));
    entry("T42", "Swap releases.", FORBIDDEN, p -> p.vars("x", "f")
        .p(st("x", 1), swapDiscard("f", 1))
        .p(aLd(0, "f"), ifEq(0, 1, ld(1, "x")))
        .exists(and(eq("P1:r0", 1), eq("P1:r1", 0))));
    entry("T43", "Store buffering through Add.", FORBIDDEN, p -> p.vars("x", "y")
        .p(addDiscard("x", 1), aLd(0, "y"))
        .p(addDiscard("y", 1), aLd(0, "x"))
        .exists(and(eq("P0:r0", 0), eq("P1:r0", 0))));
    entry("T44-differ", "Mixed access, race free: the two plain reads cannot differ (A4).",
        FORBIDDEN, p -> p.vars("x", "y")
            .p(aSt("x", 1), aSt("y", 1))
            .p(aSt("x", 2), aLd(0, "y"), ifEq(0, 1, ld(1, "x"), ld(2, "x")))
            .exists(and(eq("P1:r0", 1),
                or(and(eq("P1:r1", 1), eq("P1:r2", 2)), and(eq("P1:r1", 2), eq("P1:r2", 1))))));
    for (int v = 1; v <= 2; v++) {
      int value = v;
      entry("T44-both" + v, "Mixed access, race free: both reads see " + v + ".", SC,
          p -> p.vars("x", "y")
              .p(aSt("x", 1), aSt("y", 1))
              .p(aSt("x", 2), aLd(0, "y"), ifEq(0, 1, ld(1, "x"), ld(2, "x")))
              .exists(and(eq("P1:r0", 1), eq("P1:r1", value), eq("P1:r2", value))));
    }
    entry("T45", "Mixed racy accesses, the ARMv8 analogue (A5).", WEAK, p -> p.vars("x", "y")
        .p(aSt("x", 1), aLd(0, "y"))
        .p(aSt("y", 1), st("x", 2), aLd(0, "x"))
        .exists(and(eq("P0:r0", 0), eq("P1:r0", 1))));
  }
}
