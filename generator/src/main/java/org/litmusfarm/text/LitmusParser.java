package org.litmusfarm.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
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
import org.litmusfarm.text.Token.Kind;

/**
 * Recursive-descent parser over the lexer's tokens. It checks syntax, identifiers and the limits it
 * can see while reading; the model's validator checks the rest afterwards. A syntax error abandons
 * the rest of its line only (and the block the line opens), so one parse reports many errors.
 */
final class LitmusParser {
  private static final int MAX_TEST_NAME = 100;

  /** Ends the current line's parse; {@code at} is where the error is reported. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Token at;

    Abort(Token at, String message) {
      super(message, null, false, false);
      this.at = at;
    }
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

  private enum Stage {
    START,
    HEADER,
    DOC,
    DECLS,
    GOROUTINES,
    OBSERVE
  }

  private final List<Token> tokens;
  private final Diagnostics diagnostics;
  private final SourceMap map = new SourceMap();
  private int index;
  private Stage stage = Stage.START;

  private String name;
  private Optional<String> doc = Optional.empty();
  private final List<Decl> decls = new ArrayList<>();
  private final Map<String, Token> declared = new HashMap<>();
  private final List<Goroutine> goroutines = new ArrayList<>();
  private Optional<List<Location>> observe = Optional.empty();
  private boolean existsSeen;
  private Prop exists;

  private LitmusParser(List<Token> tokens, Diagnostics diagnostics) {
    this.tokens = tokens;
    this.diagnostics = diagnostics;
  }

  /** A program, or null when the text is too broken to build one; and its source map. */
  record Result(Program program, SourceMap map) {}

  static Result parse(List<Token> tokens, Diagnostics diagnostics) {
    LitmusParser p = new LitmusParser(tokens, diagnostics);
    p.file();
    Program program = null;
    if (p.name != null && p.exists != null) {
      program = new Program(p.name, p.doc, p.decls, p.goroutines, p.observe, p.exists);
    }
    return new Result(program, p.map);
  }

  // ---- top level ----

  private void file() {
    skipBlankLines();
    Token first = peek();
    if (first.is(Kind.EOF)) {
      diagnostics.error(first, "the file is empty: it must start with 'litmus NAME'");
      return;
    }
    if (first.isWord("litmus")) {
      lineOf(this::header);
    } else if (!first.is(Kind.BAD)) {
      diagnostics.error(first, "the first line must be 'litmus NAME'");
      if (!isDeclWord(first) && !isGoroutineName(first) && !startsTopLevelLine(first)) {
        skipLine();
      }
    }
    stage = Stage.HEADER;
    while (true) {
      skipBlankLines();
      Token t = peek();
      if (t.is(Kind.EOF)) {
        break;
      }
      if (existsSeen) {
        if (!t.is(Kind.BAD)) {
          diagnostics.error(
              t,
              t.isWord("observe")
                  ? "observe must come before exists"
                  : "unexpected " + t.describe() + " after the exists line: exists must be last");
        }
        break;
      }
      lineOf(this::topLevel);
    }
    if (!existsSeen) {
      diagnostics.error(peek(), "missing exists line: a program ends with 'exists (...)'");
    }
  }

  /** Runs one top-level line's parser, turning an abort into an error and skipping the line. */
  private void lineOf(Runnable parseLine) {
    try {
      parseLine.run();
    } catch (Abort a) {
      recover(a);
    }
  }

  private void topLevel() {
    Token t = peek();
    if (t.is(Kind.BAD)) {
      throw new Abort(t, "");
    } else if (t.isWord("litmus")) {
      throw new Abort(t, "only one litmus line is allowed");
    } else if (t.isWord("doc")) {
      if (stage != Stage.HEADER) {
        diagnostics.error(t, "doc must come right after the litmus line");
      }
      doc();
      advance(Stage.DOC);
    } else if (isDeclWord(t)) {
      if (stage.compareTo(Stage.DECLS) > 0) {
        diagnostics.error(t, "declarations must come before the first goroutine");
      }
      declaration();
      advance(Stage.DECLS);
    } else if (isGoroutineName(t)) {
      if (stage.compareTo(Stage.GOROUTINES) > 0) {
        diagnostics.error(t, "goroutines must come before observe and exists");
      }
      goroutine();
      advance(Stage.GOROUTINES);
    } else if (t.isWord("observe")) {
      if (stage == Stage.OBSERVE) {
        diagnostics.error(t, "only one observe line is allowed");
      }
      observeLine();
      advance(Stage.OBSERVE);
    } else if (t.isWord("exists")) {
      existsLine();
    } else if (t.is(Kind.RBRACE)) {
      throw new Abort(t, "unmatched '}'");
    } else {
      throw new Abort(
          t,
          "unexpected "
              + t.describe()
              + ": expected a declaration, a goroutine 'P"
              + goroutines.size()
              + " {', observe or exists");
    }
  }

