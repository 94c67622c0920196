package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.grpc.Status;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class CoordinatorRefusalTest {
  @Test
  void anUnreachableCoordinatorIsNamedWithTheCauseAndWhatToCheck() {
    var e = Status.UNAVAILABLE.withDescription("io exception")
        .withCause(new IOException("finishConnect(..) failed", new ConnectException("Connection refused")))
        .asRuntimeException();
    RuntimeException r = CoordinatorRefusal.of("127.0.0.1:7701", e);
    assertInstanceOf(IllegalStateException.class, r);
    assertEquals("cannot reach the coordinator at 127.0.0.1:7701 (Connection refused): check that it runs there"
        + " (--coordinator, FARM_COORDINATOR) and whether it expects TLS (--tls, --tls-ca)", r.getMessage());
  }

  @Test
  void aRejectedRequestIsTheUsersToFix() {
    RuntimeException r = CoordinatorRefusal.of("c:1",
        Status.UNAUTHENTICATED.withDescription("missing or invalid farm token").asRuntimeException());
    assertInstanceOf(UserInputException.class, r);
    assertEquals("the coordinator refused: missing or invalid farm token", r.getMessage());
  }

  @Test
  void anyOtherFailureKeepsCodeAndDescription() {
    RuntimeException r = CoordinatorRefusal.of("c:1", Status.INTERNAL.withDescription("boom").asRuntimeException());
    assertEquals("coordinator c:1: INTERNAL: boom", r.getMessage());
  }
}
