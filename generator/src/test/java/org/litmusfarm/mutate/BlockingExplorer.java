package org.litmusfarm.mutate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;

/**
 * Test stand-in for the oracle's deadlock and panic check: explores every sequentially consistent
 * interleaving (with a state budget) and reports whether some execution blocks forever or panics.
 * Only SC interleavings are explored: a weak read could steer an {@code if} differently, which
 * this stand-in does not cover (the oracle does). Programs over budget count as unsafe.
 */
public final class BlockingExplorer {
  /** What the exploration found. */
  public enum Result { SAFE, DEADLOCK, PANIC, TOO_BIG }

  private static final int ACCESS = 0, LOCK = 1, UNLOCK = 2, SEND = 3, RECV = 4, CLOSE = 5, DONE = 6,
      WAIT = 7, IF = 8, ONCE_BEGIN = 9, ONCE_END = 10;

  private record Insn(int kind, Stmt stmt, int object, int jump) {}

  private final Program p;
  private final List<List<Insn>> code = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final int[] capacity;
  private final int maxStates;
  private final int n;
  private final int objects;
  // state layout: pcs[n] | regs[n*16] | objects (var value / mutex flag / wg counter / once state / chan closed)
  //               | chan buffers (len + cap slots each)
  private final int regBase;
  private final int objBase;
  private final int[] chanBase;
  private final int size;

  private BlockingExplorer(Program p, int maxStates) {
    this.p = p;
    this.maxStates = maxStates;
    this.n = p.goroutines().size();
    this.objects = p.decls().size();
    this.capacity = new int[objects];
    this.chanBase = new int[objects];
    for (int i = 0; i < objects; i++) {
      index.put(p.decls().get(i).name(), i);
    }
    regBase = n;
    objBase = regBase + n * 16;
    int next = objBase + objects;
    for (int i = 0; i < objects; i++) {
      if (p.decls().get(i) instanceof Decl.Chan c) {
        capacity[i] = c.capacity();
        chanBase[i] = next;
        next += 1 + c.capacity();
      }
    }
    size = next;
    for (var g : p.goroutines()) {
      List<Insn> insns = new ArrayList<>();
      compile(g.body(), insns);
      code.add(insns);
    }
  }

  /** Explores {@code p} with a budget of {@code maxStates} distinct states. */
  public static Result explore(Program p, int maxStates) {
    return new BlockingExplorer(p, maxStates).run();
  }

  /** Whether no execution of {@code p} blocks or panics, within a budget of 100,000 states. */
  public static boolean safe(Program p) {
    return explore(p, 100_000) == Result.SAFE;
  }

  private void compile(List<Stmt> body, List<Insn> out) {
    for (Stmt s : body) {
      if (s instanceof Stmt.If i) {
        int at = out.size();
        out.add(null);
        compile(i.body(), out);
        out.set(at, new Insn(IF, s, -1, out.size()));
      } else if (s instanceof Stmt.OnceDo o) {
        int at = out.size();
        out.add(null);
        compile(o.body(), out);
        out.add(new Insn(ONCE_END, s, index.get(o.once()), -1));
        out.set(at, new Insn(ONCE_BEGIN, s, index.get(o.once()), out.size()));
      } else {
        int kind = s instanceof Stmt.Lock ? LOCK : s instanceof Stmt.Unlock ? UNLOCK : s instanceof Stmt.Send ? SEND
            : s instanceof Stmt.Recv ? RECV : s instanceof Stmt.Close ? CLOSE : s instanceof Stmt.Done ? DONE
            : s instanceof Stmt.Wait ? WAIT : ACCESS;
        String obj = org.litmusfarm.model.Statements.object(s).orElseThrow();
        out.add(new Insn(kind, s, index.get(obj), -1));
      }
    }
  }

  private long[] initial() {
    long[] s = new long[size];
    for (int i = 0; i < objects; i++) {
      Decl d = p.decls().get(i);
      if (d instanceof Decl.Var v) {
        s[objBase + i] = v.initial();
      } else if (d instanceof Decl.WaitGroup w) {
        s[objBase + i] = w.count();
      }
    }
    return s;
  }

  private Result run() {
    Set<Key> seen = new HashSet<>();
    Deque<long[]> todo = new ArrayDeque<>();
    long[] start = initial();
    seen.add(new Key(start));
    todo.push(start);
    while (!todo.isEmpty()) {
      long[] s = todo.pop();
      boolean finished = true;
      boolean moved = false;
      for (int g = 0; g < n; g++) {
        if (s[g] >= code.get(g).size()) {
          continue;
        }
        finished = false;
        for (int partner : partners(g, s)) {
          long[] next = s.clone();
          int r = step(g, partner, next);
          if (r == 2) {
            return Result.PANIC;
          }
          if (r == 1) {
            moved = true;
            if (seen.add(new Key(next))) {
              if (seen.size() > maxStates) {
                return Result.TOO_BIG;
              }
              todo.push(next);
            }
          }
        }
      }
      if (!finished && !moved) {
        return Result.DEADLOCK;
      }
    }
    return Result.SAFE;
  }

