package org.litmusfarm.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class CallFailureTest {
  @Test
  void aRefusedConnectionIsOneLineNamingTheRootCause() {
    var e = Status.UNAVAILABLE.withDescription("io exception")
        .withCause(new IOException("finishConnect(..) failed", new ConnectException("Connection refused")))
        .asRuntimeException();
    assertEquals("UNAVAILABLE: io exception (Connection refused)", CallFailure.describe(e));
  }

  @Test
  void aRefusalWithoutCauseIsCodeAndDescription() {
    var e = Status.FAILED_PRECONDITION.withDescription("job 7 is not leased to you").asRuntimeException();
    assertEquals("FAILED_PRECONDITION: job 7 is not leased to you", CallFailure.describe(e));
  }

  @Test
  void aBareCodeIsJustTheCode() {
    assertEquals("DEADLINE_EXCEEDED", CallFailure.describe(Status.DEADLINE_EXCEEDED.asRuntimeException()));
  }
}
