package org.litmusfarm.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Stmt;

/**
 * A program compiled for exploration: flat instruction arrays per goroutine, shared objects
 * numbered per kind, and what each variable's accesses are (plain or atomic).
 */
final class Code {
  final Program program;
  final Instr[][] instrs;
  final int goroutines;
  final long[] initial;
  final int[] chanCapacity;
  final int mutexes;
  final int[] waitGroupCount;
  final int onces;
  /** Some statement writes the variable with a plain store. */
  final boolean[] plainWrite;
  /** Some statement reads or writes the variable with a plain access. */
  final boolean[] plainAccess;
  /** Outcome locations; for each, a goroutine and register, or -1 and a variable index. */
  final List<Location> outcomeLocations;
  final int[] outcomeGoroutine;
  final int[] outcomeIndex;

  private final Map<String, Integer> index = new HashMap<>();

  Code(Program program) {
    this.program = program;
    List<Long> init = new ArrayList<>();
    List<Integer> caps = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    int m = 0;
    int o = 0;
    for (Decl d : program.decls()) {
      if (d instanceof Decl.Var v) {
        index.put(d.name(), init.size());
        init.add(v.initial());
      } else if (d instanceof Decl.Chan c) {
        index.put(d.name(), caps.size());
        caps.add(c.capacity());
      } else if (d instanceof Decl.Mutex) {
        index.put(d.name(), m++);
      } else if (d instanceof Decl.WaitGroup w) {
        index.put(d.name(), counts.size());
        counts.add(w.count());
      } else {
        index.put(d.name(), o++);
      }
    }
    initial = init.stream().mapToLong(Long::longValue).toArray();
    chanCapacity = caps.stream().mapToInt(Integer::intValue).toArray();
    waitGroupCount = counts.stream().mapToInt(Integer::intValue).toArray();
    mutexes = m;
    onces = o;
    plainWrite = new boolean[initial.length];
    plainAccess = new boolean[initial.length];
    goroutines = program.goroutines().size();
    instrs = new Instr[goroutines][];
    for (int g = 0; g < goroutines; g++) {
      List<Instr> out = new ArrayList<>();
      flatten(g, program.goroutines().get(g).body(), new ArrayList<>(), 0, out);
      instrs[g] = out.toArray(new Instr[0]);
    }
    outcomeLocations = program.outcomeLocations();
    outcomeGoroutine = new int[outcomeLocations.size()];
    outcomeIndex = new int[outcomeLocations.size()];
    for (int i = 0; i < outcomeLocations.size(); i++) {
      if (outcomeLocations.get(i) instanceof Location.RegLoc r) {
        outcomeGoroutine[i] = r.goroutine();
        outcomeIndex[i] = r.reg().index();
      } else {
        outcomeGoroutine[i] = -1;
        outcomeIndex[i] = index.get(((Location.VarLoc) outcomeLocations.get(i)).name());
      }
    }
  }

  int vars() {
    return initial.length;
  }

  private void flatten(int g, List<Stmt> body, List<Integer> prefix, int depth, List<Instr> out) {
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      List<Integer> path = new ArrayList<>(prefix);
      path.add(i);
      if (s instanceof Stmt.If f) {
        int at = out.size();
        out.add(null);
        flatten(g, f.body(), path, depth + 1, out);
        out.set(at, new Instr(Op.IF, s, List.copyOf(path), g, depth, -1, out.size()));
      } else if (s instanceof Stmt.OnceDo d) {
        int at = out.size();
        int once = index.get(d.once());
        out.add(null);
        flatten(g, d.body(), path, depth + 1, out);
        out.add(new Instr(Op.ONCE_END, s, List.copyOf(path), g, depth + 1, once, -1));
        out.set(at, new Instr(Op.ONCE, s, List.copyOf(path), g, depth, once, out.size()));
      } else {
        out.add(new Instr(opOf(s), s, List.copyOf(path), g, depth, objectOf(s), -1));
      }
    }
  }

  private int objectOf(Stmt s) {
    String name = org.litmusfarm.model.Statements.object(s).orElseThrow();
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("'" + name + "' is not declared");
    }
    if (s instanceof Stmt.Store st && st.access() == Access.PLAIN) {
      plainWrite[i] = true;
      plainAccess[i] = true;
    } else if (s instanceof Stmt.Load l && l.access() == Access.PLAIN) {
      plainAccess[i] = true;
    }
    return i;
  }

  private static Op opOf(Stmt s) {
    if (s instanceof Stmt.Store) {
      return Op.STORE;
    } else if (s instanceof Stmt.Load) {
      return Op.LOAD;
    } else if (s instanceof Stmt.Rmw) {
      return Op.RMW;
    } else if (s instanceof Stmt.Cas) {
      return Op.CAS;
    } else if (s instanceof Stmt.Lock) {
      return Op.LOCK;
    } else if (s instanceof Stmt.Unlock) {
      return Op.UNLOCK;
    } else if (s instanceof Stmt.Send) {
      return Op.SEND;
    } else if (s instanceof Stmt.Recv) {
      return Op.RECV;
    } else if (s instanceof Stmt.Close) {
      return Op.CLOSE;
    } else if (s instanceof Stmt.Done) {
      return Op.DONE;
    }
    return Op.WAIT;
  }
}
