package org.litmusfarm.embedded;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * While open, turns Kafka's requests to exit or halt the JVM into exceptions and remembers the
 * first one. Kafka's fatal-fault handlers stop the process, which in an embedded broker would kill
 * the farm (or the test JVM) with no word to the caller, e.g. when the controller cannot bind its
 * port. A fault on a Kafka thread leaves a broken broker behind, so the starter must call {@link
 * #rethrowIfRequested()} before trusting it. Closing restores Kafka's default procedures, which do
 * stop the JVM.
 *
 * <p>The procedures are global to the JVM: only one guard may be open at a time, so callers hold
 * {@link #LOCK} around the guarded section.
 */
final class ExitGuard implements AutoCloseable {
  static final Object LOCK = new Object();

  private final AtomicReference<KafkaExitException> request = new AtomicReference<>();

  private ExitGuard() {}

  static ExitGuard install() {
    ExitGuard guard = new ExitGuard();
    Exit.setExitProcedure((status, message) -> guard.refuse("exit", status, message));
    Exit.setHaltProcedure((status, message) -> guard.refuse("halt", status, message));
    return guard;
  }

  private void refuse(String kind, int status, String message) {
    KafkaExitException refused = new KafkaExitException(kind, status, message);
    request.compareAndSet(null, refused);
    throw refused;
  }

  /** Throws if Kafka asked to stop the JVM, on any thread, since the guard was installed. */
  void rethrowIfRequested() {
    KafkaExitException refused = request.get();
    if (refused != null) {
      throw new IllegalStateException(refused.getMessage(), refused);
    }
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
