package org.litmusfarm.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.litmusfarm.schema.transport.ClientTls;
import picocli.CommandLine.Option;

/** Whether a client reaches the coordinator over TLS, and which certificates it trusts. */
final class TlsOptions {
  @Option(names = "--tls", description = "use TLS, trusting the JVM's default authorities (implied by --tls-ca)")
  boolean tls;

  @Option(names = "--tls-ca", paramLabel = "PEM", defaultValue = "${env:FARM_TLS_CA}", description = "use TLS, trusting the certificates in this PEM file (default $FARM_TLS_CA)")
  Path tlsCa;

  /** The client TLS these options ask for; throws a user error when the file is unusable. */
  ClientTls clientTls() {
    try {
      return ClientTls.of(tls, Optional.ofNullable(tlsCa));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
