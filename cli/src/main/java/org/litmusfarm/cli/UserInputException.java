package org.litmusfarm.cli;

/** A problem with what the user asked for, reported as one message with exit status 2. */
final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserInputException(String message) {
    super(message);
  }
}
