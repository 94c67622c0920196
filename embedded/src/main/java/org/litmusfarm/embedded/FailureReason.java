package org.litmusfarm.embedded;

import java.util.ArrayList;
import java.util.List;

/** Turns an exception chain into one line that says why, for messages shown to users. */
final class FailureReason {
  private FailureReason() {}

  /** Joins the distinct messages of the cause chain, outermost first, with ": ". */
  static String of(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null && parts.size() < 8; t = t.getCause()) {
      String message = t.getMessage();
      String part =
          message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
      if (parts.stream().noneMatch(seen -> seen.contains(part))) {
        parts.add(part);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join(": ", parts);
  }

  /** Whether some exception in the chain says that a port was already taken. */
  static boolean isPortClash(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException
          || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
