package org.litmusfarm.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.litmusfarm.model.Access;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Const;
import org.litmusfarm.model.Operand;
import org.litmusfarm.model.Reg;
import org.litmusfarm.model.RmwOp;
import org.litmusfarm.model.Stmt;
import org.litmusfarm.text.Token.Kind;

/**
 * Parses goroutine bodies: one statement per line, blocks up to their '}' line. Records where each
 * statement and its parts were written. A bad line is reported and skipped; a block it opens is
 * read and dropped, so braces stay matched.
 */
final class StatementParser {
  private final TokenCursor in;
  private final Diagnostics diagnostics;
  private final SourceMap map;

  StatementParser(TokenCursor in, Diagnostics diagnostics, SourceMap map) {
    this.in = in;
    this.diagnostics = diagnostics;
    this.map = map;
  }

  /** Positions collected while one statement is read. */
  private static final class Site {
    final Token start;
    Token object;
    final Map<Integer, SourceMap.Pos> reads = new TreeMap<>();

    Site(Token start) {
      this.start = start;
    }

    SourceMap.StmtPos pos() {
      return new SourceMap.StmtPos(
          SourceMap.Pos.of(start),
          object == null ? null : SourceMap.Pos.of(object),
          object == null ? null : object.text(),
          Map.copyOf(reads));
    }
  }

  /** Statements up to the matching '}' line. */
  List<Stmt> body(int g, List<Integer> prefix, Token open) {
    List<Stmt> body = new ArrayList<>();
    while (true) {
      in.skipBlankLines();
      Token t = in.peek();
      if (t.is(Kind.EOF) || startsTopLevelLine(t)) {
        diagnostics.error(open, "'{' is never closed");
        return body;
      }
      if (t.is(Kind.RBRACE)) {
        in.next();
        endOfLineOrAbandon();
        return body;
      }
      List<Integer> path = new ArrayList<>(prefix);
      path.add(body.size());
      Stmt s = statementLine(g, path);
      if (s != null) {
        body.add(s);
      }
    }
  }

  boolean startsTopLevelLine(Token t) {
    return t.isWord("exists")
        || t.isWord("observe")
        || (Words.isGoroutineName(t) && in.lookahead(1).is(Kind.LBRACE));
  }

  private Stmt statementLine(int g, List<Integer> path) {
    try {
      return statement(g, path);
    } catch (Abort a) {
      recover(a);
      return null;
    }
  }

  private Stmt statement(int g, List<Integer> path) {
    Token first = in.next();
    Site site = new Site(first);
    Stmt s;
    if (first.is(Kind.BAD)) {
      throw new Abort(first, "");
    } else if (first.isWord("if")) {
      return ifStmt(site, g, path);
    } else if (first.isWord("atomic")) {
      s = atomicCall(site, Optional.empty());
    } else if (first.isWord("close")) {
      in.expect(Kind.LPAREN, "'('");
      String c = object(site, in.next());
      in.expect(Kind.RPAREN, "')'");
      s = new Stmt.Close(c);
    } else if (first.is(Kind.ARROW)) {
      s = new Stmt.Recv(object(site, in.next()), Optional.empty(), Optional.empty());
    } else if (first.is(Kind.IDENT) && in.peek().is(Kind.COMMA)) {
      s = receiveWithOk(site, first);
    } else if (first.is(Kind.IDENT) && in.peek().is(Kind.ASSIGN)) {
      in.next();
      s = Words.isRegister(first) ? assignment(site, Reg.of(first.text())) : store(site, first);
    } else if (first.is(Kind.IDENT) && in.peek().is(Kind.ARROW)) {
      in.next();
      String c = object(site, first);
      s = new Stmt.Send(c, operand(site, in.next()));
    } else if (first.is(Kind.IDENT) && in.peek().is(Kind.DOT)) {
      in.next();
      return method(site, first, g, path);
    } else {
      throw new Abort(first, "unknown statement starting with " + first.describe());
    }
    in.endOfLine();
    map.stmt(g, path, site.pos());
    return s;
  }

