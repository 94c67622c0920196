package org.litmusfarm.embedded;

import org.apache.kafka.common.utils.internals.Exit;

/**
 * While open, turns Kafka's requests to exit or halt the JVM into exceptions. Kafka's fatal-fault
 * handlers stop the process, which in an embedded broker would kill the farm (or the test JVM)
 * without a word, e.g. when the controller cannot bind its port. Closing restores Kafka's default
 * procedures, which do stop the JVM.
 *
 * <p>The procedures are global to the JVM: only one guard may be open at a time, so callers hold
 * {@link #LOCK} around the guarded section.
 */
final class ExitGuard implements AutoCloseable {
  static final Object LOCK = new Object();

  private ExitGuard() {}

  static ExitGuard install() {
    Exit.setExitProcedure((status, message) -> {
      throw new KafkaExitException("exit", status, message);
    });
    Exit.setHaltProcedure((status, message) -> {
      throw new KafkaExitException("halt", status, message);
    });
    return new ExitGuard();
  }

  @Override
  public void close() {
    Exit.resetExitProcedure();
    Exit.resetHaltProcedure();
  }

  /** Kafka asked to stop the JVM; its log has the fault. */
  static final class KafkaExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KafkaExitException(String kind, int status, String message) {
      super(
          "kafka asked to "
              + kind
              + " the JVM with status "
              + status
              + (message == null ? " after a fatal fault (logged above)" : ": " + message));
    }
  }
}
