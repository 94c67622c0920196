package org.litmusfarm.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.litmusfarm.worker.CallFailure;

/** Turns a failed call to the coordinator into the farm's error: the user's fault, or the farm's. */
final class CoordinatorRefusal {
  private CoordinatorRefusal() {}

  static RuntimeException of(String coordinator, StatusRuntimeException e) {
    Status s = e.getStatus();
    switch (s.getCode()) {
      case INVALID_ARGUMENT, UNAUTHENTICATED, NOT_FOUND -> {
        return new UserInputException("the coordinator refused: "
            + (s.getDescription() == null ? s.getCode().toString() : s.getDescription()));
      }
      case UNAVAILABLE -> {
        return new IllegalStateException("cannot reach the coordinator at " + coordinator + CallFailure.rootCause(s)
            + ": check that it runs there (--coordinator, FARM_COORDINATOR) and whether it expects TLS (--tls, --tls-ca)");
      }
      default -> {
        return new IllegalStateException("coordinator " + coordinator + ": " + CallFailure.describe(e));
      }
    }
  }
}
