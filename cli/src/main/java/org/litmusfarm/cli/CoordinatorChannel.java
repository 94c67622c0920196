package org.litmusfarm.cli;

import io.grpc.ManagedChannel;
import java.util.Optional;
import org.litmusfarm.schema.transport.ClientTls;
import org.litmusfarm.schema.transport.CoordinatorChannels;

/** A gRPC channel to a coordinator, plaintext or TLS, that bears the farm token on every call. */
final class CoordinatorChannel {
  private CoordinatorChannel() {}

  static ManagedChannel open(String target, String token) {
    return open(target, token, ClientTls.PLAINTEXT);
  }

  static ManagedChannel open(String target, String token, ClientTls tls) {
    if (target == null || !target.matches("[A-Za-z0-9_.\\-\\[\\]:]+:\\d{1,5}")) {
      throw new UserInputException("--coordinator must be HOST:PORT, not '" + target + "'");
    }
    if (token == null || token.isBlank()) {
      throw new UserInputException("no farm token: pass --token or set FARM_TOKEN");
    }
    try {
      return CoordinatorChannels.open(target, Optional.of(token), tls);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
