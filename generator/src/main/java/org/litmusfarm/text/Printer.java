package org.litmusfarm.text;

import java.util.List;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.Stmt;

/** Prints a program as canonical {@code .litmus} text: {@code print(parse(t))} is a fixed point. */
public final class Printer {
  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder(512);

  private Printer() {}

  /**
   * The canonical text of {@code program}, ending with a newline: sections separated by one blank
   * line, two-space indentation, runs of zero-initialised variables on one {@code var} line, and
   * the fewest parentheses in {@code exists} that reproduce its tree.
   *
   * @throws IllegalArgumentException if the doc holds a line break or control character, which
   *     the format cannot express
   */
  public static String print(Program program) {
    Printer p = new Printer();
    p.program(program);
    return p.out.toString();
  }

  private void program(Program p) {
    out.append("litmus ").append(p.name()).append('\n');
    p.doc().ifPresent(this::doc);
    if (!p.decls().isEmpty()) {
      out.append('\n');
      decls(p.decls());
    }
    List<Goroutine> gs = p.goroutines();
    for (int g = 0; g < gs.size(); g++) {
      out.append("\nP").append(g).append(" {\n");
      body(gs.get(g).body(), 1);
      out.append("}\n");
    }
    out.append('\n');
    p.observe().ifPresent(this::observe);
    out.append("exists (");
    prop(p.exists());
    out.append(")\n");
  }

  private void doc(String text) {
    out.append("doc \"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      } else if (Character.isISOControl(c) && c != '\t') {
        throw new IllegalArgumentException(
            String.format("doc holds control character U+%04X, which .litmus cannot express", (int) c));
      }
      out.append(c);
    }
    out.append("\"\n");
  }

  private void decls(List<Decl> decls) {
    boolean inVarRun = false;
    for (Decl d : decls) {
      boolean zeroVar = d instanceof Decl.Var v && v.initial() == 0;
      if (zeroVar && inVarRun) {
        out.setLength(out.length() - 1);
        out.append(' ').append(d.name()).append('\n');
        continue;
      }
      inVarRun = zeroVar;
      if (d instanceof Decl.Var v) {
        out.append("var ").append(v.name());
        if (v.initial() != 0) {
          out.append(" = ").append(v.initial());
        }
      } else if (d instanceof Decl.Chan c) {
        out.append("chan ").append(c.name());
        if (c.capacity() != 0) {
          out.append(" cap ").append(c.capacity());
        }
      } else if (d instanceof Decl.Mutex m) {
        out.append("mutex ").append(m.name());
      } else if (d instanceof Decl.WaitGroup w) {
        out.append("waitgroup ").append(w.name()).append(' ').append(w.count());
      } else if (d instanceof Decl.Once o) {
        out.append("once ").append(o.name());
      }
      out.append('\n');
    }
  }

  private void body(List<Stmt> body, int depth) {
    for (Stmt s : body) {
      out.append(INDENT.repeat(depth));
      if (s instanceof Stmt.If i) {
        out.append("if ").append(i.reg()).append(' ').append(i.op().symbol()).append(' ');
        out.append(i.value()).append(" {\n");
        closeBlock(i.body(), depth);
      } else if (s instanceof Stmt.OnceDo o) {
        out.append(o.once()).append(".Do {\n");
        closeBlock(o.body(), depth);
      } else {
        simple(s);
        out.append('\n');
      }
    }
  }

  private void closeBlock(List<Stmt> inner, int depth) {
    body(inner, depth + 1);
    out.append(INDENT.repeat(depth)).append("}\n");
  }

  private void simple(Stmt s) {
    if (s instanceof Stmt.Store st) {
      if (st.access() == Access.ATOMIC) {
        out.append("atomic.Store(&").append(st.var()).append(", ").append(st.value()).append(')');
      } else {
        out.append(st.var()).append(" = ").append(st.value());
      }
    } else if (s instanceof Stmt.Load l) {
      out.append(l.dst()).append(" = ");
      if (l.access() == Access.ATOMIC) {
        out.append("atomic.Load(&").append(l.var()).append(')');
      } else {
        out.append(l.var());
      }
    } else if (s instanceof Stmt.Rmw r) {
      r.dst().ifPresent(this::assignTo);
      out.append("atomic.").append(r.op().goName()).append("(&").append(r.var());
      out.append(", ").append(r.arg()).append(')');
    } else if (s instanceof Stmt.Cas c) {
      c.dst().ifPresent(this::assignTo);
      out.append("atomic.CompareAndSwap(&").append(c.var()).append(", ").append(c.expected());
      out.append(", ").append(c.replacement()).append(')');
    } else if (s instanceof Stmt.Lock l) {
      out.append(l.mutex()).append(".Lock()");
    } else if (s instanceof Stmt.Unlock u) {
      out.append(u.mutex()).append(".Unlock()");
    } else if (s instanceof Stmt.Send send) {
      out.append(send.chan()).append(" <- ").append(send.value());
    } else if (s instanceof Stmt.Recv r) {
      r.dst().ifPresent(d -> out.append(d));
      r.ok().ifPresent(ok -> out.append(", ").append(ok));
      if (r.dst().isPresent()) {
        out.append(" = ");
      }
      out.append("<-").append(r.chan());
    } else if (s instanceof Stmt.Close c) {
      out.append("close(").append(c.chan()).append(')');
    } else if (s instanceof Stmt.Done d) {
      out.append(d.waitGroup()).append(".Done()");
    } else if (s instanceof Stmt.Wait w) {
      out.append(w.waitGroup()).append(".Wait()");
    }
  }

  private void assignTo(Reg r) {
    out.append(r).append(" = ");
  }

  private void observe(List<Location> locs) {
    out.append("observe");
    for (Location l : locs) {
      out.append(' ').append(l);
    }
    out.append('\n');
  }

  /**
   * Parentheses only where the parser would otherwise build another tree: {@code ||} under
   * {@code &&}, and a right operand of the same operator (both associate to the left).
   */
  private void prop(Prop p) {
    if (p instanceof Prop.Atom a) {
      out.append(a.loc()).append(' ').append(a.op().symbol()).append(' ').append(a.value());
    } else if (p instanceof Prop.Not n) {
      out.append("!(");
      prop(n.inner());
      out.append(')');
    } else if (p instanceof Prop.And a) {
      operand(a.left(), a.left() instanceof Prop.Or);
      out.append(" && ");
      operand(a.right(), a.right() instanceof Prop.Or || a.right() instanceof Prop.And);
    } else if (p instanceof Prop.Or o) {
      operand(o.left(), false);
      out.append(" || ");
      operand(o.right(), o.right() instanceof Prop.Or);
    }
  }

  private void operand(Prop p, boolean parenthesise) {
    if (parenthesise) {
      out.append('(');
    }
    prop(p);
    if (parenthesise) {
      out.append(')');
    }
  }
}
