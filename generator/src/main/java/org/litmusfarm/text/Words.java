package org.litmusfarm.text;

import org.litmusfarm.model.Names;
import org.litmusfarm.text.Token.Kind;

/** What a token spells: registers, goroutine names, identifiers. No regular expressions per char. */
final class Words {
  private Words() {}

  static boolean isGoroutineName(Token t) {
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
  static int goroutineIndex(Token t) {
    String digits = t.text().substring(1);
    if (digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  static String identifierProblem(Token t) {
    return Names.identifierProblem(t.text());
  }

  static boolean isRegister(Token t) {
    return t.is(Kind.IDENT) && Names.isRegisterName(t.text());
  }

  static boolean looksLikeRegister(Token t) {
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
}
