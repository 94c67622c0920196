package org.litmusfarm.dashboard.submit;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.litmusfarm.schema.transport.ClientTls;
import org.litmusfarm.schema.transport.CoordinatorChannels;
import org.litmusfarm.schema.v1.FarmServiceGrpc;
import org.litmusfarm.schema.v1.GetResultsRequest;
import org.litmusfarm.schema.v1.GetResultsResponse;
import org.litmusfarm.schema.v1.SubmitRequest;
import org.litmusfarm.schema.v1.SubmitResponse;

/**
 * The coordinator's FarmService as the dashboard uses it: submit a program, read its results. Every
 * call bears the farm token and has a deadline; refusals become {@link Refused} with the reason.
 */
public final class FarmClient implements AutoCloseable {
  private static final long DEADLINE_SECONDS = 30;

  private final ManagedChannel channel;
  private final FarmServiceGrpc.FarmServiceBlockingStub stub;

  /** A channel to {@code target} (HOST:PORT), secured as {@code tls} says, bearing {@code token}. */
  public FarmClient(String target, String token, ClientTls tls) {
    channel = CoordinatorChannels.open(target, Optional.of(token), tls);
    stub = FarmServiceGrpc.newBlockingStub(channel);
  }

  /** Submits {@code request}; throws {@link Refused} when the coordinator refuses or is unreachable. */
  public SubmitResponse submit(SubmitRequest request) {
    try {
      return stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).submit(request);
    } catch (StatusRuntimeException e) {
      throw refused(e);
    }
  }

  /** The results of submission {@code id} so far. */
  public GetResultsResponse results(String id) {
    try {
      return stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .getResults(GetResultsRequest.newBuilder().setSubmissionId(id).build());
    } catch (StatusRuntimeException e) {
      throw refused(e);
    }
  }

  private static Refused refused(StatusRuntimeException e) {
    Status s = e.getStatus();
    String why = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
    List<Problem> problems = new ArrayList<>();
    if (s.getCode() == Status.Code.INVALID_ARGUMENT) {
      for (String line : why.split("\n")) {
        problems.add(Problem.parse(line));
      }
    } else {
      problems.add(Problem.general(describe(s, why)));
    }
    return new Refused(kind(s.getCode()), problems);
  }

  private static String describe(Status s, String why) {
    return switch (s.getCode()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED -> "the coordinator is not reachable: " + why;
      case UNAUTHENTICATED -> "the coordinator refused the dashboard's token: " + why;
      case NOT_FOUND -> why;
      default -> "the coordinator failed: " + why;
    };
  }

  private static Refused.Kind kind(Status.Code code) {
    return switch (code) {
      case INVALID_ARGUMENT -> Refused.Kind.INVALID;
      case NOT_FOUND -> Refused.Kind.NOT_FOUND;
      default -> Refused.Kind.UNAVAILABLE;
    };
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
