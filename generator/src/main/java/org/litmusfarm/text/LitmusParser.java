package org.litmusfarm.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.model.Decl;
import org.litmusfarm.model.Goroutine;
import org.litmusfarm.model.Limits;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Program;
import org.litmusfarm.model.Prop;
import org.litmusfarm.model.Reg;
import org.litmusfarm.text.Token.Kind;

/**
 * Recursive-descent parser over the lexer's tokens. It checks syntax, identifiers and the limits it
 * can see while reading; the model's validator checks the rest afterwards. A syntax error abandons
 * the rest of its line only (and the block the line opens), so one parse reports many errors.
 */
final class LitmusParser {
  private static final int MAX_TEST_NAME = 100;

  private enum Stage {
    START,
    HEADER,
    DOC,
    DECLS,
    GOROUTINES,
    OBSERVE
  }

  private final TokenCursor in;
  private final Diagnostics diagnostics;
  private final SourceMap map = new SourceMap();
  private final StatementParser statements;
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
    this.in = new TokenCursor(tokens);
    this.diagnostics = diagnostics;
    this.statements = new StatementParser(in, diagnostics, map);
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
    in.skipBlankLines();
    Token first = in.peek();
    if (first.is(Kind.EOF)) {
      diagnostics.error(first, "the file is empty: it must start with 'litmus NAME'");
      return;
    }
    if (first.isWord("litmus")) {
      lineOf(this::header);
    } else if (!first.is(Kind.BAD)) {
      diagnostics.error(first, "the first line must be 'litmus NAME'");
      if (!isDeclWord(first) && !Words.isGoroutineName(first) && !statements.startsTopLevelLine(first)) {
        in.skipLine();
      }
    }
    stage = Stage.HEADER;
    while (true) {
      in.skipBlankLines();
      Token t = in.peek();
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
      diagnostics.error(in.peek(), "missing exists line: a program ends with 'exists (...)'");
    }
  }

  /** Runs one top-level line's parser, turning an abort into an error and skipping the line. */
  private void lineOf(Runnable parseLine) {
    try {
      parseLine.run();
    } catch (Abort a) {
      statements.recover(a);
    }
  }

  private void topLevel() {
    Token t = in.peek();
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
    } else if (Words.isGoroutineName(t)) {
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
    Token kw = in.next();
    map.header(kw);
    Token n = in.next();
    if (!n.is(Kind.NAME)) {
      throw new Abort(n, "missing test name after 'litmus': use letters, digits and _.+-");
    }
    if (n.text().length() > MAX_TEST_NAME) {
      throw new Abort(n, "test name is longer than " + MAX_TEST_NAME + " characters");
    }
    in.endOfLine();
    name = n.text();
  }

  private void doc() {
    in.next();
    Token s = in.next();
    if (!s.is(Kind.STRING)) {
      throw new Abort(s, "expected a quoted string after 'doc', found " + s.describe());
    }
    in.endOfLine();
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
    Token kw = in.next();
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
    while (in.peek().is(Kind.IDENT)) {
      names.add(in.next());
    }
    if (names.isEmpty()) {
      throw new Abort(in.peek(), "expected a variable name after 'var', found " + in.peek().describe());
    }
    long initial = 0;
    try {
      if (in.peek().is(Kind.ASSIGN)) {
        Token eq = in.next();
        if (names.size() != 1) {
          throw new Abort(eq, "an initial value needs a var line of its own, as in 'var x = 5'");
        }
        initial = in.integer(in.next());
      }
      in.endOfLine();
    } finally {
      long init = initial;
      for (Token n : names) {
        declare(n, name -> new Decl.Var(name, init));
      }
    }
  }

  private void chanDecl() {
    Token n = in.next();
    int capacity = 0;
    try {
      if (in.peek().isWord("cap")) {
        in.next();
        capacity = bounded(in.next(), "channel capacity", Limits.MAX_CHANNEL_CAPACITY);
      }
      in.endOfLine();
    } finally {
      int cap = capacity;
      declare(n, name -> new Decl.Chan(name, cap));
    }
  }

  private void waitGroupDecl() {
    Token n = in.next();
    int count = 0;
    try {
      Token c = in.next();
      if (!c.is(Kind.INT)) {
        throw new Abort(
            c, "expected the wait group's initial count after its name, found " + c.describe());
      }
      count = bounded(c, "wait group count", Limits.MAX_WAITGROUP_COUNT);
      in.endOfLine();
    } finally {
      int wgCount = count;
      declare(n, name -> new Decl.WaitGroup(name, wgCount));
    }
  }

  private void simpleDecl(Function<String, Decl> make) {
    Token n = in.next();
    try {
      in.endOfLine();
    } finally {
      declare(n, make);
    }
  }

  private int bounded(Token t, String what, int max) {
    long v = in.integer(t);
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
    String problem = Words.identifierProblem(n);
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

  private void goroutine() {
    Token header = in.next();
    int expected = goroutines.size();
    if (Words.goroutineIndex(header) != expected) {
      diagnostics.error(
          header,
          "goroutines must be numbered densely from P0: expected P" + expected + ", found " + header.text());
    }
    Token open = in.expect(Kind.LBRACE, "'{'");
    statements.endOfLineAfterBrace();
    map.goroutine(header);
    goroutines.add(new Goroutine(statements.body(expected, List.of(), open)));
  }

  // ---- observe and exists ----

  private void observeLine() {
    in.next();
    List<Location> locs = new ArrayList<>();
    List<Token> at = new ArrayList<>();
    while (!in.peek().is(Kind.NEWLINE) && !in.peek().is(Kind.EOF)) {
      Token t = in.next();
      locs.add(location(t));
      at.add(t);
    }
    if (locs.isEmpty()) {
      throw new Abort(in.peek(), "observe needs at least one location, as in 'observe P0:r0 x'");
    }
    in.endOfLine();
    at.forEach(map::observeEntry);
    observe = Optional.of(locs);
  }

  private void existsLine() {
    in.next();
    existsSeen = true;
    Prop p = disjunction();
    in.endOfLine();
    exists = p;
  }

  private Prop disjunction() {
    Prop left = conjunction();
    while (in.peek().is(Kind.OR)) {
      in.next();
      left = new Prop.Or(left, conjunction());
    }
    return left;
  }

  private Prop conjunction() {
    Prop left = unary();
    while (in.peek().is(Kind.AND)) {
      in.next();
      left = new Prop.And(left, unary());
    }
    return left;
  }

  private Prop unary() {
    Token t = in.next();
    if (t.is(Kind.NOT)) {
      return new Prop.Not(unary());
    }
    if (t.is(Kind.LPAREN)) {
      Prop inner = disjunction();
      Token close = in.next();
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
    CmpOp op = in.comparison(in.next());
    return new Prop.Atom(loc, op, in.integer(in.next()));
  }

  private Location location(Token t) {
    if (Words.isGoroutineName(t) && in.peek().is(Kind.COLON)) {
      in.next();
      Token r = in.next();
      if (!Words.isRegister(r)) {
        throw new Abort(r, "expected a register r0..r15 after ':', found " + r.describe());
      }
      int g = Words.goroutineIndex(t);
      if (g < 0 || g >= Limits.MAX_GOROUTINES) {
        throw new Abort(t, "there is no goroutine " + t.text());
      }
      return new Location.RegLoc(g, Reg.of(r.text()));
    }
    if (!t.is(Kind.IDENT)) {
      throw new Abort(t, "expected a register Pn:rk or a shared variable, found " + t.describe());
    }
    String problem = Words.identifierProblem(t);
    if (problem != null) {
      throw new Abort(t, problem);
    }
    return new Location.VarLoc(t.text());
  }

}
