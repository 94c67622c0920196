package org.litmusfarm.schema.transport;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Opens gRPC channels to a coordinator: plaintext or TLS, with or without the farm token. */
public final class CoordinatorChannels {
  /** Largest response a client accepts (results of a large submission). */
  private static final int MAX_RESPONSE_BYTES = 16 << 20;

  /**
   * How long opening a connection may take. A coordinator that moved (a container restarted with
   * a new address) leaves connection attempts to its old address unanswered; after this the
   * channel resolves the name again instead of waiting out Netty's 30 s.
   */
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  private CoordinatorChannels() {}

  /**
   * A channel to {@code target} ({@code host:port}) secured as {@code tls} says, bearing {@code
   * token} on every call when present.
   *
   * @throws IllegalArgumentException if the TLS certificates cannot be loaded
   */
  public static ManagedChannel open(String target, Optional<String> token, ClientTls tls) {
    NettyChannelBuilder b = NettyChannelBuilder.forTarget(target).maxInboundMessageSize(MAX_RESPONSE_BYTES)
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS);
    if (tls.enabled()) {
      try {
        SslContextBuilder ssl = GrpcSslContexts.forClient();
        tls.trustedCertificates().ifPresent(pem -> ssl.trustManager(pem.toFile()));
        b.useTransportSecurity().sslContext(ssl.build());
      } catch (SSLException | IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
      }
    } else {
      b.usePlaintext();
    }
    token.ifPresent(t -> b.intercept(new BearerToken(t)));
    return b.build();
  }

  /** {@code channel} with {@code authorization: Bearer <token>} added to every call. */
  public static Channel withToken(Channel channel, String token) {
    return ClientInterceptors.intercept(channel, new BearerToken(token));
  }
}
