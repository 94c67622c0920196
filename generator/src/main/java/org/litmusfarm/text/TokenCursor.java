package org.litmusfarm.text;

import java.util.List;
import org.litmusfarm.model.CmpOp;
import org.litmusfarm.text.Token.Kind;

/**
 * The parsers' position in the token list. {@link #next} never crosses a line end, so a failed
 * line can always be skipped from wherever its parse stopped.
 */
final class TokenCursor {
  private final List<Token> tokens;
  private int index;

  TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  CmpOp comparison(Token t) {
    if (t.is(Kind.EQ)) {
      return CmpOp.EQ;
    }
    if (t.is(Kind.NE)) {
      return CmpOp.NE;
    }
    throw new Abort(t, "expected '==' or '!=', found " + t.describe());
  }

  long integer(Token t) {
    if (!t.is(Kind.INT)) {
      throw new Abort(t, "expected an integer, found " + t.describe());
    }
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      throw new Abort(t, "integer literal " + t.text() + " does not fit in int64");
    }
  }

  Token peek() {
    return tokens.get(index);
  }

  Token lookahead(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  /** The next token; never moves past the end of the current line. */
  Token next() {
    Token t = tokens.get(index);
    if (!t.is(Kind.NEWLINE) && !t.is(Kind.EOF)) {
      index++;
    }
    return t;
  }

  Token expect(Kind kind, String what) {
    Token t = next();
    if (!t.is(kind)) {
      throw new Abort(t, "expected " + what + ", found " + t.describe());
    }
    return t;
  }

  void endOfLine() {
    Token t = peek();
    if (t.is(Kind.NEWLINE)) {
      index++;
    } else if (!t.is(Kind.EOF)) {
      throw new Abort(
          t, t.is(Kind.RPAREN) ? "unmatched ')'" : "expected end of line, found " + t.describe());
    }
  }

  void skipBlankLines() {
    while (peek().is(Kind.NEWLINE)) {
      index++;
    }
  }

  /** Skips the rest of the line; returns its last token. */
  Token skipLine() {
    Token last = null;
    while (!peek().is(Kind.NEWLINE) && !peek().is(Kind.EOF)) {
      last = next();
    }
    if (peek().is(Kind.NEWLINE)) {
      index++;
    }
    return last;
  }
}
