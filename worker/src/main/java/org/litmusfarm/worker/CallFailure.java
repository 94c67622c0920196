package org.litmusfarm.worker;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** One line for a failed coordinator call: code, description and root cause, never a stack trace. */
public final class CallFailure {
  private CallFailure() {}

  /** The code, the description when there is one, and the root cause's message in brackets. */
  public static String describe(StatusRuntimeException e) {
    Status s = e.getStatus();
    return s.getCode().name() + (s.getDescription() == null ? "" : ": " + s.getDescription()) + rootCause(s);
  }

  /** " (message of the innermost cause)", or nothing when the status carries none. */
  public static String rootCause(Status s) {
    Throwable root = s.getCause();
    while (root != null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == null || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
  }
}
