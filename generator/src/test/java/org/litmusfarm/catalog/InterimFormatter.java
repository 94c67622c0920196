package org.litmusfarm.catalog;

import java.util.ArrayList;
import java.util.List;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Stmt;

/**
 * Prints a model program as {@code .litmus} text. TO BE REPLACED by org.litmusfarm.text.Printer
 * once the text package is merged: switch {@link CatalogFilesTest} to the printer, rerun it with
 * {@code -Dcatalog.write=true}, and delete this class.
 */
final class InterimFormatter {
  private final StringBuilder sb = new StringBuilder();

  private InterimFormatter() {}

  static String print(Program p) {
    InterimFormatter f = new InterimFormatter();
    f.program(p);
    return f.sb.toString();
  }

  private void program(Program p) {
    sb.append("litmus ").append(p.name()).append('\n');
    p.doc().ifPresent(d -> sb.append("doc \"").append(d.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
    sb.append('\n');
    List<String> zeroVars = new ArrayList<>();
    for (Decl d : p.decls()) {
      if (d instanceof Decl.Var v && v.initial() == 0) {
        zeroVars.add(v.name());
      }
    }
    if (!zeroVars.isEmpty()) {
      sb.append("var ").append(String.join(" ", zeroVars)).append('\n');
    }
    for (Decl d : p.decls()) {
      if (d instanceof Decl.Var v && v.initial() != 0) {
        sb.append("var ").append(v.name()).append(" = ").append(v.initial()).append('\n');
      } else if (d instanceof Decl.Chan c) {
        sb.append("chan ").append(c.name()).append(c.capacity() == 0 ? "" : " cap " + c.capacity()).append('\n');
      } else if (d instanceof Decl.Mutex m) {
        sb.append("mutex ").append(m.name()).append('\n');
      } else if (d instanceof Decl.WaitGroup w) {
        sb.append("waitgroup ").append(w.name()).append(' ').append(w.count()).append('\n');
      } else if (d instanceof Decl.Once o) {
        sb.append("once ").append(o.name()).append('\n');
      }
    }
    for (int g = 0; g < p.goroutines().size(); g++) {
      sb.append("\nP").append(g).append(" {\n");
      body(p.goroutines().get(g).body(), "  ");
      sb.append("}\n");
    }
    sb.append("\nexists (").append(prop(p.exists(), 0)).append(")\n");
  }

  private void body(List<Stmt> stmts, String indent) {
    for (Stmt s : stmts) {
      sb.append(indent);
      if (s instanceof Stmt.If i) {
        sb.append("if ").append(i.reg()).append(' ').append(i.op().symbol()).append(' ').append(i.value()).append(" {\n");
        body(i.body(), indent + "  ");
        sb.append(indent).append("}\n");
      } else if (s instanceof Stmt.OnceDo o) {
        sb.append(o.once()).append(".Do {\n");
        body(o.body(), indent + "  ");
        sb.append(indent).append("}\n");
      } else {
        sb.append(simple(s)).append('\n');
      }
    }
  }

  private static String simple(Stmt s) {
    if (s instanceof Stmt.Store st) {
      return st.access() == Access.PLAIN
          ? st.var() + " = " + st.value()
          : "atomic.Store(&" + st.var() + ", " + st.value() + ")";
    } else if (s instanceof Stmt.Load l) {
      return l.dst() + " = " + (l.access() == Access.PLAIN ? l.var() : "atomic.Load(&" + l.var() + ")");
    } else if (s instanceof Stmt.Rmw r) {
      return r.dst().map(d -> d + " = ").orElse("") + "atomic." + r.op().goName() + "(&" + r.var() + ", " + r.arg() + ")";
    } else if (s instanceof Stmt.Cas c) {
      return c.dst().map(d -> d + " = ").orElse("")
          + "atomic.CompareAndSwap(&" + c.var() + ", " + c.expected() + ", " + c.replacement() + ")";
    } else if (s instanceof Stmt.Lock l) {
      return l.mutex() + ".Lock()";
    } else if (s instanceof Stmt.Unlock u) {
      return u.mutex() + ".Unlock()";
    } else if (s instanceof Stmt.Send send) {
      return send.chan() + " <- " + send.value();
    } else if (s instanceof Stmt.Recv r) {
      String lhs = r.dst().map(d -> d + r.ok().map(ok -> ", " + ok).orElse("") + " = ").orElse("");
      return lhs + "<-" + r.chan();
    } else if (s instanceof Stmt.Close c) {
      return "close(" + c.chan() + ")";
    } else if (s instanceof Stmt.Done d) {
      return d.waitGroup() + ".Done()";
    } else if (s instanceof Stmt.Wait w) {
      return w.waitGroup() + ".Wait()";
    }
    throw new IllegalArgumentException("unknown statement " + s);
  }

  /** Precedence: 0 for ||, 1 for &&, 2 for atoms and negation. */
  private static String prop(Prop p, int context) {
    if (p instanceof Prop.Atom a) {
      return a.loc() + " " + a.op().symbol() + " " + a.value();
    } else if (p instanceof Prop.Not n) {
      return "!(" + prop(n.inner(), 0) + ")";
    } else if (p instanceof Prop.And a) {
      String s = prop(a.left(), 1) + " && " + prop(a.right(), 2);
      return context > 1 ? "(" + s + ")" : s;
    }
    Prop.Or o = (Prop.Or) p;
    String s = prop(o.left(), 0) + " || " + prop(o.right(), 1);
    return context > 0 ? "(" + s + ")" : s;
  }
}
