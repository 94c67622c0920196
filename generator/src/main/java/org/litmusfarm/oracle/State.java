package org.litmusfarm.oracle;

import java.util.Arrays;
import org.litmusfarm.model.Limits;

/**
 * One state of the explorer. Copies are shallow for the parts that are replaced rather than
 * mutated (vector clocks, write lists, channel states, promise lists); the weak-pass fields are
 * null in the SC pass.
 */
final class State {
  static final int LEVELS = Limits.MAX_BLOCK_DEPTH + 2;

  int[] pc;
  long[] regs;
  long[] mem;
  boolean[] locked;
  ChanState[] chans;
  int[] wg;
  /** 0: not run; g+1: running in goroutine g; -1: done. */
  int[] once;

  long[] regTaint;
  long[] ctrl;
  int[][] vc;
  Write[][] writes;
  Write[] lastAtomic;
  int[][] mutexClock;
  int[][] wgClock;
  int[][] onceClock;
  Promise[] promises;
  long[] promiseDeps;
  long fulfilled;
  int nextPromise;

  static State initial(Code code, boolean weak) {
    State s = new State();
    int n = code.goroutines;
    s.pc = new int[n];
    s.regs = new long[n * Limits.REGISTERS];
    s.mem = code.initial.clone();
    s.locked = new boolean[code.mutexes];
    s.chans = new ChanState[code.chanCapacity.length];
    Arrays.fill(s.chans, ChanState.EMPTY);
    s.wg = code.waitGroupCount.clone();
    s.once = new int[code.onces];
    if (weak) {
      s.regTaint = new long[n * Limits.REGISTERS];
      s.ctrl = new long[n * LEVELS];
      s.vc = new int[n][];
      for (int g = 0; g < n; g++) {
        s.vc[g] = new int[n];
      }
      s.writes = new Write[code.vars()][];
      s.lastAtomic = new Write[code.vars()];
      for (int v = 0; v < code.vars(); v++) {
        s.lastAtomic[v] = Write.initial(code.initial[v]);
        s.writes[v] = new Write[] {s.lastAtomic[v]};
      }
      s.mutexClock = new int[code.mutexes][];
      s.wgClock = new int[code.waitGroupCount.length][];
      s.onceClock = new int[code.onces][];
      s.promises = new Promise[0];
      s.promiseDeps = new long[64];
    }
    return s;
  }

  boolean weak() {
    return vc != null;
  }

  State copy() {
    State s = new State();
    s.pc = pc.clone();
    s.regs = regs.clone();
    s.mem = mem.clone();
    s.locked = locked.clone();
    s.chans = chans.clone();
    s.wg = wg.clone();
    s.once = once.clone();
    if (weak()) {
      s.regTaint = regTaint.clone();
      s.ctrl = ctrl.clone();
      s.vc = vc.clone();
      s.writes = writes.clone();
      s.lastAtomic = lastAtomic.clone();
      s.mutexClock = mutexClock.clone();
      s.wgClock = wgClock.clone();
      s.onceClock = onceClock.clone();
      s.promises = promises;
      s.promiseDeps = promiseDeps;
      s.fulfilled = fulfilled;
      s.nextPromise = nextPromise;
    }
    return s;
  }

  void fingerprint(Hasher h) {
    h.add(pc).add(regs).add(mem).add(wg).add(once);
    for (boolean b : locked) {
      h.add(b ? 1 : 0);
    }
    for (ChanState c : chans) {
      c.hash(h);
    }
    if (!weak()) {
      return;
    }
    h.add(regTaint).add(ctrl).add(fulfilled).add(nextPromise).add(promiseDeps);
    for (int[] c : vc) {
      h.add(c);
    }
    for (Write[] ws : writes) {
      h.add(ws.length);
      for (Write w : ws) {
        w.hash(h);
      }
    }
    for (Write w : lastAtomic) {
      w.hash(h);
    }
    for (int[][] clocks : new int[][][] {mutexClock, wgClock, onceClock}) {
      for (int[] c : clocks) {
        h.add(c);
      }
    }
    h.add(promises.length);
    for (Promise p : promises) {
      p.hash(h);
    }
  }
}
