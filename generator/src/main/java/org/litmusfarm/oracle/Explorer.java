package org.litmusfarm.oracle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RejectedProgramException;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;

/**
 * Depth-first exploration of every interleaving of a compiled program, with visited states
 * memoized. In the SC pass every read returns the latest write; in the weak pass synchronizing
 * operations keep interleaving order (the total order S) while plain reads, and atomic reads of
 * variables that also have plain writes, return any write the Go memory model lets them see: an
 * executed write not overwritten in happens-before, or a promised future write (see
 * {@link Promise}). Vector clocks give happens-before in the weak pass; the SC pass finds races as
 * two conflicting accesses that are both next to run. Channel steps are {@link ChannelSteps}.
 */
final class Explorer {
  private static final int R = Limits.REGISTERS;
  private static final int MAX_PROMISES = 63;

  private final Code code;
  private final boolean weak;
  private final long[][] domain;
  private final Budget budget;
  private final long spentBefore;
  private final VisitedSet visited = new VisitedSet();
  private final ChannelSteps channels;
  /** Projected outcomes of completed executions. */
  final Set<List<Long>> outcomes = new HashSet<>();
  /** Per variable, every value some explored write wrote. */
  final List<Set<Long>> written = new ArrayList<>();
  /** Whether some explored SC state has two conflicting accesses, at least one plain, both next. */
  boolean racy;

  Explorer(Code code, long[][] domain, Budget budget, long spentBefore) {
    this.code = code;
    this.weak = domain != null;
    this.domain = domain;
    this.budget = budget;
    this.spentBefore = spentBefore;
    this.channels = new ChannelSteps(this, code, weak);
    for (int v = 0; v < code.vars(); v++) {
      written.add(new HashSet<>(List.of(code.initial[v])));
    }
  }

  void run() {
    explore(State.initial(code, weak));
  }

  long states() {
    return visited.size();
  }

  void explore(State s) {
    Hasher h = new Hasher();
    s.fingerprint(h);
    if (!visited.add(h.high(), h.low())) {
      return;
    }
    if (spentBefore + visited.size() > budget.maxStates()) {
      throw new RejectedProgramException(
          List.of(
              Problem.error(
                  "too large to decide: explored more than "
                      + budget.maxStates()
                      + " states (raise the budget with Budget.states)",
                  new Problem.Where.Whole())));
    }
    int n = code.goroutines;
    for (int g = 0; g < n; g++) {
      Instr in = next(s, g);
      if (in != null && in.op() == Op.IF) {
        State t = s.copy();
        stepIf(t, g, in);
        explore(t);
        return;
      }
    }
    if (!weak && !racy) {
      racy = hasAdjacentRace(s);
    }
    boolean finished = true;
    boolean enabled = false;
    for (int g = 0; g < n; g++) {
      if (next(s, g) != null) {
        finished = false;
        enabled |= step(s, g);
      }
    }
    if (finished) {
      terminal(s);
    } else if (!enabled) {
      deadlock(s);
    }
  }

  Instr next(State s, int g) {
    Instr[] body = code.instrs[g];
    return s.pc[g] < body.length ? body[s.pc[g]] : null;
  }

