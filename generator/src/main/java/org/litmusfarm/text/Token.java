package org.litmusfarm.text;

/** One lexical token of {@code .litmus} text at a 1-based line and column. */
record Token(Kind kind, String text, int line, int column) {
  /** The kinds of token. */
  enum Kind {
    IDENT,
    INT,
    STRING,
    /** The test name after {@code litmus}: {@code [A-Za-z0-9_.+-]+}. */
    NAME,
    LBRACE,
    RBRACE,
    LPAREN,
    RPAREN,
    COMMA,
    AMP,
    ASSIGN,
    EQ,
    NE,
    ARROW,
    NOT,
    AND,
    OR,
    DOT,
    COLON,
    /** A line whose rest the lexer rejected; the error is already reported. */
    BAD,
    NEWLINE,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isWord(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }

  /** How the token is named in messages. */
  String describe() {
    return switch (kind) {
      case NEWLINE -> "end of line";
      case EOF -> "end of file";
      case STRING -> "a string";
      default -> "'" + text + "'";
    };
  }
}
