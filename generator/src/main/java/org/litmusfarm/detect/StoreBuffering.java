package org.litmusfarm.detect;

import java.util.ArrayList;
import java.util.List;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Stmt;

/**
 * The programs a store buffer (x86-TSO, and every weaker CPU) can make a program behave like: in
 * each goroutine, a load may move before the plain stores just before it, as long as they write
 * other variables and do not read the load's register. Atomic stores, read-modify-writes, locks,
 * channel operations and blocks are not passed (on amd64 they are locked instructions or contain
 * them), and loads keep their order among themselves. Each variant's sequentially consistent
 * outcomes are outcomes TSO can show for the original; together they approximate TSO (store
 * forwarding aside). Variants have every load and store made atomic: only their interleavings
 * matter, and the oracle decides a race-free program from its interleavings alone, skipping the
 * costly weak pass.
 */
final class StoreBuffering {
  /** At most this many variants of one program are returned. */
  static final int MAX_VARIANTS = 256;

  private StoreBuffering() {}

  /** {@code program} and every variant with some loads moved before earlier plain stores. */
  static List<Program> variants(Program program) {
    List<List<Goroutine>> programs = new ArrayList<>();
    programs.add(List.of());
    for (Goroutine g : program.goroutines()) {
      List<List<Goroutine>> next = new ArrayList<>();
      for (List<Stmt> body : bodies(g.body()).stream().map(StoreBuffering::atomic).toList()) {
        for (List<Goroutine> prefix : programs) {
          if (next.size() >= MAX_VARIANTS) {
            break;
          }
          List<Goroutine> gs = new ArrayList<>(prefix);
          gs.add(new Goroutine(body));
          next.add(gs);
        }
      }
      programs = next;
    }
    return programs.stream().map(program::withGoroutines).toList();
  }

  /** Every order of {@code body} with loads moved before earlier plain stores, the original first. */
  static List<List<Stmt>> bodies(List<Stmt> body) {
    List<List<Stmt>> orders = new ArrayList<>();
    orders.add(List.of());
    for (Stmt s : body) {
      List<List<Stmt>> next = new ArrayList<>();
      for (List<Stmt> prefix : orders) {
        int earliest = prefix.size();
        while (s instanceof Stmt.Load load && earliest > 0 && passes(load, prefix.get(earliest - 1))) {
          earliest--;
        }
        for (int at = prefix.size(); at >= earliest && next.size() < MAX_VARIANTS; at--) {
          List<Stmt> order = new ArrayList<>(prefix);
          order.add(at, s);
          next.add(order);
        }
      }
      orders = next;
    }
    return orders;
  }

  /** {@code body} with every load and store atomic, blocks included. */
  static List<Stmt> atomic(List<Stmt> body) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      if (s instanceof Stmt.Store st) {
        out.add(new Stmt.Store(Access.ATOMIC, st.var(), st.value()));
      } else if (s instanceof Stmt.Load ld) {
        out.add(new Stmt.Load(Access.ATOMIC, ld.dst(), ld.var()));
      } else if (s instanceof Stmt.If f) {
        out.add(new Stmt.If(f.reg(), f.op(), f.value(), atomic(f.body())));
      } else if (s instanceof Stmt.OnceDo o) {
        out.add(new Stmt.OnceDo(o.once(), atomic(o.body())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean passes(Stmt.Load load, Stmt earlier) {
    return earlier instanceof Stmt.Store st
        && st.access() == Access.PLAIN
        && !st.var().equals(load.var())
        && !st.value().equals(load.dst());
  }
}
