package org.litmusfarm.oracle;

import java.util.ArrayList;
import java.util.List;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;

/**
 * Writes catalog programs as {@code .litmus} text (litmus-format.md), so the resource files can be
 * checked against the programs the tests decide until the real printer and parser are merged.
 */
final class LitmusText {
  private LitmusText() {}

  static String print(Program p) {
    StringBuilder b = new StringBuilder();
    b.append("litmus ").append(p.name()).append('\n');
    p.doc().ifPresent(d -> b.append("doc \"").append(d.replace("\\", "\\\\").replace("\"", "\\\""))
        .append("\"\n"));
    List<String> zeroVars = new ArrayList<>();
    for (Decl d : p.decls()) {
      if (d instanceof Decl.Var v && v.initial() == 0) {
        zeroVars.add(v.name());
      }
    }
    if (!zeroVars.isEmpty()) {
      b.append("var ").append(String.join(" ", zeroVars)).append('\n');
    }
    for (Decl d : p.decls()) {
      if (d instanceof Decl.Var v && v.initial() != 0) {
        b.append("var ").append(v.name()).append(" = ").append(v.initial()).append('\n');
      } else if (d instanceof Decl.Chan c) {
        b.append("chan ").append(c.name()).append(c.capacity() > 0 ? " cap " + c.capacity() : "")
            .append('\n');
      } else if (d instanceof Decl.Mutex m) {
        b.append("mutex ").append(m.name()).append('\n');
      } else if (d instanceof Decl.WaitGroup w) {
        b.append("waitgroup ").append(w.name()).append(' ').append(w.count()).append('\n');
      } else if (d instanceof Decl.Once o) {
        b.append("once ").append(o.name()).append('\n');
      }
    }
    for (int g = 0; g < p.goroutines().size(); g++) {
      b.append('P').append(g).append(" {\n");
      body(b, p.goroutines().get(g).body(), "  ");
      b.append("}\n");
    }
    b.append("exists (").append(prop(p.exists(), false)).append(")\n");
    return b.toString();
  }

  private static void body(StringBuilder b, List<Stmt> stmts, String indent) {
    for (Stmt s : stmts) {
      b.append(indent);
      if (s instanceof Stmt.If f) {
        b.append("if ").append(f.reg()).append(' ').append(f.op().symbol()).append(' ')
            .append(f.value()).append(" {\n");
        body(b, f.body(), indent + "  ");
        b.append(indent).append("}\n");
        continue;
      }
      if (s instanceof Stmt.OnceDo o) {
        b.append(o.once()).append(".Do {\n");
        body(b, o.body(), indent + "  ");
        b.append(indent).append("}\n");
        continue;
      }
      b.append(stmt(s)).append('\n');
    }
  }

  private static String stmt(Stmt s) {
    if (s instanceof Stmt.Store x) {
      return x.access() == Access.PLAIN
          ? x.var() + " = " + x.value()
          : "atomic.Store(&" + x.var() + ", " + x.value() + ")";
    } else if (s instanceof Stmt.Load x) {
      return x.dst() + " = " + (x.access() == Access.PLAIN ? x.var() : "atomic.Load(&" + x.var() + ")");
    } else if (s instanceof Stmt.Rmw x) {
      String call = "atomic." + (x.op() == RmwOp.ADD ? "Add" : "Swap") + "(&" + x.var() + ", "
          + x.arg() + ")";
      return x.dst().map(r -> r + " = " + call).orElse(call);
    } else if (s instanceof Stmt.Cas x) {
      String call = "atomic.CompareAndSwap(&" + x.var() + ", " + x.expected() + ", "
          + x.replacement() + ")";
      return x.dst().map(r -> r + " = " + call).orElse(call);
    } else if (s instanceof Stmt.Lock x) {
      return x.mutex() + ".Lock()";
    } else if (s instanceof Stmt.Unlock x) {
      return x.mutex() + ".Unlock()";
    } else if (s instanceof Stmt.Send x) {
      return x.chan() + " <- " + x.value();
    } else if (s instanceof Stmt.Recv x) {
      String lhs = x.dst().map(r -> r + x.ok().map(ok -> ", " + ok).orElse("") + " = ").orElse("");
      return lhs + "<-" + x.chan();
    } else if (s instanceof Stmt.Close x) {
      return "close(" + x.chan() + ")";
    } else if (s instanceof Stmt.Done x) {
      return x.waitGroup() + ".Done()";
    } else if (s instanceof Stmt.Wait x) {
      return x.waitGroup() + ".Wait()";
    }
    throw new IllegalArgumentException("unexpected statement " + s);
  }

  private static String prop(Prop p, boolean insideAnd) {
    if (p instanceof Prop.Atom a) {
      return a.loc() + " " + a.op().symbol() + " " + a.value();
    } else if (p instanceof Prop.And a) {
      return prop(a.left(), true) + " && " + prop(a.right(), true);
    } else if (p instanceof Prop.Or o) {
      String text = prop(o.left(), false) + " || " + prop(o.right(), false);
      return insideAnd ? "(" + text + ")" : text;
    }
    return "!(" + prop(((Prop.Not) p).inner(), false) + ")";
  }
}