  /** Generates and explores every successor of goroutine g's next step; false if it is blocked. */
  private boolean step(State s, int g) {
    Instr in = next(s, g);
    Stmt st = in.stmt();
    switch (in.op()) {
      case STORE -> {
        Stmt.Store x = (Stmt.Store) st;
        State t = advance(s, g);
        write(t, g, in, in.obj(), value(t, g, x.value()),
            x.access() == Access.ATOMIC, taintOf(t, g, x.value()) | ctrl(t, g, in));
        return true;
      }
      case LOAD -> {
        load(s, g, in, (Stmt.Load) st);
        return true;
      }
      case RMW, CAS -> {
        rmw(s, g, in);
        return true;
      }
      case LOCK -> {
        if (s.locked[in.obj()]) {
          return false;
        }
        State t = advance(s, g);
        t.locked[in.obj()] = true;
        if (weak) {
          join(t, g, t.mutexClock[in.obj()]);
        }
        explore(t);
        return true;
      }
      case UNLOCK -> {
        if (!s.locked[in.obj()]) {
          panic(s, in, "unlock of an unlocked mutex");
          return true;
        }
        State t = advance(s, g);
        t.locked[in.obj()] = false;
        if (weak) {
          t.mutexClock[in.obj()] = t.vc[g];
        }
        explore(t);
        return true;
      }
      case SEND -> {
        return channels.send(s, g, in);
      }
      case RECV -> {
        return channels.recv(s, g, in);
      }
      case CLOSE -> {
        ChanState c = s.chans[in.obj()];
        if (c.closed()) {
          panic(s, in, "close of a closed channel");
          return true;
        }
        State t = advance(s, g);
        t.chans[in.obj()] = new ChanState(c.vals(), c.taints(), c.clocks(), c.sends(), c.recvs(),
            true, weak ? t.vc[g] : null, c.recvClocks());
        explore(t);
        return true;
      }
      case DONE -> {
        if (s.wg[in.obj()] == 0) {
          panic(s, in, "negative wait group counter");
          return true;
        }
        State t = advance(s, g);
        t.wg[in.obj()]--;
        if (weak) {
          t.wgClock[in.obj()] = VectorClocks.joined(t.wgClock[in.obj()], t.vc[g]);
        }
        explore(t);
        return true;
      }
      case WAIT -> {
        if (s.wg[in.obj()] != 0) {
          return false;
        }
        State t = advance(s, g);
        if (weak) {
          join(t, g, t.wgClock[in.obj()]);
        }
        explore(t);
        return true;
      }
      case ONCE -> {
        int o = s.once[in.obj()];
        if (o > 0) {
          return false;
        }
        State t = advance(s, g);
        if (o == 0) {
          t.once[in.obj()] = g + 1;
          if (weak) {
            t.ctrl[g * State.LEVELS + in.depth() + 1] = 0;
          }
        } else {
          t.pc[g] = in.next();
          if (weak) {
            join(t, g, t.onceClock[in.obj()]);
          }
        }
        explore(t);
        return true;
      }
      case ONCE_END -> {
        State t = advance(s, g);
        t.once[in.obj()] = -1;
        if (weak) {
          t.onceClock[in.obj()] = t.vc[g];
        }
        explore(t);
        return true;
      }
      default -> throw new IllegalStateException("unexpected " + in.op());
    }
  }

  // ---- memory accesses

  private void load(State s, int g, Instr in, Stmt.Load x) {
    int v = in.obj();
    int dst = g * R + x.dst().index();
    boolean atomic = x.access() == Access.ATOMIC;
    if (!weak || (atomic && !code.plainWrite[v])) {
      State t = advance(s, g);
      t.regs[dst] = t.mem[v];
      if (weak) {
        Write w = t.lastAtomic[v];
        join(t, g, w.vc());
        t.regTaint[dst] = w.taint() | ctrl(t, g, in);
      }
      explore(t);
      return;
    }
    State base = advance(s, g);
    for (Choice c : readChoices(base, g, v, atomic)) {
      State t = base.copy();
      long taint = take(t, g, v, c) | ctrl(t, g, in);
      t.regs[dst] = c.value();
      t.regTaint[dst] = taint;
      explore(t);
    }
  }

  private void rmw(State s, int g, Instr in) {
    int v = in.obj();
    State base = advance(s, g);
    List<Choice> choices;
    if (!weak) {
      choices = List.of(new Choice(s.mem[v], 0, null, false, false));
    } else if (!code.plainWrite[v]) {
      Write w = base.lastAtomic[v];
      choices = List.of(new Choice(w.value(), w.taint(), w, false, false));
    } else {
      choices = readChoices(base, g, v, true);
    }
    for (Choice c : choices) {
      State t = base.copy();
      long taint = weak ? take(t, g, v, c) | ctrl(t, g, in) : 0;
      long old = c.value();
      Long newValue;
      long result;
      Reg dst;
      if (in.stmt() instanceof Stmt.Rmw r) {
        taint |= taintOf(t, g, r.arg());
        long arg = value(t, g, r.arg());
        newValue = r.op() == RmwOp.ADD ? old + arg : arg;
        result = r.op() == RmwOp.ADD ? newValue : old;
        dst = r.dst().orElse(null);
      } else {
        Stmt.Cas cas = (Stmt.Cas) in.stmt();
        taint |= taintOf(t, g, cas.expected()) | taintOf(t, g, cas.replacement());
        boolean swapped = old == value(t, g, cas.expected());
        newValue = swapped ? value(t, g, cas.replacement()) : null;
        result = swapped ? 1 : 0;
        dst = cas.dst().orElse(null);
      }
      if (dst != null) {
        t.regs[g * R + dst.index()] = result;
        if (weak) {
          t.regTaint[g * R + dst.index()] = taint;
        }
      }
      if (newValue != null) {
        write(t, g, in, v, newValue, true, taint);
      } else {
        explore(t);
      }
    }
  }

