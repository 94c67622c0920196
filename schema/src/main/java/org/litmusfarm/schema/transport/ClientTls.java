package org.litmusfarm.schema.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client secures its channel to the coordinator: plaintext, or TLS trusting either the
 * JVM's default certificate authorities or the PEM certificates in one file (for a farm's own CA
 * or a self-signed coordinator certificate).
 *
 * @param enabled whether to use TLS
 * @param trustedCertificates PEM file of the certificates to trust instead of the default ones
 */
public record ClientTls(boolean enabled, Optional<Path> trustedCertificates) {
  /** No TLS. */
  public static final ClientTls PLAINTEXT = new ClientTls(false, Optional.empty());

  public ClientTls {
    Objects.requireNonNull(trustedCertificates, "trustedCertificates");
    if (!enabled && trustedCertificates.isPresent()) {
      throw new IllegalArgumentException("trusted certificates make sense only with TLS");
    }
  }

  /** TLS trusting the JVM's default certificate authorities. */
  public static ClientTls defaultTrust() {
    return new ClientTls(true, Optional.empty());
  }

  /** TLS trusting the certificates in {@code pem}; throws if the file cannot be read. */
  public static ClientTls trusting(Path pem) {
    if (!Files.isReadable(pem)) {
      throw new IllegalArgumentException("cannot read the TLS certificate file " + pem);
    }
    return new ClientTls(true, Optional.of(pem));
  }

  /**
   * The choice made by command-line options: {@code --tls-ca FILE} implies TLS trusting that file;
   * {@code --tls} alone trusts the default authorities; neither is plaintext.
   */
  public static ClientTls of(boolean tls, Optional<Path> trusted) {
    return trusted.map(ClientTls::trusting).orElse(tls ? defaultTrust() : PLAINTEXT);
  }
}
