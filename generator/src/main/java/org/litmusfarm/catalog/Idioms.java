package org.litmusfarm.catalog;

import static org.litmusfarm.catalog.Code.aLoad;
import static org.litmusfarm.catalog.Code.aStore;
import static org.litmusfarm.catalog.Code.atomicAdd;
import static org.litmusfarm.catalog.Code.cas;
import static org.litmusfarm.catalog.Code.ifEq;
import static org.litmusfarm.catalog.Code.load;
import static org.litmusfarm.catalog.Code.recv;
import static org.litmusfarm.catalog.Code.recvBare;
import static org.litmusfarm.catalog.Code.recvOk;
import static org.litmusfarm.catalog.Code.send;
import static org.litmusfarm.catalog.Code.store;
import static org.litmusfarm.catalog.Code.swap;
import static org.litmusfarm.catalog.Conditions.all;
import static org.litmusfarm.catalog.Conditions.any;
import static org.litmusfarm.catalog.Conditions.reg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Stmt;

/**
 * Hand-written programs for the synchronisation idioms of gomm.md section 5: channels (T02, T03,
 * T09, T10, T27), wait groups (T33), once (T34) and atomic flags (T39-T43). Every channel gets
 * exactly as many receives as sends, or a close, so no execution blocks or panics.
 */
final class Idioms {
  private static final OutcomeClass FORB = OutcomeClass.FORBIDDEN;

  private final List<CatalogEntry> out = new ArrayList<>();

  static List<CatalogEntry> entries() {
    Idioms i = new Idioms();
    i.channels();
    i.waitGroupsAndOnce();
    i.atomicFlags();
    return List.copyOf(i.out);
  }

  private void channels() {
    for (int cap : new int[] {0, 1}) {
      String c = "+chan" + cap;
      entry("MP", "MP" + c, FORB, cap == 0 ? "T02 Cu" : "T02 Cb1",
          "Message passing through a channel send of capacity " + cap,
          List.of(var("x"), chan("c", cap)), reg(1, 1, 0),
          body(store("x", 1), send("c", 1)),
          body(recv("c", 0), load(1, "x")));
      entry("MP.recv", "MP.recv" + c, cap == 0 ? FORB : OutcomeClass.SC, cap == 0 ? "T03 Cu" : "T03 Cb1",
          "Receive as signal: the receiver wrote x before receiving; capacity " + cap
              + (cap == 0 ? "" : ", so the send need not wait"),
          List.of(var("x"), chan("c", cap)), reg(1, 0, 0),
          body(store("x", 1), recvBare("c")),
          body(send("c", 1), load(0, "x")));
      entry("MP.close", "MP.close" + c, FORB, "T27 " + (cap == 0 ? "Cu" : "Cb1"),
          "Message passing through close of a channel of capacity " + cap,
          List.of(var("x"), chan("c", cap)), all(reg(1, 1, 0), reg(1, 2, 0)),
          body(store("x", 1), new Stmt.Close("c")),
          body(recvOk("c", 0, 1), load(2, "x")));
      entry("WRC", "WRC+atomic" + c, FORB, "T09 x A, y " + (cap == 0 ? "Cu" : "Cb1"),
          "Write-to-read causality, x atomic, the second hop a channel of capacity " + cap,
          List.of(var("x"), chan("c", cap)), all(reg(1, 0, 1), reg(2, 1, 0)),
          body(aStore("x", 1)),
          body(aLoad(0, "x"), send("c", 1)),
          body(recv("c", 0), aLoad(1, "x")));
      entry("ISA2", "ISA2+plain" + c, FORB, "T10 y,z " + (cap == 0 ? "Cu" : "Cb1"),
          "Message passing through a chain of two channels of capacity " + cap,
          List.of(var("x"), chan("c", cap), chan("d", cap)), reg(2, 1, 0),
          body(store("x", 1), send("c", 1)),
          body(recv("c", 0), send("d", 1)),
          body(recv("d", 0), load(1, "x")));
    }
    entry("MP.close", "MP.close+chan1+send", FORB, "T27 Cb1, send before close",
        "A buffered value is drained, then the closed channel is seen; x was written between send and close",
        List.of(var("x"), chan("c", 1)), all(reg(1, 2, 0), reg(1, 3, 0)),
        body(send("c", 1), store("x", 1), new Stmt.Close("c")),
        body(recv("c", 0), recvOk("c", 1, 2), load(3, "x")));
    entry("WRC", "WRC+plain+chan0", OutcomeClass.WEAK, "T09 x P, y Cu",
        "Write-to-read causality, x plain: the racy first hop gives no edge from P0",
        List.of(var("x"), chan("c", 0)), all(reg(1, 0, 1), reg(2, 1, 0)),
        body(store("x", 1)),
        body(load(0, "x"), send("c", 1)),
        body(recv("c", 0), load(1, "x")));
  }