  private Stmt ifStmt(Site site, int g, List<Integer> path) {
    Token r = in.next();
    if (!Words.isRegister(r)) {
      throw new Abort(r, "an if condition compares a register r0..r15, found " + r.describe());
    }
    Reg reg = Reg.of(r.text());
    site.reads.put(reg.index(), SourceMap.Pos.of(r));
    CmpOp op = in.comparison(in.next());
    long value = in.integer(in.next());
    Token open = in.expect(Kind.LBRACE, "'{'");
    endOfLineAfterBrace();
    map.stmt(g, path, site.pos());
    return new Stmt.If(reg, op, value, body(g, path, open));
  }

  private Stmt method(Site site, Token objectToken, int g, List<Integer> path) {
    String o = object(site, objectToken);
    Token m = in.next();
    Stmt s;
    switch (m.is(Kind.IDENT) ? m.text() : "") {
      case "Lock" -> s = new Stmt.Lock(o);
      case "Unlock" -> s = new Stmt.Unlock(o);
      case "Done" -> s = new Stmt.Done(o);
      case "Wait" -> s = new Stmt.Wait(o);
      case "Do" -> {
        Token open = in.expect(Kind.LBRACE, "'{' after Do");
        endOfLineAfterBrace();
        map.stmt(g, path, site.pos());
        return new Stmt.OnceDo(o, body(g, path, open));
      }
      default -> throw new Abort(
          m, "unknown method " + m.describe() + ": expected Lock, Unlock, Done, Wait or Do");
    }
    in.expect(Kind.LPAREN, "'('");
    in.expect(Kind.RPAREN, "')'");
    in.endOfLine();
    map.stmt(g, path, site.pos());
    return s;
  }

  private Stmt assignment(Site site, Reg dst) {
    Token rhs = in.next();
    if (rhs.isWord("atomic")) {
      return atomicCall(site, Optional.of(dst));
    }
    if (rhs.is(Kind.ARROW)) {
      return new Stmt.Recv(object(site, in.next()), Optional.of(dst), Optional.empty());
    }
    if (rhs.is(Kind.INT)) {
      throw new Abort(
          rhs, "a register cannot be assigned a constant, only a load, an atomic call or a receive");
    }
    if (!rhs.is(Kind.IDENT)) {
      throw new Abort(
          rhs, "expected a variable, an atomic call or a receive after '=', found " + rhs.describe());
    }
    return new Stmt.Load(Access.PLAIN, dst, object(site, rhs));
  }

  private Stmt store(Site site, Token target) {
    String v = object(site, target);
    Token rhs = in.next();
    if (rhs.is(Kind.IDENT) && !Words.isRegister(rhs) && Words.looksLikeRegister(target)) {
      throw new Abort(target, "'" + target.text() + "' is not a register: registers are r0..r15");
    }
    return new Stmt.Store(Access.PLAIN, v, operand(site, rhs));
  }

  private Stmt receiveWithOk(Site site, Token dst) {
    if (!Words.isRegister(dst)) {
      throw new Abort(dst, "expected a register r0..r15 before ',', found " + dst.describe());
    }
    in.next();
    Token ok = in.next();
    if (!Words.isRegister(ok)) {
      throw new Abort(ok, "expected a register r0..r15 after ',', found " + ok.describe());
    }
    in.expect(Kind.ASSIGN, "'='");
    Token arrow = in.next();
    if (!arrow.is(Kind.ARROW)) {
      throw new Abort(
          arrow, "only a receive assigns two registers: expected '<-', found " + arrow.describe());
    }
    return new Stmt.Recv(
        object(site, in.next()), Optional.of(Reg.of(dst.text())), Optional.of(Reg.of(ok.text())));
  }

