package org.litmusfarm.cli;

import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** Runs one call to the coordinator, turning its refusals into the farm's user errors. */
final class CampaignCalls {
  private CampaignCalls() {}

  static <T> T call(String coordinator, Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      throw CoordinatorRefusal.of(coordinator, e);
    }
  }
}
