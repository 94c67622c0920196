package org.litmusfarm.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Names;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;

/**
 * A seeded generator of valid programs (they pass the validator, warnings aside) that uses every
 * declaration, statement, block, observe and condition form, with edge-case names and values. It
 * records which forms it produced so a test can check the coverage.
 */
final class RandomPrograms {
  private static final String NAME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-";
  private static final String IDENT_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
  private static final String IDENT_PART = IDENT_START + "0123456789";
  private static final String[] TRICKY_NAMES = {
    "P1", "P0", "r16", "r99", "R1", "Lock", "Do", "Wait", "x", "_", "__", "cap_", "exists_", "Atomic",
    "atomics", "doc2", "observe_", "a".repeat(32)
  };
  private static final String[] DOC_PIECES = {
    "a", " ", "\"", "\\", "#", "//", "é", "🙂", "\t", "exists (x == 1)", "\\\"", "}", "{"
  };
  private static final long[] EDGE_VALUES = {
    0, 1, -1, 2, Long.MAX_VALUE, Long.MIN_VALUE, 42, -7, 1_000_000_007L
  };

  private final Random rnd;
  private final Set<String> seen = new TreeSet<>();
  private List<String> vars;
  private List<String> chans;
  private List<String> mutexes;
  private List<String> waitGroups;
  private List<String> onces;

  RandomPrograms(long seed) {
    this.rnd = new Random(seed);
  }

  /** The forms generated so far, e.g. {@code stmt:Recv:ok} or {@code prop:Not}. */
  Set<String> formsSeen() {
    return seen;
  }

