package org.litmusfarm.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Problem.Where;
import org.litmusfarm.model.Reg;

/**
 * Where each part of a parsed program was written. Filled by the parser, then only read: it turns a
 * {@link Problem} about the model into a {@link Diagnostic} at the token it concerns.
 */
final class SourceMap {
  /** A 1-based source position. */
  record Pos(int line, int column) {
    static Pos of(Token t) {
      return new Pos(t.line(), t.column());
    }
  }

  /** Positions inside one statement: its first token, its object, registers it reads. */
  record StmtPos(Pos start, Pos object, String objectName, Map<Integer, Pos> reads) {}

  private record StmtKey(int goroutine, List<Integer> path) {}

  private Pos header = new Pos(1, 1);
  private final Map<String, Pos> decls = new HashMap<>();
  private final List<Pos> goroutines = new ArrayList<>();
  private final Map<StmtKey, StmtPos> stmts = new HashMap<>();
  private final List<Pos> observe = new ArrayList<>();
  private final List<Pos> atoms = new ArrayList<>();

  void header(Token t) {
    header = Pos.of(t);
  }

  void decl(String name, Token t) {
    decls.putIfAbsent(name, Pos.of(t));
  }

  void goroutine(Token t) {
    goroutines.add(Pos.of(t));
  }

  void stmt(int goroutine, List<Integer> path, StmtPos pos) {
    stmts.put(new StmtKey(goroutine, List.copyOf(path)), pos);
  }

  void observeEntry(Token t) {
    observe.add(Pos.of(t));
  }

  void atom(Token t) {
    atoms.add(Pos.of(t));
  }

  /** Places {@code problem} at the token it concerns, or at the header if nothing closer is known. */
  Diagnostic locate(String path, Problem problem) {
    Pos pos = position(problem);
    return new Diagnostic(path, pos.line(), pos.column(), problem.message(), problem.severity());
  }

  private Pos position(Problem problem) {
    Where where = problem.where();
    if (where instanceof Where.InDecl d) {
      return decls.getOrDefault(d.name(), header);
    } else if (where instanceof Where.InGoroutine g) {
      return at(goroutines, g.goroutine());
    } else if (where instanceof Where.InStmt s) {
      StmtPos sp = stmts.get(new StmtKey(s.goroutine(), s.path()));
      return sp == null ? at(goroutines, s.goroutine()) : within(sp, problem.message());
    } else if (where instanceof Where.InObserve o) {
      return at(observe, o.index());
    } else if (where instanceof Where.InExists e) {
      return at(atoms, e.index());
    }
    return header;
  }

  /**
   * The token inside a statement a message is about: the object for messages that start by
   * quoting it (undeclared, wrong kind), the register for a read-before-assignment warning, else
   * the statement's first token (e.g. the oracle's blocking and panicking statements).
   */
  private static Pos within(StmtPos sp, String message) {
    if (sp.object() != null && message.startsWith("'" + sp.objectName() + "'")) {
      return sp.object();
    }
    for (Map.Entry<Integer, Pos> read : sp.reads().entrySet()) {
      if (message.startsWith("register " + new Reg(read.getKey()) + " ")) {
        return read.getValue();
      }
    }
    return sp.start();
  }

  private Pos at(List<Pos> list, int index) {
    return index >= 0 && index < list.size() ? list.get(index) : header;
  }
}
