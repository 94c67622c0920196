package org.litmusfarm.cli;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;

/** A plaintext gRPC channel to a coordinator that bears the farm token on every call. */
final class CoordinatorChannel {
  private CoordinatorChannel() {}

  static ManagedChannel open(String target, String token) {
    if (target == null || !target.matches("[A-Za-z0-9_.\\-\\[\\]:]+:\\d{1,5}")) {
      throw new UserInputException("--coordinator must be HOST:PORT, not '" + target + "'");
    }
    if (token == null || token.isBlank()) {
      throw new UserInputException("no farm token: pass --token or set FARM_TOKEN");
    }
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return NettyChannelBuilder.forTarget(target)
        .usePlaintext()
        .intercept(MetadataUtils.newAttachHeadersInterceptor(headers))
        .build();
  }
}