  Program next() {
    List<Decl> decls = decls();
    int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? Limits.MAX_GOROUTINES : 3);
    List<Goroutine> gs = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      int budget = rnd.nextInt(10) == 0 ? Limits.MAX_STATEMENTS : 1 + rnd.nextInt(8);
      gs.add(new Goroutine(body(new int[] {budget}, 0)));
    }
    List<Location> locations = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      Program probe = new Program("p", Optional.empty(), decls, gs, Optional.empty(), atom(new Location.VarLoc(vars.get(0))));
      for (int r : probe.assignedRegisters(g)) {
        locations.add(new Location.RegLoc(g, new Reg(r)));
      }
    }
    vars.forEach(v -> locations.add(new Location.VarLoc(v)));
    Optional<List<Location>> observe = Optional.empty();
    List<Location> usable = locations;
    if (rnd.nextInt(3) == 0) {
      List<Location> chosen = new ArrayList<>(locations);
      Collections.shuffle(chosen, rnd);
      chosen = chosen.subList(0, 1 + rnd.nextInt(chosen.size()));
      observe = Optional.of(List.copyOf(chosen));
      usable = chosen;
      seen.add("observe");
    }
    Optional<String> doc = Optional.empty();
    if (rnd.nextBoolean()) {
      StringBuilder d = new StringBuilder();
      int len = rnd.nextInt(12);
      for (int i = 0; i < len; i++) {
        d.append(DOC_PIECES[rnd.nextInt(DOC_PIECES.length)]);
      }
      doc = Optional.of(d.toString());
      seen.add("doc");
    }
    return new Program(testName(), doc, decls, gs, observe, prop(usable, 4));
  }

  private String testName() {
    int len = rnd.nextInt(20) == 0 ? 100 : 1 + rnd.nextInt(12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < len; i++) {
      b.append(NAME_CHARS.charAt(rnd.nextInt(NAME_CHARS.length())));
    }
    return b.toString();
  }

  private List<Decl> decls() {
    vars = new ArrayList<>();
    chans = new ArrayList<>();
    mutexes = new ArrayList<>();
    waitGroups = new ArrayList<>();
    onces = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int n = 1 + rnd.nextInt(rnd.nextInt(5) == 0 ? Limits.MAX_SHARED : 8);
    List<Decl> decls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = identifier(used);
      int kind = i == 0 ? 0 : rnd.nextInt(6);
      Decl d =
          switch (kind) {
            case 0, 1 -> {
              vars.add(name);
              boolean zero = rnd.nextInt(3) != 0;
              seen.add(zero ? "decl:var" : "decl:var=");
              yield new Decl.Var(name, zero ? 0 : value());
            }
            case 2 -> {
              chans.add(name);
              int cap = rnd.nextBoolean() ? 0 : rnd.nextInt(Limits.MAX_CHANNEL_CAPACITY + 1);
              seen.add(cap == 0 ? "decl:chan" : "decl:chan cap");
              yield new Decl.Chan(name, cap);
            }
            case 3 -> {
              mutexes.add(name);
              seen.add("decl:mutex");
              yield new Decl.Mutex(name);
            }
            case 4 -> {
              waitGroups.add(name);
              seen.add("decl:waitgroup");
              yield new Decl.WaitGroup(name, rnd.nextInt(Limits.MAX_WAITGROUP_COUNT + 1));
            }
            default -> {
              onces.add(name);
              seen.add("decl:once");
              yield new Decl.Once(name);
            }
          };
      decls.add(d);
    }
    return decls;
  }

  private String identifier(Set<String> used) {
    while (true) {
      String name;
      if (rnd.nextInt(4) == 0) {
        name = TRICKY_NAMES[rnd.nextInt(TRICKY_NAMES.length)];
      } else {
        int len = 1 + (rnd.nextInt(10) == 0 ? rnd.nextInt(32) : rnd.nextInt(4));
        StringBuilder b = new StringBuilder();
        b.append(IDENT_START.charAt(rnd.nextInt(IDENT_START.length())));
        for (int i = 1; i < len; i++) {
          b.append(IDENT_PART.charAt(rnd.nextInt(IDENT_PART.length())));
        }
        name = b.toString();
      }
      if (Names.identifierProblem(name) == null && used.add(name)) {
        return name;
      }
    }
  }

  private List<Stmt> body(int[] budget, int depth) {
    List<Stmt> body = new ArrayList<>();
    int len = depth == 0 ? budget[0] : rnd.nextInt(4);
    for (int i = 0; i < len && budget[0] > 0; i++) {
      budget[0]--;
      body.add(stmt(budget, depth));
    }
    return body;
  }

  private Stmt stmt(int[] budget, int depth) {
    while (true) {
      int form = rnd.nextInt(16);
      Stmt s = form(form, budget, depth);
      if (s != null) {
        return s;
      }
    }
  }

  private Stmt form(int form, int[] budget, int depth) {
    switch (form) {
      case 0 -> {
        Operand v = operand();
        Access a = access();
        seen.add("stmt:Store:" + a + ":" + v.getClass().getSimpleName());
        return new Stmt.Store(a, pick(vars), v);
      }
      case 1 -> {
        Access a = access();
        seen.add("stmt:Load:" + a);
        return new Stmt.Load(a, reg(), pick(vars));
      }
      case 2 -> {
        RmwOp op = rnd.nextBoolean() ? RmwOp.ADD : RmwOp.SWAP;
        Optional<Reg> dst = maybeReg();
        Operand v = operand();
        seen.add("stmt:Rmw:" + op + ":" + dst.isPresent() + ":" + v.getClass().getSimpleName());
        return new Stmt.Rmw(op, dst, pick(vars), v);
      }
      case 3 -> {
        Optional<Reg> dst = maybeReg();
        seen.add("stmt:Cas:" + dst.isPresent());
        return new Stmt.Cas(dst, pick(vars), operand(), operand());
      }
      case 4 -> {
        return mutexes.isEmpty() ? null : mark("stmt:Lock", new Stmt.Lock(pick(mutexes)));
      }
      case 5 -> {
        return mutexes.isEmpty() ? null : mark("stmt:Unlock", new Stmt.Unlock(pick(mutexes)));
      }
      case 6 -> {
        if (chans.isEmpty()) {
          return null;
        }
        Operand v = operand();
        seen.add("stmt:Send:" + v.getClass().getSimpleName());
        return new Stmt.Send(pick(chans), v);
      }
      case 7 -> {
        if (chans.isEmpty()) {
          return null;
        }
        int shape = rnd.nextInt(3);
        Optional<Reg> dst = shape == 0 ? Optional.empty() : Optional.of(reg());
        Optional<Reg> ok = Optional.empty();
        if (shape == 2) {
          Reg o = reg();
          ok = Optional.of(o.equals(dst.get()) ? new Reg((o.index() + 1) % Limits.REGISTERS) : o);
        }
        seen.add("stmt:Recv:" + shape);
        return new Stmt.Recv(pick(chans), dst, ok);
      }
      case 8 -> {
        return chans.isEmpty() ? null : mark("stmt:Close", new Stmt.Close(pick(chans)));
      }
      case 9 -> {
        return waitGroups.isEmpty() ? null : mark("stmt:Done", new Stmt.Done(pick(waitGroups)));
      }
      case 10 -> {
        return waitGroups.isEmpty() ? null : mark("stmt:Wait", new Stmt.Wait(pick(waitGroups)));
      }
      case 11, 12 -> {
        if (onces.isEmpty() || depth >= Limits.MAX_BLOCK_DEPTH) {
          return null;
        }
        seen.add("stmt:OnceDo:depth" + depth);
        return new Stmt.OnceDo(pick(onces), body(budget, depth + 1));
      }
      default -> {
        if (depth >= Limits.MAX_BLOCK_DEPTH) {
          return null;
        }
        CmpOp op = rnd.nextBoolean() ? CmpOp.EQ : CmpOp.NE;
        seen.add("stmt:If:" + op + ":depth" + depth);
        return new Stmt.If(reg(), op, value(), body(budget, depth + 1));
      }
    }
  }

  private Stmt mark(String form, Stmt s) {
    seen.add(form);
    return s;
  }

  private Prop prop(List<Location> locations, int depth) {
    int kind = depth == 0 ? 0 : rnd.nextInt(5);
    switch (kind) {
      case 1 -> {
        seen.add("prop:And");
        return new Prop.And(prop(locations, depth - 1), prop(locations, depth - 1));
      }
      case 2 -> {
        seen.add("prop:Or");
        return new Prop.Or(prop(locations, depth - 1), prop(locations, depth - 1));
      }
      case 3 -> {
        seen.add("prop:Not");
        return new Prop.Not(prop(locations, depth - 1));
      }
      default -> {
        Location l = pick(locations);
        seen.add("prop:Atom:" + l.getClass().getSimpleName());
        return atom(l);
      }
    }
  }

  private Prop atom(Location l) {
    return new Prop.Atom(l, rnd.nextBoolean() ? CmpOp.EQ : CmpOp.NE, value());
  }

  private Access access() {
    return rnd.nextBoolean() ? Access.PLAIN : Access.ATOMIC;
  }

  private Operand operand() {
    return rnd.nextBoolean() ? new Const(value()) : reg();
  }

  private Optional<Reg> maybeReg() {
    return rnd.nextInt(3) == 0 ? Optional.empty() : Optional.of(reg());
  }

  private Reg reg() {
    return new Reg(rnd.nextInt(4) == 0 ? rnd.nextInt(Limits.REGISTERS) : rnd.nextInt(3));
  }

  private long value() {
    return rnd.nextInt(3) == 0 ? EDGE_VALUES[rnd.nextInt(EDGE_VALUES.length)] : rnd.nextLong();
  }

  private <T> T pick(List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }
}