  private void waitGroupsAndOnce() {
    entry("WG", "WG+plain", FORB, "T33",
        "Done is synchronized before the Wait it unblocks",
        List.of(var("x"), new Decl.WaitGroup("wg", 1)), reg(1, 0, 0),
        body(store("x", 1), new Stmt.Done("wg")),
        body(new Stmt.Wait("wg"), load(0, "x")));
    entry("WG2", "WG2+plain", FORB, "T33, two producers",
        "Wait returns only after both producers' Done",
        List.of(var("x"), var("y"), new Decl.WaitGroup("wg", 2)), any(reg(2, 0, 0), reg(2, 1, 0)),
        body(store("x", 1), new Stmt.Done("wg")),
        body(store("y", 1), new Stmt.Done("wg")),
        body(new Stmt.Wait("wg"), load(0, "x"), load(1, "y")));
    entry("ONCE", "ONCE+plain", FORB, "T34",
        "The single run of the Once body is synchronized before every Do returns",
        List.of(var("a"), new Decl.Once("o")), any(reg(0, 0, 0), reg(1, 0, 0)),
        body(new Stmt.OnceDo("o", List.of(store("a", 1))), load(0, "a")),
        body(new Stmt.OnceDo("o", List.of(store("a", 1))), load(0, "a")));
  }

  private void atomicFlags() {
    entry("MP", "MP+atomic+ctrl", FORB, "T39",
        "Atomics order accesses across variables: a flag read under a control dependency",
        List.of(var("x"), var("y")), all(reg(1, 0, 1), reg(1, 1, 0)),
        body(aStore("x", 1), aStore("y", 1)),
        body(aLoad(0, "y"), ifEq(0, 1, aLoad(1, "x"))));
    entry("MP", "MP+plain+casflag", FORB, "T40",
        "A failed CompareAndSwap still acquires the store it read",
        List.of(var("x"), var("y")), all(reg(1, 0, 0), reg(1, 1, 0)),
        body(store("x", 1), aStore("y", 1)),
        body(cas(0, "y", 0, 2), ifEq(0, 0, load(1, "x"))));
    entry("MP", "MP+plain+addflag", FORB, "T41",
        "atomic.Add(&y, 0) acquires the store it read",
        List.of(var("x"), var("y")), all(reg(1, 0, 1), reg(1, 1, 0)),
        body(store("x", 1), aStore("y", 1)),
        body(atomicAdd(Optional.of(new Reg(0)), "y", 0), ifEq(0, 1, load(1, "x"))));
    entry("MP", "MP+plain+swapflag", FORB, "T42",
        "atomic.Swap releases the plain store before it",
        List.of(var("x"), var("y")), all(reg(1, 0, 1), reg(1, 1, 0)),
        body(store("x", 1), swap("y", 1)),
        body(aLoad(0, "y"), ifEq(0, 1, load(1, "x"))));
    entry("SB", "SB+add", FORB, "T43",
        "Store buffering through atomic.Add: RMWs are in the single total order",
        List.of(var("x"), var("y")), all(reg(0, 0, 0), reg(1, 0, 0)),
        body(atomicAdd(Optional.empty(), "x", 1), aLoad(0, "y")),
        body(atomicAdd(Optional.empty(), "y", 1), aLoad(0, "x")));
  }

  private static Decl var(String name) {
    return new Decl.Var(name, 0);
  }

  private static Decl chan(String name, int cap) {
    return new Decl.Chan(name, cap);
  }

  private static Goroutine body(Stmt... stmts) {
    return Goroutine.of(stmts);
  }

  private void entry(String shape, String name, OutcomeClass expected, String reference,
      String description, List<Decl> decls, Prop exists, Goroutine... gs) {
    String doc = CatalogGenerator.doc(description, expected, reference);
    Program p = new Program(name, Optional.of(doc), decls, List.of(gs), Optional.empty(), exists);
    out.add(CatalogEntry.generated(shape, expected, reference, p));
  }
}
