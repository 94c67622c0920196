package org.litmusfarm.coordinator.ingest;

/** A record that is not an acceptable outcome batch; it is logged, counted and skipped. */
final class RejectedBatchException extends Exception {
  private final RejectReason reason;

  RejectedBatchException(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  RejectReason reason() {
    return reason;
  }
}
