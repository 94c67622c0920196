package org.litmusfarm.coordinator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS for the coordinator's gRPC server: a PEM certificate chain and its PEM private key (PKCS#8).
 * Without it the server speaks plaintext, which is meant for loopback and trusted networks only.
 */
public record ServerTls(Path certificateChain, Path privateKey) {
  public ServerTls {
    Objects.requireNonNull(certificateChain, "certificateChain");
    Objects.requireNonNull(privateKey, "privateKey");
    for (Path p : new Path[] {certificateChain, privateKey}) {
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException("cannot read the TLS file " + p);
      }
    }
  }
}
