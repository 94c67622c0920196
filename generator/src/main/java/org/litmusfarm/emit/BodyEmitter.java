package org.litmusfarm.emit;

import java.util.List;
import java.util.Optional;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Stmt;

/**
 * Writes the Go statements of one goroutine body for instance {@code i}. Shared variables are the
 * local slice copies {@code l_<name>} indexed by {@code k}; channels, mutexes, wait groups and
 * onces are the per-instance globals {@code ch_}, {@code mu_}, {@code wg_}, {@code on_}.
 */
final class BodyEmitter {
  private final GoWriter w;
  private final Optional<Mutant> mutant;

  BodyEmitter(GoWriter w, Optional<Mutant> mutant) {
    this.w = w;
    this.mutant = mutant;
  }

  void emit(List<Stmt> body) {
    for (Stmt s : body) {
      emit(s);
    }
  }

  private boolean is(Mutant m) {
    return mutant.isPresent() && mutant.get() == m;
  }

  private void emit(Stmt s) {
    if (s instanceof Stmt.Store st) {
      String cell = cell(st.var());
      if (st.access() == Access.ATOMIC && !is(Mutant.ATOMIC_STORE_PLAIN)) {
        w.line("atomic.StoreInt64(&" + cell + ", " + operand(st.value()) + ")");
      } else {
        w.line(cell + " = " + operand(st.value()));
      }
    } else if (s instanceof Stmt.Load ld) {
      String cell = cell(ld.var());
      if (ld.access() == Access.ATOMIC && !is(Mutant.ATOMIC_LOAD_PLAIN)) {
        w.line(ld.dst() + " = atomic.LoadInt64(&" + cell + ")");
      } else {
        w.line(ld.dst() + " = " + cell);
      }
    } else if (s instanceof Stmt.Rmw r) {
      String fn = is(Mutant.RMW_PLAIN) ? "plain" + r.op().goName() : "atomic." + r.op().goName() + "Int64";
      assign(r.dst(), fn + "(&" + cell(r.var()) + ", " + operand(r.arg()) + ")");
    } else if (s instanceof Stmt.Cas c) {
      String fn = is(Mutant.RMW_PLAIN) ? "plainCompareAndSwap" : "atomic.CompareAndSwapInt64";
      String call =
          fn + "(&" + cell(c.var()) + ", " + operand(c.expected()) + ", " + operand(c.replacement()) + ")";
      assign(c.dst(), c.dst().isPresent() ? "b2i(" + call + ")" : call);
    } else if (s instanceof Stmt.Lock l) {
      w.line(is(Mutant.MUTEX_NO_ORDER) ? "spinLock(&mu_" + l.mutex() + "[i].f)" : "mu_" + l.mutex() + "[i].m.Lock()");
    } else if (s instanceof Stmt.Unlock u) {
      w.line(is(Mutant.MUTEX_NO_ORDER) ? "mu_" + u.mutex() + "[i].f = 0" : "mu_" + u.mutex() + "[i].m.Unlock()");
    } else if (s instanceof Stmt.Send send) {
      w.line("ch_" + send.chan() + "[i] <- " + operand(send.value()));
    } else if (s instanceof Stmt.Recv recv) {
      emitRecv(recv);
    } else if (s instanceof Stmt.Close c) {
      w.line("close(ch_" + c.chan() + "[i])");
    } else if (s instanceof Stmt.Done d) {
      w.line("wg_" + d.waitGroup() + "[i].w.Done()");
    } else if (s instanceof Stmt.Wait wt) {
      w.line("wg_" + wt.waitGroup() + "[i].w.Wait()");
    } else if (s instanceof Stmt.OnceDo o) {
      w.open("on_" + o.once() + "[i].o.Do(func() {");
      emit(o.body());
      w.close("})");
    } else if (s instanceof Stmt.If f) {
      w.open("if " + f.reg() + " " + f.op().symbol() + " " + f.value() + " {");
      emit(f.body());
      w.close("}");
    } else {
      throw new IllegalArgumentException("unknown statement " + s);
    }
  }

  private void emitRecv(Stmt.Recv recv) {
    String ch = "ch_" + recv.chan() + "[i]";
    if (recv.ok().isPresent()) {
      w.line(recv.dst().orElseThrow() + ", " + recv.ok().get() + " = recvOK(" + ch + ")");
    } else if (recv.dst().isPresent()) {
      w.line(recv.dst().get() + " = <-" + ch);
    } else {
      w.line("<-" + ch);
    }
  }

  private void assign(Optional<Reg> dst, String expr) {
    w.line(dst.map(r -> r + " = " + expr).orElse(expr));
  }

  private static String cell(String var) {
    return "l_" + var + "[k]";
  }

  private static String operand(Operand o) {
    if (o instanceof Const c) {
      return Long.toString(c.value());
    }
    return ((Reg) o).toString();
  }
}