  private void advance(Stage to) {
    if (to.compareTo(stage) > 0) {
      stage = to;
    }
  }

  private void header() {
    Token kw = next();
    map.header(kw);
    Token n = next();
    if (!n.is(Kind.NAME)) {
      throw new Abort(n, "missing test name after 'litmus': use letters, digits and _.+-");
    }
    if (n.text().length() > MAX_TEST_NAME) {
      throw new Abort(n, "test name is longer than " + MAX_TEST_NAME + " characters");
    }
    endOfLine();
    name = n.text();
  }

  private void doc() {
    next();
    Token s = next();
    if (!s.is(Kind.STRING)) {
      throw new Abort(s, "expected a quoted string after 'doc', found " + s.describe());
    }
    endOfLine();
    doc = Optional.of(s.text());
  }

  // ---- declarations ----

  private static boolean isDeclWord(Token t) {
    return t.isWord("var")
        || t.isWord("chan")
        || t.isWord("mutex")
        || t.isWord("waitgroup")
        || t.isWord("once");
  }

  private void declaration() {
    Token kw = next();
    switch (kw.text()) {
      case "var" -> varDecl(kw);
      case "chan" -> chanDecl();
      case "mutex" -> simpleDecl(Decl.Mutex::new);
      case "once" -> simpleDecl(Decl.Once::new);
      default -> waitGroupDecl();
    }
  }

  private void varDecl(Token kw) {
    List<Token> names = new ArrayList<>();
    while (peek().is(Kind.IDENT)) {
      names.add(next());
    }
    if (names.isEmpty()) {
      throw new Abort(peek(), "expected a variable name after 'var', found " + peek().describe());
    }
    long initial = 0;
    try {
      if (peek().is(Kind.ASSIGN)) {
        Token eq = next();
        if (names.size() != 1) {
          throw new Abort(eq, "an initial value needs a var line of its own, as in 'var x = 5'");
        }
        initial = integer(next());
      }
      endOfLine();
    } finally {
      long init = initial;
      for (Token n : names) {
        declare(n, name -> new Decl.Var(name, init));
      }
    }
  }

  private void chanDecl() {
    Token n = next();
    int capacity = 0;
    try {
      if (peek().isWord("cap")) {
        next();
        capacity = bounded(next(), "channel capacity", Limits.MAX_CHANNEL_CAPACITY);
      }
      endOfLine();
    } finally {
      int cap = capacity;
      declare(n, name -> new Decl.Chan(name, cap));
    }
  }

  private void waitGroupDecl() {
    Token n = next();
    int count = 0;
    try {
      Token c = next();
      if (!c.is(Kind.INT)) {
        throw new Abort(
            c, "expected the wait group's initial count after its name, found " + c.describe());
      }
      count = bounded(c, "wait group count", Limits.MAX_WAITGROUP_COUNT);
      endOfLine();
    } finally {
      int wgCount = count;
      declare(n, name -> new Decl.WaitGroup(name, wgCount));
    }
  }

  private void simpleDecl(Function<String, Decl> make) {
    Token n = next();
    try {
      endOfLine();
    } finally {
      declare(n, make);
    }
  }

  private int bounded(Token t, String what, int max) {
    long v = integer(t);
    if (v < 0 || v > max) {
      throw new Abort(t, what + " " + v + " is out of range 0.." + max);
    }
    return (int) v;
  }

  /** Adds a declaration, reporting a bad or duplicate name without abandoning the line. */
  private void declare(Token n, Function<String, Decl> make) {
    if (!n.is(Kind.IDENT)) {
      diagnostics.error(n, "expected a name, found " + n.describe());
      return;
    }
    String problem = identifierProblem(n);
    if (problem != null) {
      diagnostics.error(n, problem);
      return;
    }
    Token earlier = declared.get(n.text());
    if (earlier != null) {
      diagnostics.error(n, "'" + n.text() + "' is already declared on line " + earlier.line());
      return;
    }
    declared.put(n.text(), n);
    map.decl(n.text(), n);
    decls.add(make.apply(n.text()));
  }

