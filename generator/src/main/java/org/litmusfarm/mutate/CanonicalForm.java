package org.litmusfarm.mutate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Statements;
import org.litmusfarm.model.Stmt;

/**
 * A text that identifies a program up to renaming of registers and shared objects, the order of
 * goroutines and of declarations, and its name and doc. Registers are renamed per goroutine by
 * first use; goroutines are sorted by their text with objects abstracted to their kind, and
 * goroutines that tie are tried in every order (up to {@value #MAX_ORDERS} orders), objects being
 * renamed by first use; the smallest resulting text wins.
 */
public final class CanonicalForm {
  static final int MAX_ORDERS = 720;

  private CanonicalForm() {}

  /** The canonical text of {@code p}. */
  public static String of(Program p) {
    int n = p.goroutines().size();
    List<Map<Integer, Integer>> regMaps = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      Map<Integer, Integer> regs = new HashMap<>();
      Statements.forEach(p.goroutines().get(g).body(), s -> {
        Statements.read(s).forEach(r -> regs.putIfAbsent(r.index(), regs.size()));
        Statements.assigned(s).forEach(r -> regs.putIfAbsent(r.index(), regs.size()));
      });
      regMaps.add(regs);
      StringBuilder sb = new StringBuilder();
      new Writer(regs, name -> kindKey(p, name), sb).body(p.goroutines().get(g).body());
      keys.add(sb.toString());
    }
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      order.add(g);
    }
    order.sort(Comparator.comparing(keys::get));
    String best = null;
    for (List<Integer> candidate : tiePermutations(order, keys)) {
      String text = render(p, candidate, regMaps);
      if (best == null || text.compareTo(best) < 0) {
        best = text;
      }
    }
    return best;
  }

  /** The lower-case hex SHA-256 of {@link #of(Program)}. */
  public static String hash(Program p) {
    return hashOf(of(p));
  }

  static String hashOf(String form) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(form.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static String render(Program p, List<Integer> order, List<Map<Integer, Integer>> regMaps) {
    Map<String, String> objects = new HashMap<>();
    Function<String, String> rename = name -> objects.computeIfAbsent(name,
        k -> kindKey(p, k) + objects.size());
    StringBuilder sb = new StringBuilder();
    Map<Integer, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      int g = order.get(i);
      position.put(g, i);
      sb.append("G{");
      new Writer(regMaps.get(g), rename, sb).body(p.goroutines().get(g).body());
      sb.append("}");
    }
    StringBuilder cond = new StringBuilder();
    prop(p.exists(), position, regMaps, rename, cond);
    sb.append(" E:").append(cond);
    p.observe().ifPresent(obs -> {
      TreeSet<String> set = new TreeSet<>();
      for (Location l : obs) {
        set.add(location(l, position, regMaps, rename));
      }
      sb.append(" O:").append(set);
    });
    TreeSet<String> decls = new TreeSet<>();
    TreeSet<String> unused = new TreeSet<>();
    for (Decl d : p.decls()) {
      String attrs = declAttrs(d);
      if (objects.containsKey(d.name())) {
        decls.add(objects.get(d.name()) + attrs);
      } else {
        unused.add(kindKey(p, d.name()) + attrs);
      }
    }
    sb.append(" D:").append(decls).append(" U:").append(unused);
    return sb.toString();
  }

  private static String declAttrs(Decl d) {
    if (d instanceof Decl.Var v) {
      return "=" + v.initial();
    } else if (d instanceof Decl.Chan c) {
      return "#" + c.capacity();
    } else if (d instanceof Decl.WaitGroup w) {
      return "#" + w.count();
    }
    return "";
  }

  /** A name-free key of an object: its kind and its attributes. */
  private static String kindKey(Program p, String name) {
    Decl d = p.decl(name).orElse(null);
    if (d instanceof Decl.Var) {
      return "v";
    } else if (d instanceof Decl.Chan) {
      return "c";
    } else if (d instanceof Decl.Mutex) {
      return "m";
    } else if (d instanceof Decl.WaitGroup) {
      return "w";
    } else if (d instanceof Decl.Once) {
      return "o";
    }
    return "?";
  }

  private static List<List<Integer>> tiePermutations(List<Integer> sorted, List<String> keys) {
    List<List<Integer>> groups = new ArrayList<>();
    for (int g : sorted) {
      if (!groups.isEmpty() && keys.get(groups.get(groups.size() - 1).get(0)).equals(keys.get(g))) {
        groups.get(groups.size() - 1).add(g);
      } else {
        List<Integer> group = new ArrayList<>();
        group.add(g);
        groups.add(group);
      }
    }
    List<List<Integer>> result = new ArrayList<>();
    result.add(new ArrayList<>());
    for (List<Integer> group : groups) {
      List<List<Integer>> perms = permutations(group);
      if ((long) result.size() * perms.size() > MAX_ORDERS) {
        perms = List.of(group);
      }
      List<List<Integer>> next = new ArrayList<>();
      for (List<Integer> prefix : result) {
        for (List<Integer> perm : perms) {
          List<Integer> joined = new ArrayList<>(prefix);
          joined.addAll(perm);
          next.add(joined);
        }
      }
      result = next;
    }
    return result;
  }

  private static List<List<Integer>> permutations(List<Integer> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Integer> rest = new ArrayList<>(items);
      int head = rest.remove(i);
      for (List<Integer> tail : permutations(rest)) {
        List<Integer> perm = new ArrayList<>();
        perm.add(head);
        perm.addAll(tail);
        out.add(perm);
      }
    }
    return out;
  }

  private static void prop(Prop p, Map<Integer, Integer> position, List<Map<Integer, Integer>> regMaps,
      Function<String, String> rename, StringBuilder sb) {
    if (p instanceof Prop.Atom a) {
      sb.append(location(a.loc(), position, regMaps, rename)).append(a.op().symbol()).append(a.value());
    } else if (p instanceof Prop.And a) {
      sb.append("(");
      prop(a.left(), position, regMaps, rename, sb);
      sb.append("&&");
      prop(a.right(), position, regMaps, rename, sb);
      sb.append(")");
    } else if (p instanceof Prop.Or o) {
      sb.append("(");
      prop(o.left(), position, regMaps, rename, sb);
      sb.append("||");
      prop(o.right(), position, regMaps, rename, sb);
      sb.append(")");
    } else if (p instanceof Prop.Not n) {
      sb.append("!(");
      prop(n.inner(), position, regMaps, rename, sb);
      sb.append(")");
    }
  }

  private static String location(Location l, Map<Integer, Integer> position, List<Map<Integer, Integer>> regMaps,
      Function<String, String> rename) {
    if (l instanceof Location.RegLoc r) {
      Integer pos = position.get(r.goroutine());
      Integer reg = r.goroutine() < regMaps.size() ? regMaps.get(r.goroutine()).get(r.reg().index()) : null;
      return "P" + pos + ":" + (reg == null ? "?" + r.reg().index() : "r" + reg);
    }
    return rename.apply(((Location.VarLoc) l).name());
  }

  /** Writes statements with renamed registers and objects. */
  private record Writer(Map<Integer, Integer> regs, Function<String, String> obj,
      StringBuilder sb) {
    void body(List<Stmt> stmts) {
      for (Stmt s : stmts) {
        stmt(s);
        sb.append(';');
      }
    }

    private String reg(Reg r) {
      return "r" + regs.get(r.index());
    }

    private String op(Operand o) {
      return o instanceof Const c ? Long.toString(c.value()) : reg((Reg) o);
    }

    private void stmt(Stmt s) {
      if (s instanceof Stmt.Store st) {
        sb.append(st.access() == Access.PLAIN ? "W" : "AW").append(obj.apply(st.var())).append('=').append(op(st.value()));
      } else if (s instanceof Stmt.Load l) {
        sb.append(reg(l.dst())).append(l.access() == Access.PLAIN ? "=R" : "=AR").append(obj.apply(l.var()));
      } else if (s instanceof Stmt.Rmw r) {
        sb.append(r.dst().map(this::reg).orElse("_")).append('=').append(r.op().goName()).append(obj.apply(r.var()))
            .append(',').append(op(r.arg()));
      } else if (s instanceof Stmt.Cas c) {
        sb.append(c.dst().map(this::reg).orElse("_")).append("=CAS").append(obj.apply(c.var())).append(',')
            .append(op(c.expected())).append(',').append(op(c.replacement()));
      } else if (s instanceof Stmt.Lock l) {
        sb.append("L").append(obj.apply(l.mutex()));
      } else if (s instanceof Stmt.Unlock u) {
        sb.append("U").append(obj.apply(u.mutex()));
      } else if (s instanceof Stmt.Send send) {
        sb.append(obj.apply(send.chan())).append("<-").append(op(send.value()));
      } else if (s instanceof Stmt.Recv r) {
        sb.append(r.dst().map(this::reg).orElse("_")).append(',').append(r.ok().map(this::reg).orElse("_"))
            .append("=<-").append(obj.apply(r.chan()));
      } else if (s instanceof Stmt.Close c) {
        sb.append("close ").append(obj.apply(c.chan()));
      } else if (s instanceof Stmt.Done d) {
        sb.append("done ").append(obj.apply(d.waitGroup()));
      } else if (s instanceof Stmt.Wait w) {
        sb.append("wait ").append(obj.apply(w.waitGroup()));
      } else if (s instanceof Stmt.OnceDo o) {
        sb.append("do ").append(obj.apply(o.once())).append('{');
        body(o.body());
        sb.append('}');
      } else if (s instanceof Stmt.If i) {
        sb.append("if ").append(reg(i.reg())).append(i.op().symbol()).append(i.value()).append('{');
        body(i.body());
        sb.append('}');
      }
    }
  }
}
