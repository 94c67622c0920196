package org.litmusfarm.model;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identifier and test-name rules of the {@code .litmus} format. Every name in the model passes
 * through here, so nothing outside these rules can reach the Go emitter.
 */
public final class Names {
  /** Longest identifier the format accepts. */
  public static final int MAX_IDENTIFIER = 32;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9_.+-]{1,100}");
  private static final Pattern REGISTER = Pattern.compile("r(?:[0-9]|1[0-5])");

  /** Go keywords, predeclared names the emitter relies on, and the format's own words. */
  private static final Set<String> RESERVED =
      Set.of(
          "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
          "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
          "return", "select", "struct", "switch", "type", "var", "atomic", "close", "main", "init",
          // Go predeclared identifiers that generated code uses.
          "int64", "len", "cap", "make", "new", "nil", "true", "false", "panic", "string", "uint64",
          "int", "bool", "error", "append", "copy", "print", "println", "uintptr",
          // Words of the format itself.
          "litmus", "doc", "mutex", "waitgroup", "once", "exists", "observe");

  private Names() {}

  /** Returns why {@code name} is not a valid identifier, or {@code null} if it is one. */
  public static String identifierProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "missing identifier";
    }
    if (!IDENTIFIER.matcher(name).matches()) {
      return "invalid identifier '" + name + "': use letters, digits and '_', not starting with a digit";
    }
    if (name.length() > MAX_IDENTIFIER) {
      return "identifier '" + name + "' is longer than " + MAX_IDENTIFIER + " characters";
    }
    if (RESERVED.contains(name)) {
      return "'" + name + "' is reserved and cannot be used as an identifier";
    }
    if (isRegisterName(name)) {
      return "'" + name + "' is a register name and cannot name a shared object";
    }
    return null;
  }

  /** Returns {@code name} if it is a valid shared-object identifier, else throws. */
  public static String requireIdentifier(String name) {
    String problem = identifierProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return name;
  }

  /** Returns {@code name} if it is a valid test name ({@code [A-Za-z0-9_.+-]{1,100}}), else throws. */
  public static String requireTestName(String name) {
    if (!isTestName(name)) {
      throw new IllegalArgumentException("invalid test name '" + name + "'");
    }
    return name;
  }

  /** Whether {@code name} is a valid test name. */
  public static boolean isTestName(String name) {
    return name != null && TEST_NAME.matcher(name).matches();
  }

  /** Whether {@code name} spells a register {@code r0}..{@code r15}. */
  public static boolean isRegisterName(String name) {
    return REGISTER.matcher(name).matches();
  }
}