  // ---- goroutines and statements ----

  private static boolean isGoroutineName(Token t) {
    String s = t.text();
    if (!t.is(Kind.IDENT) || s.length() < 2 || s.charAt(0) != 'P') {
      return false;
    }
    for (int k = 1; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The index of {@code Pn}, or -1 for leading zeros or absurd numbers. */
  private static int goroutineIndex(Token t) {
    String digits = t.text().substring(1);
    if (digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  private void goroutine() {
    Token header = next();
    int expected = goroutines.size();
    if (goroutineIndex(header) != expected) {
      diagnostics.error(
          header,
          "goroutines must be numbered densely from P0: expected P" + expected + ", found " + header.text());
    }
    Token open = expect(Kind.LBRACE, "'{'");
    endOfLineAfterBrace();
    map.goroutine(header);
    goroutines.add(new Goroutine(body(expected, List.of(), open)));
  }

  /** Statements up to the matching '}' line. */
  private List<Stmt> body(int g, List<Integer> prefix, Token open) {
    List<Stmt> body = new ArrayList<>();
    while (true) {
      skipBlankLines();
      Token t = peek();
      if (t.is(Kind.EOF) || startsTopLevelLine(t)) {
        diagnostics.error(open, "'{' is never closed");
        return body;
      }
      if (t.is(Kind.RBRACE)) {
        next();
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

  private boolean startsTopLevelLine(Token t) {
    return t.isWord("exists")
        || t.isWord("observe")
        || (isGoroutineName(t) && lookahead(1).is(Kind.LBRACE));
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
    Token first = next();
    Site site = new Site(first);
    Stmt s;
    if (first.is(Kind.BAD)) {
      throw new Abort(first, "");
    } else if (first.isWord("if")) {
      return ifStmt(site, g, path);
    } else if (first.isWord("atomic")) {
      s = atomicCall(site, Optional.empty());
    } else if (first.isWord("close")) {
      expect(Kind.LPAREN, "'('");
      String c = object(site, next());
      expect(Kind.RPAREN, "')'");
      s = new Stmt.Close(c);
    } else if (first.is(Kind.ARROW)) {
      s = new Stmt.Recv(object(site, next()), Optional.empty(), Optional.empty());
    } else if (first.is(Kind.IDENT) && peek().is(Kind.COMMA)) {
      s = receiveWithOk(site, first);
    } else if (first.is(Kind.IDENT) && peek().is(Kind.ASSIGN)) {
      next();
      s = isRegister(first) ? assignment(site, Reg.of(first.text())) : store(site, first);
    } else if (first.is(Kind.IDENT) && peek().is(Kind.ARROW)) {
      next();
      String c = object(site, first);
      s = new Stmt.Send(c, operand(site, next()));
    } else if (first.is(Kind.IDENT) && peek().is(Kind.DOT)) {
      next();
      return method(site, first, g, path);
    } else {
      throw new Abort(first, "unknown statement starting with " + first.describe());
    }
    endOfLine();
    map.stmt(g, path, site.pos());
    return s;
  }

  private Stmt ifStmt(Site site, int g, List<Integer> path) {
    Token r = next();
    if (!isRegister(r)) {
      throw new Abort(r, "an if condition compares a register r0..r15, found " + r.describe());
    }
    Reg reg = Reg.of(r.text());
    site.reads.put(reg.index(), SourceMap.Pos.of(r));
    CmpOp op = comparison(next());
    long value = integer(next());
    Token open = expect(Kind.LBRACE, "'{'");
    endOfLineAfterBrace();
    map.stmt(g, path, site.pos());
    return new Stmt.If(reg, op, value, body(g, path, open));
  }

  private Stmt method(Site site, Token objectToken, int g, List<Integer> path) {
    String o = object(site, objectToken);
    Token m = next();
    Stmt s;
    switch (m.is(Kind.IDENT) ? m.text() : "") {
      case "Lock" -> s = new Stmt.Lock(o);
      case "Unlock" -> s = new Stmt.Unlock(o);
      case "Done" -> s = new Stmt.Done(o);
      case "Wait" -> s = new Stmt.Wait(o);
      case "Do" -> {
        Token open = expect(Kind.LBRACE, "'{' after Do");
        endOfLineAfterBrace();
        map.stmt(g, path, site.pos());
        return new Stmt.OnceDo(o, body(g, path, open));
      }
      default -> throw new Abort(
          m, "unknown method " + m.describe() + ": expected Lock, Unlock, Done, Wait or Do");
    }
    expect(Kind.LPAREN, "'('");
    expect(Kind.RPAREN, "')'");
    endOfLine();
    map.stmt(g, path, site.pos());
    return s;
  }

  private Stmt assignment(Site site, Reg dst) {
    Token rhs = next();
    if (rhs.isWord("atomic")) {
      return atomicCall(site, Optional.of(dst));
    }
    if (rhs.is(Kind.ARROW)) {
      return new Stmt.Recv(object(site, next()), Optional.of(dst), Optional.empty());
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
    Token rhs = next();
    if (rhs.is(Kind.IDENT) && !isRegister(rhs) && looksLikeRegister(target)) {
      throw new Abort(target, "'" + target.text() + "' is not a register: registers are r0..r15");
    }
    return new Stmt.Store(Access.PLAIN, v, operand(site, rhs));
  }

  private Stmt receiveWithOk(Site site, Token dst) {
    if (!isRegister(dst)) {
      throw new Abort(dst, "expected a register r0..r15 before ',', found " + dst.describe());
    }
    next();
    Token ok = next();
    if (!isRegister(ok)) {
      throw new Abort(ok, "expected a register r0..r15 after ',', found " + ok.describe());
    }
    expect(Kind.ASSIGN, "'='");
    Token arrow = next();
    if (!arrow.is(Kind.ARROW)) {
      throw new Abort(
          arrow, "only a receive assigns two registers: expected '<-', found " + arrow.describe());
    }
    return new Stmt.Recv(
        object(site, next()), Optional.of(Reg.of(dst.text())), Optional.of(Reg.of(ok.text())));
  }

  private Stmt atomicCall(Site site, Optional<Reg> dst) {
    expect(Kind.DOT, "'.' after atomic");
    Token fn = next();
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
    expect(Kind.LPAREN, "'('");
    expect(Kind.AMP, "'&' before the variable");
    String v = object(site, next());
    List<Operand> args = new ArrayList<>();
    while (peek().is(Kind.COMMA)) {
      next();
      args.add(operand(site, next()));
    }
    expect(Kind.RPAREN, "')'");
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
    String problem = identifierProblem(t);
    if (problem != null) {
      throw new Abort(t, problem);
    }
    site.object = t;
    return t.text();
  }

  private Operand operand(Site site, Token t) {
    if (t.is(Kind.INT)) {
      return new Const(integer(t));
    }
    if (isRegister(t)) {
      Reg r = Reg.of(t.text());
      site.reads.putIfAbsent(r.index(), SourceMap.Pos.of(t));
      return r;
    }
    throw new Abort(t, "expected an integer or a register r0..r15, found " + t.describe());
  }

  // ---- observe and exists ----

  private void observeLine() {
    next();
    List<Location> locs = new ArrayList<>();
    List<Token> at = new ArrayList<>();
    while (!peek().is(Kind.NEWLINE) && !peek().is(Kind.EOF)) {
      Token t = next();
      locs.add(location(t));
      at.add(t);
    }
    if (locs.isEmpty()) {
      throw new Abort(peek(), "observe needs at least one location, as in 'observe P0:r0 x'");
    }
    endOfLine();
    at.forEach(map::observeEntry);
    observe = Optional.of(locs);
  }

  private void existsLine() {
    next();
    existsSeen = true;
    Prop p = disjunction();
    endOfLine();
    exists = p;
  }

  private Prop disjunction() {
    Prop left = conjunction();
    while (peek().is(Kind.OR)) {
      next();
      left = new Prop.Or(left, conjunction());
    }
    return left;
  }

  private Prop conjunction() {
    Prop left = unary();
    while (peek().is(Kind.AND)) {
      next();
      left = new Prop.And(left, unary());
    }
    return left;
  }

  private Prop unary() {
    Token t = next();
    if (t.is(Kind.NOT)) {
      return new Prop.Not(unary());
    }
    if (t.is(Kind.LPAREN)) {
      Prop inner = disjunction();
      Token close = next();
      if (close.is(Kind.NEWLINE) || close.is(Kind.EOF)) {
        throw new Abort(t, "'(' is never closed");
      }
      if (!close.is(Kind.RPAREN)) {
        throw new Abort(close, "expected ')', '&&' or '||', found " + close.describe());
      }
      return inner;
    }
    Location loc = location(t);
    map.atom(t);
    CmpOp op = comparison(next());
    return new Prop.Atom(loc, op, integer(next()));
  }

  private Location location(Token t) {
    if (isGoroutineName(t) && peek().is(Kind.COLON)) {
      next();
      Token r = next();
      if (!isRegister(r)) {
        throw new Abort(r, "expected a register r0..r15 after ':', found " + r.describe());
      }
      int g = goroutineIndex(t);
      if (g < 0 || g >= Limits.MAX_GOROUTINES) {
        throw new Abort(t, "there is no goroutine " + t.text());
      }
      return new Location.RegLoc(g, Reg.of(r.text()));
    }
    if (!t.is(Kind.IDENT)) {
      throw new Abort(t, "expected a register Pn:rk or a shared variable, found " + t.describe());
    }
    String problem = identifierProblem(t);
    if (problem != null) {
      throw new Abort(t, problem);
    }
    return new Location.VarLoc(t.text());
  }

  private CmpOp comparison(Token t) {
    if (t.is(Kind.EQ)) {
      return CmpOp.EQ;
    }
    if (t.is(Kind.NE)) {
      return CmpOp.NE;
    }
    throw new Abort(t, "expected '==' or '!=', found " + t.describe());
  }

  // ---- tokens ----

  private long integer(Token t) {
    if (!t.is(Kind.INT)) {
      throw new Abort(t, "expected an integer, found " + t.describe());
    }
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      throw new Abort(t, "integer literal " + t.text() + " does not fit in int64");
    }
  }

  private static String identifierProblem(Token t) {
    return Names.identifierProblem(t.text());
  }

  private static boolean isRegister(Token t) {
    return t.is(Kind.IDENT) && Names.isRegisterName(t.text());
  }

  private static boolean looksLikeRegister(Token t) {
    String s = t.text();
    if (s.length() < 2 || s.charAt(0) != 'r') {
      return false;
    }
    for (int k = 1; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token lookahead(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  /** The next token; never moves past the end of the current line. */
  private Token next() {
    Token t = tokens.get(index);
    if (!t.is(Kind.NEWLINE) && !t.is(Kind.EOF)) {
      index++;
    }
    return t;
  }

  private Token expect(Kind kind, String what) {
    Token t = next();
    if (!t.is(kind)) {
      throw new Abort(t, "expected " + what + ", found " + t.describe());
    }
    return t;
  }

  private void endOfLine() {
    Token t = peek();
    if (t.is(Kind.NEWLINE)) {
      index++;
    } else if (!t.is(Kind.EOF)) {
      throw new Abort(
          t, t.is(Kind.RPAREN) ? "unmatched ')'" : "expected end of line, found " + t.describe());
    }
  }

  /** After a block's '{': the end of the line, or an error; the block is read either way. */
  private void endOfLineAfterBrace() {
    try {
      endOfLine();
    } catch (Abort a) {
      diagnostics.error(a.at, a.getMessage());
      skipLine();
    }
  }

  /** After a block's '}': the end of the line, or an error that abandons the line. */
  private void endOfLineOrAbandon() {
    try {
      if (peek().isWord("else")) {
        throw new Abort(peek(), "if has no else: write a second if with the opposite condition");
      }
      endOfLine();
    } catch (Abort a) {
      recover(a);
    }
  }

  private void skipBlankLines() {
    while (peek().is(Kind.NEWLINE)) {
      index++;
    }
  }

  /** Skips the rest of the line; returns its last token. */
  private Token skipLine() {
    Token last = null;
    while (!peek().is(Kind.NEWLINE) && !peek().is(Kind.EOF)) {
      last = next();
    }
    if (peek().is(Kind.NEWLINE)) {
      index++;
    }
    return last;
  }

  /**
   * Reports an abandoned line (unless the lexer already did) and skips it; if the line opens a
   * block, the block is read and dropped so its '}' does not close the enclosing one.
   */
  private void recover(Abort a) {
    if (!a.at.is(Kind.BAD)) {
      diagnostics.error(a.at, a.getMessage());
    }
    Token last = skipLine();
    if (last != null && last.is(Kind.LBRACE)) {
      body(-1, List.of(-1), last);
    }
  }
}
