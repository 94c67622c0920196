package org.litmusfarm.text;

import java.util.ArrayList;
import java.util.List;
import org.litmusfarm.text.Token.Kind;

/**
 * Splits {@code .litmus} text into tokens, line by line. Comments ({@code #}, {@code //}) are
 * dropped; every line ends with a NEWLINE token. A lexical error is reported once and the rest of
 * its line becomes a single BAD token, so the parser skips the line without piling up errors.
 */
final class Lexer {
  private final String text;
  private final Diagnostics diagnostics;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean lineHasToken;

  private Lexer(String text, Diagnostics diagnostics) {
    this.text = text;
    this.diagnostics = diagnostics;
  }

  /** The tokens of {@code text}, ending with EOF; errors go to {@code diagnostics}. */
  static List<Token> tokenize(String text, Diagnostics diagnostics) {
    Lexer lexer = new Lexer(text, diagnostics);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\n') {
        endLine(pos + 1);
      } else if (c == '\r') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
          endLine(pos + 2);
        } else {
          diagnostics.error(line, column(pos), "carriage return not followed by a line feed");
          add(Kind.BAD, "", pos);
          pos++;
          skipToLineEnd();
        }
      } else if (c == '#' || (c == '/' && next(1) == '/')) {
        skipToLineEnd();
      } else {
        lexToken(c);
      }
    }
    if (lineHasToken) {
      add(Kind.NEWLINE, "", pos);
    }
    add(Kind.EOF, "", pos);
  }

  private void lexToken(char c) {
    int start = pos;
    if (isIdentStart(c)) {
      while (pos < text.length() && isIdentPart(text.charAt(pos))) {
        pos++;
      }
      String word = text.substring(start, pos);
      boolean header = !lineHasToken && word.equals("litmus");
      add(Kind.IDENT, word, start);
      if (header) {
        lexTestName();
      }
    } else if (isDigit(c) || (c == '-' && isDigit(next(1)))) {
      lexInt();
    } else if (c == '"') {
      lexString();
    } else {
      lexPunct(c);
    }
  }

  private void lexTestName() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
    int start = pos;
    while (pos < text.length() && isTestNameChar(text.charAt(pos))) {
      pos++;
    }
    if (pos > start) {
      add(Kind.NAME, text.substring(start, pos), start);
    }
  }

  private void lexInt() {
    int start = pos;
    pos++;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && isIdentPart(text.charAt(pos))) {
      fail(pos, "unexpected character '" + text.charAt(pos) + "' after a number");
      return;
    }
    String literal = text.substring(start, pos);
    int firstDigit = literal.charAt(0) == '-' ? 1 : 0;
    if (literal.length() > firstDigit + 1 && literal.charAt(firstDigit) == '0') {
      fail(start, "integer literal '" + literal + "' has a leading zero");
      return;
    }
    add(Kind.INT, literal, start);
  }

  private void lexString() {
    int start = pos;
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
        fail(start, "unterminated string");
        return;
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        add(Kind.STRING, value.toString(), start);
        return;
      }
      if (c == '\\') {
        char e = next(1);
        if (e != '"' && e != '\\') {
          fail(pos, "unknown escape in string: only \\\" and \\\\ are allowed");
          return;
        }
        value.append(e);
        pos += 2;
      } else if (Character.isISOControl(c) && c != '\t') {
        fail(pos, String.format("control character U+%04X in string", (int) c));
        return;
      } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next(1))) {
        value.append(c).append(next(1));
        pos += 2;
      } else if (Character.isSurrogate(c)) {
        fail(pos, "text is not valid Unicode");
        return;
      } else {
        value.append(c);
        pos++;
      }
    }
  }

  private void lexPunct(char c) {
    int start = pos;
    char d = next(1);
    Kind kind;
    int width = 1;
    switch (c) {
      case '{' -> kind = Kind.LBRACE;
      case '}' -> kind = Kind.RBRACE;
      case '(' -> kind = Kind.LPAREN;
      case ')' -> kind = Kind.RPAREN;
      case ',' -> kind = Kind.COMMA;
      case '.' -> kind = Kind.DOT;
      case ':' -> kind = Kind.COLON;
      case '&' -> {
        kind = d == '&' ? Kind.AND : Kind.AMP;
        width = d == '&' ? 2 : 1;
      }
      case '=' -> {
        kind = d == '=' ? Kind.EQ : Kind.ASSIGN;
        width = d == '=' ? 2 : 1;
      }
      case '!' -> {
        kind = d == '=' ? Kind.NE : Kind.NOT;
        width = d == '=' ? 2 : 1;
      }
      case '|' -> {
        if (d != '|') {
          fail(start, "unexpected character '|': did you mean '||'?");
          return;
        }
        kind = Kind.OR;
        width = 2;
      }
      case '<' -> {
        if (d != '-') {
          fail(start, "unexpected character '<': did you mean '<-'?");
          return;
        }
        kind = Kind.ARROW;
        width = 2;
      }
      default -> {
        fail(start, "unexpected character " + describeChar(start));
        return;
      }
    }
    pos += width;
    add(kind, text.substring(start, pos), start);
  }

  private String describeChar(int at) {
    int cp = text.codePointAt(at);
    if (cp >= 0x21 && cp < 0x7f) {
      return "'" + (char) cp + "'";
    }
    return String.format("U+%04X", cp);
  }

  /** Reports an error at {@code at} and turns the rest of the line into one BAD token. */
  private void fail(int at, String message) {
    diagnostics.error(line, column(at), message);
    add(Kind.BAD, "", at);
    skipToLineEnd();
    keepOpeningBrace(at);
  }

  /**
   * Keeps a '{' that ends a rejected line, so the parser can still match the block it opens with
   * its '}' instead of closing the enclosing block early.
   */
  private void keepOpeningBrace(int failedAt) {
    int end = pos - 1;
    while (end > failedAt && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end--;
    }
    if (end > failedAt && text.charAt(end) == '{') {
      add(Kind.LBRACE, "{", end);
    }
  }

  private void skipToLineEnd() {
    while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
      pos++;
    }
  }

  private void endLine(int nextLineStart) {
    if (lineHasToken) {
      add(Kind.NEWLINE, "", pos);
    }
    pos = nextLineStart;
    line++;
    lineStart = nextLineStart;
    lineHasToken = false;
  }

  private void add(Kind kind, String tokenText, int at) {
    tokens.add(new Token(kind, tokenText, line, column(at)));
    if (kind != Kind.NEWLINE && kind != Kind.EOF) {
      lineHasToken = true;
    }
  }

  private int column(int at) {
    return text.codePointCount(lineStart, Math.min(at, text.length())) + 1;
  }

  private char next(int ahead) {
    int at = pos + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  private static boolean isTestNameChar(char c) {
    return isIdentPart(c) || c == '.' || c == '+' || c == '-';
  }
}
