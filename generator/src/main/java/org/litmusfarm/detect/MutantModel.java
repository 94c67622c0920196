package org.litmusfarm.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;
import org.litmusfarm.model.Validator;

/**
 * A harness mutant's broken lowering written back as a litmus program, so the oracle can say what
 * the mutant makes reachable: atomic stores or loads become plain, Swap and {@code Add(&x, 0)}
 * become a plain load then a plain store, a CompareAndSwap without a result register becomes a
 * plain load, a test and a plain store, and Lock/Unlock disappear (a spin lock on a plain flag
 * neither excludes nor orders). The outcome locations stay those of the original program. Empty
 * when the model language cannot say what the mutant does (an Add of anything but 0 needs
 * arithmetic, a CAS result register needs a constant assignment).
 */
final class MutantModel {
  private final Program program;
  private final Mutant mutant;
  private final TreeSet<Integer> used = new TreeSet<>();
  private boolean expressible = true;

  private MutantModel(Program program, Mutant mutant) {
    this.program = program;
    this.mutant = mutant;
  }

  /** {@code program} as {@code mutant} runs it, if the model can express it. */
  static Optional<Program> of(Program program, Mutant mutant) {
    List<Goroutine> goroutines = new ArrayList<>();
    for (int g = 0; g < program.goroutines().size(); g++) {
      MutantModel m = new MutantModel(program, mutant);
      List<Stmt> body = program.goroutines().get(g).body();
      Statements.forEach(body, s -> {
        Statements.assigned(s).forEach(r -> m.used.add(r.index()));
        Statements.read(s).forEach(r -> m.used.add(r.index()));
      });
      List<Stmt> rewritten = m.rewrite(body);
      if (!m.expressible) {
        return Optional.empty();
      }
      goroutines.add(new Goroutine(rewritten));
    }
    List<Decl> decls = program.decls();
    if (mutant == Mutant.MUTEX_NO_ORDER) {
      decls = decls.stream().filter(d -> !(d instanceof Decl.Mutex)).toList();
    }
    Program mutated =
        new Program(
            program.name(),
            program.doc(),
            decls,
            goroutines,
            Optional.of(program.outcomeLocations()),
            program.exists());
    return Validator.isValid(mutated) ? Optional.of(mutated) : Optional.empty();
  }

  private List<Stmt> rewrite(List<Stmt> body) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : body) {
      rewrite(s, out);
    }
    return out;
  }

  private void rewrite(Stmt s, List<Stmt> out) {
    if (s instanceof Stmt.Store st && st.access() == Access.ATOMIC && mutant == Mutant.ATOMIC_STORE_PLAIN) {
      out.add(new Stmt.Store(Access.PLAIN, st.var(), st.value()));
    } else if (s instanceof Stmt.Load ld && ld.access() == Access.ATOMIC && mutant == Mutant.ATOMIC_LOAD_PLAIN) {
      out.add(new Stmt.Load(Access.PLAIN, ld.dst(), ld.var()));
    } else if (s instanceof Stmt.Rmw r && mutant == Mutant.RMW_PLAIN) {
      rewriteRmw(r, out);
    } else if (s instanceof Stmt.Cas c && mutant == Mutant.RMW_PLAIN) {
      rewriteCas(c, out);
    } else if ((s instanceof Stmt.Lock || s instanceof Stmt.Unlock) && mutant == Mutant.MUTEX_NO_ORDER) {
      return;
    } else if (s instanceof Stmt.If f) {
      out.add(new Stmt.If(f.reg(), f.op(), f.value(), rewrite(f.body())));
    } else if (s instanceof Stmt.OnceDo o) {
      out.add(new Stmt.OnceDo(o.once(), rewrite(o.body())));
    } else {
      out.add(s);
    }
  }

  /** {@code old := *p; *p = v} for Swap; {@code n := *p; *p = n} for Add of 0. */
  private void rewriteRmw(Stmt.Rmw r, List<Stmt> out) {
    boolean addZero = r.op() == RmwOp.ADD && r.arg() instanceof Const c && c.value() == 0;
    if (r.op() != RmwOp.SWAP && !addZero) {
      expressible = false;
      return;
    }
    if (r.dst().isPresent() && r.arg().equals(r.dst().get())) {
      expressible = false;
      return;
    }
    Reg read = r.dst().orElseGet(this::scratch);
    out.add(new Stmt.Load(Access.PLAIN, read, r.var()));
    out.add(new Stmt.Store(Access.PLAIN, r.var(), addZero ? read : r.arg()));
  }

  /** {@code if *p == old { *p = v }}, expressible without a result register and with a constant old. */
  private void rewriteCas(Stmt.Cas c, List<Stmt> out) {
    if (c.dst().isPresent() || !(c.expected() instanceof Const expected)) {
      expressible = false;
      return;
    }
    Reg read = scratch();
    Operand replacement = c.replacement();
    out.add(new Stmt.Load(Access.PLAIN, read, c.var()));
    out.add(new Stmt.If(read, CmpOp.EQ, expected.value(), List.of(new Stmt.Store(Access.PLAIN, c.var(), replacement))));
  }

  private Reg scratch() {
    for (int i = Limits.REGISTERS - 1; i >= 0; i--) {
      if (!used.contains(i)) {
        used.add(i);
        return new Reg(i);
      }
    }
    expressible = false;
    return new Reg(0);
  }
}
