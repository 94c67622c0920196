package org.litmusfarm.coordinator.rpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Refuses every call whose {@code authorization: Bearer TOKEN} metadata does not carry the farm's
 * token, with {@code UNAUTHENTICATED}. The token is compared in constant time and never logged.
 */
public final class TokenAuth implements ServerInterceptor {
  /** The metadata key clients put their token under. */
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final byte[] expected;

  /** Accepts calls bearing {@code token}. */
  public TokenAuth(String token) {
    Objects.requireNonNull(token);
    if (token.length() < 16) {
      throw new IllegalArgumentException("the farm token must be at least 16 characters");
    }
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String given = headers.get(AUTHORIZATION);
    if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      call.close(
          Status.UNAUTHENTICATED.withDescription(
              given == null ? "missing farm token (authorization: Bearer TOKEN)" : "invalid farm token"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
