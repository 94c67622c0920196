package org.litmusfarm.cli;

/** The exit statuses every farm command uses. */
final class ExitStatus {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int INVALID = 2;
  static final int VIOLATION = 3;
  /** {@code farm detect}: a mutant survived on a native target whose CPU can expose it. */
  static final int UNDETECTED = 4;

  private ExitStatus() {}
}