  private Stmt atomicCall(Site site, Optional<Reg> dst) {
    in.expect(Kind.DOT, "'.' after atomic");
    Token fn = in.next();
    if (!fn.is(Kind.IDENT)) {
      throw new Abort(fn, "expected a function name after 'atomic.', found " + fn.describe());
    }
    int wanted =
        switch (fn.text()) {
          case "Load" -> 1;
          case "Store", "Add", "Swap" -> 2;
          case "CompareAndSwap" -> 3;
          default -> throw new Abort(
              fn,
              "unknown function atomic."
                  + fn.text()
                  + ": expected Load, Store, Add, Swap or CompareAndSwap");
        };
    in.expect(Kind.LPAREN, "'('");
    in.expect(Kind.AMP, "'&' before the variable");
    String v = object(site, in.next());
    List<Operand> args = new ArrayList<>();
    while (in.peek().is(Kind.COMMA)) {
      in.next();
      args.add(operand(site, in.next()));
    }
    in.expect(Kind.RPAREN, "')'");
    if (args.size() + 1 != wanted) {
      throw new Abort(
          fn,
          "atomic." + fn.text() + " takes " + wanted + " argument" + (wanted == 1 ? "" : "s")
              + ", found " + (args.size() + 1));
    }
    switch (fn.text()) {
      case "Load":
        if (dst.isEmpty()) {
          throw new Abort(fn, "the result of atomic.Load must be assigned to a register");
        }
        return new Stmt.Load(Access.ATOMIC, dst.get(), v);
      case "Store":
        if (dst.isPresent()) {
          throw new Abort(fn, "atomic.Store has no result to assign");
        }
        return new Stmt.Store(Access.ATOMIC, v, args.get(0));
      case "Add":
        return new Stmt.Rmw(RmwOp.ADD, dst, v, args.get(0));
      case "Swap":
        return new Stmt.Rmw(RmwOp.SWAP, dst, v, args.get(0));
      default:
        return new Stmt.Cas(dst, v, args.get(0), args.get(1));
    }
  }

  /** A shared-object name used by a statement; records it as the statement's object. */
  private String object(Site site, Token t) {
    if (!t.is(Kind.IDENT)) {
      throw new Abort(t, "expected a name, found " + t.describe());
    }
    String problem = Words.identifierProblem(t);
    if (problem != null) {
      throw new Abort(t, problem);
    }
    site.object = t;
    return t.text();
  }

  private Operand operand(Site site, Token t) {
    if (t.is(Kind.INT)) {
      return new Const(in.integer(t));
    }
    if (Words.isRegister(t)) {
      Reg r = Reg.of(t.text());
      site.reads.putIfAbsent(r.index(), SourceMap.Pos.of(t));
      return r;
    }
    throw new Abort(t, "expected an integer or a register r0..r15, found " + t.describe());
  }

  /** After a block's '{': the end of the line, or an error; the block is read either way. */
  void endOfLineAfterBrace() {
    try {
      in.endOfLine();
    } catch (Abort a) {
      diagnostics.error(a.at, a.getMessage());
      in.skipLine();
    }
  }

  /** After a block's '}': the end of the line, or an error that abandons the line. */
  private void endOfLineOrAbandon() {
    try {
      if (in.peek().isWord("else")) {
        throw new Abort(in.peek(), "if has no else: write a second if with the opposite condition");
      }
      in.endOfLine();
    } catch (Abort a) {
      recover(a);
    }
  }

  /**
   * Reports an abandoned line (unless the lexer already did) and skips it; if the line opens a
   * block, the block is read and dropped so its '}' does not close the enclosing one.
   */
  void recover(Abort a) {
    if (!a.at.is(Kind.BAD)) {
      diagnostics.error(a.at, a.getMessage());
    }
    Token last = in.skipLine();
    if (last != null && last.is(Kind.LBRACE)) {
      body(-1, List.of(-1), last);
    }
  }
}