  /** One value a weak read may return: from an executed write (syncing with it if atomic) or promised. */
  private record Choice(long value, long taint, Write sync, boolean promise, boolean plainOnly) {}

  private List<Choice> readChoices(State t, int g, int v, boolean atomicRead) {
    int[] clock = t.vc[g];
    Write[] ws = t.writes[v];
    List<Choice> out = new ArrayList<>();
    Write latest = t.lastAtomic[v];
    if (atomicRead && latest.atomic() && Writes.visible(latest, ws, clock)) {
      out.add(new Choice(latest.value(), latest.taint(), latest, false, false));
    }
    for (Write w : ws) {
      if ((atomicRead && w.atomic()) || !Writes.visible(w, ws, clock)) {
        continue;
      }
      Choice c = new Choice(w.value(), w.taint(), null, false, false);
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    if (t.nextPromise < MAX_PROMISES) {
      for (long value : domain[v]) {
        boolean covered = false;
        for (Choice c : out) {
          covered |= c.value() == value && c.taint() == 0;
        }
        if (!covered) {
          out.add(new Choice(value, 0, null, true, atomicRead));
        }
      }
    }
    return out;
  }

  /** Applies a read choice to t; returns the taint of the value read. */
  private long take(State t, int g, int v, Choice c) {
    if (c.sync() != null) {
      join(t, g, c.sync().vc());
    }
    if (!c.promise()) {
      return c.taint();
    }
    int id = t.nextPromise++;
    Promise[] ps = Arrays.copyOf(t.promises, t.promises.length + 1);
    ps[ps.length - 1] = new Promise(id, v, c.value(), g, t.vc[g][g], c.plainOnly());
    t.promises = ps;
    return 1L << id;
  }

  private void write(State t, int g, Instr in, int v, long value, boolean atomic, long taint) {
    written.get(v).add(value);
    t.mem[v] = value;
    if (!weak) {
      explore(t);
      return;
    }
    Write w = new Write(value, g, t.vc[g][g], t.vc[g], atomic, taint);
    if (atomic) {
      t.lastAtomic[v] = w;
    }
    if (code.plainAccess[v]) {
      t.writes[v] = pruned(t, Writes.append(t.writes[v], w));
    }
    List<Promise> fulfillable = new ArrayList<>();
    for (Promise p : t.promises) {
      if (p.var() == v && p.value() == value && w.vc()[p.g()] < p.idx()
          && !(p.plainOnly() && atomic)) {
        fulfillable.add(p);
      }
    }
    fulfil(t, w, fulfillable, 0);
  }

  /** Explores every subset of the promises that w fulfils, skipping thin-air cycles. */
  private void fulfil(State t, Write w, List<Promise> candidates, int i) {
    if (i == candidates.size()) {
      explore(t);
      return;
    }
    Promise p = candidates.get(i);
    long deps = closure(t, w.taint());
    if ((deps & (1L << p.id())) == 0) {
      State f = t.copy();
      List<Promise> rest = new ArrayList<>(Arrays.asList(f.promises));
      rest.remove(p);
      f.promises = rest.toArray(new Promise[0]);
      f.fulfilled |= 1L << p.id();
      f.promiseDeps = f.promiseDeps.clone();
      f.promiseDeps[p.id()] = deps;
      fulfil(f, w, candidates, i + 1);
    }
    fulfil(t, w, candidates, i + 1);
  }

  /** Every promised read that taint depends on, through fulfilled promises' own dependencies. */
  private static long closure(State t, long taint) {
    long set = taint;
    long before;
    do {
      before = set;
      long f = set & t.fulfilled;
      while (f != 0) {
        int q = Long.numberOfTrailingZeros(f);
        f &= f - 1;
        set |= t.promiseDeps[q];
      }
    } while (set != before);
    return set;
  }

  private Write[] pruned(State t, Write[] ws) {
    List<Write> keep = new ArrayList<>(ws.length);
    for (Write w : ws) {
      boolean overwritten = false;
      for (Write other : ws) {
        if (other != w && w.hbBefore(other) && hbAllRunning(t, other)) {
          overwritten = true;
          break;
        }
      }
      if (!overwritten) {
        keep.add(w);
      }
    }
    return keep.size() == ws.length ? ws : keep.toArray(new Write[0]);
  }

  private boolean hbAllRunning(State t, Write w) {
    for (int g = 0; g < code.goroutines; g++) {
      if (next(t, g) != null && !w.hbBefore(t.vc[g])) {
        return false;
      }
    }
    return true;
  }

  void setReg(State t, int g, Reg r, long value, long taint) {
    t.regs[g * R + r.index()] = value;
    if (weak) {
      t.regTaint[g * R + r.index()] = taint;
    }
  }

  // ---- control flow, clocks, helpers

  private void stepIf(State t, int g, Instr in) {
    Stmt.If f = (Stmt.If) in.stmt();
    int reg = g * R + f.reg().index();
    if (f.op().test(t.regs[reg], f.value())) {
      t.pc[g]++;
      if (weak) {
        t.ctrl[g * State.LEVELS + in.depth() + 1] = t.regTaint[reg];
      }
    } else {
      t.pc[g] = in.next();
    }
  }

  /** A copy of s where goroutine g has moved past its next instruction as one new event. */
  State advance(State s, int g) {
    State t = s.copy();
    t.pc[g]++;
    if (weak) {
      int[] c = t.vc[g].clone();
      c[g]++;
      t.vc[g] = c;
    }
    return t;
  }

  static void join(State t, int g, int[] other) {
    if (other != null) {
      t.vc[g] = VectorClocks.joined(t.vc[g], other);
    }
  }

  long ctrl(State t, int g, Instr in) {
    if (!weak) {
      return 0;
    }
    long taint = 0;
    for (int d = 1; d <= in.depth(); d++) {
      taint |= t.ctrl[g * State.LEVELS + d];
    }
    return taint;
  }

  static long value(State t, int g, Operand o) {
    return o instanceof Const c ? c.value() : t.regs[g * R + ((Reg) o).index()];
  }

  long taintOf(State t, int g, Operand o) {
    return weak && o instanceof Reg r ? t.regTaint[g * R + r.index()] : 0;
  }

  private boolean hasAdjacentRace(State s) {
    int n = code.goroutines;
    for (int g = 0; g < n; g++) {
      Instr a = next(s, g);
      if (a == null || !isAccess(a)) {
        continue;
      }
      for (int h = g + 1; h < n; h++) {
        Instr b = next(s, h);
        if (b != null && isAccess(b) && a.obj() == b.obj()
            && (writes(s, g, a) || writes(s, h, b)) && (isPlain(a) || isPlain(b))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isAccess(Instr in) {
    return in.op() == Op.STORE || in.op() == Op.LOAD || in.op() == Op.RMW || in.op() == Op.CAS;
  }

  private static boolean isPlain(Instr in) {
    return (in.stmt() instanceof Stmt.Store x && x.access() == Access.PLAIN)
        || (in.stmt() instanceof Stmt.Load l && l.access() == Access.PLAIN);
  }

  private static boolean writes(State s, int g, Instr in) {
    if (in.stmt() instanceof Stmt.Cas c) {
      return s.mem[in.obj()] == value(s, g, c.expected());
    }
    return in.op() != Op.LOAD;
  }

  private void terminal(State s) {
    if (weak && s.promises.length > 0) {
      return;
    }
    int k = code.outcomeLocations.size();
    List<long[]> choices = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int g = code.outcomeGoroutine[i];
      int idx = code.outcomeIndex[i];
      if (g >= 0) {
        choices.add(new long[] {s.regs[g * R + idx]});
      } else if (weak && code.plainWrite[idx]) {
        choices.add(Writes.finalValues(s.writes[idx]));
      } else {
        choices.add(new long[] {s.mem[idx]});
      }
    }
    addProduct(choices, new Long[k], 0);
  }

  private void addProduct(List<long[]> choices, Long[] into, int i) {
    if (i == into.length) {
      outcomes.add(List.of(into));
      return;
    }
    for (long v : choices.get(i)) {
      into[i] = v;
      addProduct(choices, into, i + 1);
    }
  }

  void panic(State s, Instr in, String what) {
    if (weak && s.promises.length > 0) {
      return;
    }
    throw new RejectedProgramException(
        List.of(Problem.error("P" + in.goroutine() + " can panic here: " + what, in.where())));
  }

  private void deadlock(State s) {
    if (weak && s.promises.length > 0) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    for (int g = 0; g < code.goroutines; g++) {
      Instr in = next(s, g);
      if (in != null) {
        problems.add(Problem.error(Stuck.reason(code, s, in), in.where()));
      }
    }
    throw new RejectedProgramException(problems);
  }
}
