package org.litmusfarm.cli;

import io.grpc.ManagedChannel;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a client command reaches a running coordinator: address, token and TLS. */
final class CoordinatorOptions {
  @Option(names = "--coordinator", paramLabel = "HOST:PORT", defaultValue = "${env:FARM_COORDINATOR:-127.0.0.1:7701}", description = "the coordinator (default $FARM_COORDINATOR, else ${DEFAULT-VALUE})")
  String coordinator;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:FARM_TOKEN}", description = "the farm token (default $FARM_TOKEN)")
  String token;

  @Mixin TlsOptions tls;

  /** A channel to the coordinator bearing the token; throws a user error when they are unusable. */
  ManagedChannel open() {
    return CoordinatorChannel.open(coordinator, token, tls.clientTls());
  }

  @Override
  public String toString() {
    return coordinator;
  }
}