  /** Receivers an unbuffered send of g could meet ({@code -1} alone: no partner needed or none). */
  private int[] partners(int g, long[] s) {
    Insn in = code.get(g).get((int) s[g]);
    if (in.kind() != SEND || capacity[in.object()] != 0 || s[objBase + in.object()] != 0) {
      return new int[] {-1};
    }
    int[] found = new int[n];
    int k = 0;
    for (int h = 0; h < n; h++) {
      if (h != g && s[h] < code.get(h).size()) {
        Insn other = code.get(h).get((int) s[h]);
        if (other.kind() == RECV && other.object() == in.object()) {
          found[k++] = h;
        }
      }
    }
    return k == 0 ? new int[] {-1} : Arrays.copyOf(found, k);
  }

  private long val(long[] s, int g, Operand o) {
    return o instanceof Const c ? c.value() : s[regBase + g * 16 + ((Reg) o).index()];
  }

  private void set(long[] s, int g, Reg r, long v) {
    s[regBase + g * 16 + r.index()] = v;
  }

  /** Performs goroutine g's next step on s: 0 blocked, 1 moved, 2 panicked. */
  private int step(int g, int partner, long[] s) {
    Insn in = code.get(g).get((int) s[g]);
    int o = in.object();
    int obj = objBase + o;
    switch (in.kind()) {
      case ACCESS -> access(g, s, in.stmt(), obj);
      case LOCK -> {
        if (s[obj] != 0) {
          return 0;
        }
        s[obj] = 1;
      }
      case UNLOCK -> {
        if (s[obj] == 0) {
          return 2;
        }
        s[obj] = 0;
      }
      case SEND -> {
        if (s[obj] != 0) {
          return 2;
        }
        long v = val(s, g, ((Stmt.Send) in.stmt()).value());
        if (capacity[o] == 0) {
          int h = partner;
          if (h < 0) {
            return 0;
          }
          Stmt.Recv recv = (Stmt.Recv) code.get(h).get((int) s[h]).stmt();
          recv.dst().ifPresent(r -> set(s, h, r, v));
          recv.ok().ifPresent(r -> set(s, h, r, 1));
          s[h]++;
          s[g]++;
          return 1;
        }
        int base = chanBase[o];
        if (s[base] >= capacity[o]) {
          return 0;
        }
        s[base + 1 + (int) s[base]] = v;
        s[base]++;
      }
      case RECV -> {
        Stmt.Recv recv = (Stmt.Recv) in.stmt();
        long v;
        long ok;
        int base = chanBase[o];
        if (capacity[o] > 0 && s[base] > 0) {
          v = s[base + 1];
          for (int i = 1; i < s[base]; i++) {
            s[base + i] = s[base + i + 1];
          }
          s[base + (int) s[base]] = 0;
          s[base]--;
          ok = 1;
        } else if (s[obj] != 0) {
          v = 0;
          ok = 0;
        } else {
          return 0;
        }
        long value = v;
        long received = ok;
        recv.dst().ifPresent(r -> set(s, g, r, value));
        recv.ok().ifPresent(r -> set(s, g, r, received));
      }
      case CLOSE -> {
        if (s[obj] != 0) {
          return 2;
        }
        s[obj] = 1;
      }
      case DONE -> {
        if (s[obj] == 0) {
          return 2;
        }
        s[obj]--;
      }
      case WAIT -> {
        if (s[obj] != 0) {
          return 0;
        }
      }
      case IF -> {
        Stmt.If i = (Stmt.If) in.stmt();
        if (!i.op().test(s[regBase + g * 16 + i.reg().index()], i.value())) {
          s[g] = in.jump();
          return 1;
        }
      }
      case ONCE_BEGIN -> {
        if (s[obj] == 2) {
          s[g] = in.jump();
          return 1;
        }
        if (s[obj] == 1) {
          return 0;
        }
        s[obj] = 1;
      }
      case ONCE_END -> s[obj] = 2;
      default -> throw new IllegalStateException("unknown instruction");
    }
    s[g]++;
    return 1;
  }

  private void access(int g, long[] s, Stmt st, int obj) {
    if (st instanceof Stmt.Store x) {
      s[obj] = val(s, g, x.value());
    } else if (st instanceof Stmt.Load x) {
      set(s, g, x.dst(), s[obj]);
    } else if (st instanceof Stmt.Rmw x) {
      long old = s[obj];
      long arg = val(s, g, x.arg());
      s[obj] = x.op() == RmwOp.ADD ? old + arg : arg;
      x.dst().ifPresent(r -> set(s, g, r, x.op() == RmwOp.ADD ? old + arg : old));
    } else if (st instanceof Stmt.Cas x) {
      boolean swapped = s[obj] == val(s, g, x.expected());
      if (swapped) {
        s[obj] = val(s, g, x.replacement());
      }
      x.dst().ifPresent(r -> set(s, g, r, swapped ? 1 : 0));
    }
  }

  private record Key(long[] state) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(state, k.state);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(state);
    }
  }
}
