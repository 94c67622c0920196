package org.litmusfarm.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Runs one call to the coordinator, turning its refusals into the farm's user errors. */
final class CampaignCalls {
  private CampaignCalls() {}

  static <T> T call(String coordinator, Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      Status s = e.getStatus();
      String why = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
      if (s.getCode() == Status.Code.INVALID_ARGUMENT || s.getCode() == Status.Code.UNAUTHENTICATED
          || s.getCode() == Status.Code.NOT_FOUND) {
        throw new UserInputException("the coordinator refused: " + why);
      }
      throw new IllegalStateException("coordinator " + coordinator + ": " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription()));
    }
  }
}
