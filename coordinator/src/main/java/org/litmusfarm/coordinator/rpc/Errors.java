package org.litmusfarm.coordinator.rpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.litmusfarm.coordinator.lease.LeaseLostException;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a unary call, turning the coordinator's exceptions into gRPC statuses with reasons:
 * invalid programs and arguments are {@code INVALID_ARGUMENT}, a lost lease {@code
 * FAILED_PRECONDITION}, anything unexpected {@code INTERNAL} (logged here, not sent).
 */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  static <T> void answer(StreamObserver<T> observer, String method, Supplier<T> body) {
    T response;
    try {
      response = body.get();
    } catch (StatusRuntimeException e) {
      observer.onError(e);
      return;
    } catch (InvalidProgramException e) {
      String lines =
          e.diagnostics().stream().map(Errors::withoutPath).collect(Collectors.joining("\n"));
      observer.onError(Status.INVALID_ARGUMENT.withDescription(lines).asRuntimeException());
      return;
    } catch (IllegalArgumentException e) {
      observer.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (LeaseLostException e) {
      observer.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (RuntimeException e) {
      LOG.error("{} failed", method, e);
      observer.onError(Status.INTERNAL.withDescription(method + " failed; see the coordinator log").asRuntimeException());
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /** {@code line:col: message}, the parser's position without the synthetic file name. */
  private static String withoutPath(Diagnostic d) {
    return d.line() + ":" + d.column() + ": " + d.message();
  }

  static StatusRuntimeException notFound(String what) {
    return Status.NOT_FOUND.withDescription(what).asRuntimeException();
  }
}
