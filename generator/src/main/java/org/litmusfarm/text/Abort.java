package org.litmusfarm.text;

/**
 * Abandons the parse of the current line; {@code at} is where the error is reported. A BAD token
 * means the lexer already reported the line. Carries no stack trace: it is control flow.
 */
final class Abort extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient Token at;

  Abort(Token at, String message) {
    super(message, null, false, false);
    this.at = at;
  }
}
