package org.litmusfarm.cli;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.litmusfarm.model.Diagnostic;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.schema.convert.Params;
import org.litmusfarm.schema.v1.ArchResult;
import org.litmusfarm.schema.v1.ClassifiedCount;
import org.litmusfarm.schema.v1.FarmServiceGrpc;
import org.litmusfarm.schema.v1.GetResultsRequest;
import org.litmusfarm.schema.v1.GetResultsResponse;
import org.litmusfarm.schema.v1.SubmitRequest;
import org.litmusfarm.schema.v1.SubmitResponse;
import org.litmusfarm.text.ParsedProgram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm submit}: sends a program to a running coordinator and optionally follows it. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Submit a program to a running coordinator.",
      "With --wait, print results as they arrive; exit status 3 when a FORBIDDEN outcome is seen."
    })
final class SubmitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "a .litmus file")
  Path file;

  @Option(names = "--arch", split = ",", paramLabel = "ARCH", required = true, description = "target architectures, e.g. amd64,arm64")
  List<String> archs;

  @Mixin HarnessOptions harness;

  @Option(names = "--native-only", description = "refuse emulated workers (by default emulated workers may run the jobs, and say so)")
  boolean nativeOnly;

  @Option(names = "--wait", description = "follow the results until every job finished")
  boolean waitForResults;

  @Mixin CoordinatorOptions coordinator;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ParsedProgram parsed = Sources.read(file);
    String text = org.litmusfarm.text.Printer.print(parsed.program());
    ManagedChannel channel = coordinator.open();
    try {
      var stub = FarmServiceGrpc.newBlockingStub(channel);
      SubmitResponse submitted;
      try {
        submitted =
            stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                .submit(
                    SubmitRequest.newBuilder()
                        .setLitmus(text)
                        .addAllArchs(archs)
                        .setParams(Params.toWire(harness.paramsFor(parsed.program())))
                        .setAllowEmulated(!nativeOnly)
                        .build());
      } catch (StatusRuntimeException e) {
        throw refused(e);
      }
      out.printf("submitted %s: program %s (%s), verdict %s, %d job(s)%n", submitted.getSubmissionId(),
          parsed.program().name(), submitted.getProgramId().substring(0, 12), submitted.getVerdict(), submitted.getJobIdsCount());
      out.flush();
      if (!waitForResults) {
        return ExitStatus.OK;
      }
      return follow(stub, submitted.getSubmissionId(), out, err);
    } finally {
      channel.shutdownNow();
    }
  }

  private int follow(FarmServiceGrpc.FarmServiceBlockingStub stub, String id, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    Map<String, String> shown = new HashMap<>();
    while (true) {
      GetResultsResponse r;
      try {
        r = stub.withDeadlineAfter(30, TimeUnit.SECONDS).getResults(GetResultsRequest.newBuilder().setSubmissionId(id).build());
      } catch (StatusRuntimeException e) {
        throw refused(e);
      }
      for (ArchResult a : r.getResultsList()) {
        String key = a.getProvenance().getArch();
        String now = a.getState() + "/" + a.getIterations();
        if (!now.equals(shown.get(key))) {
          shown.put(key, now);
          err.printf("farm: %s: %s, %,d iterations%n", key, a.getState(), a.getIterations());
          err.flush();
        }
      }
      if (r.getFinished()) {
        return print(r, out);
      }
      Thread.sleep(1000);
    }
  }

  private static int print(GetResultsResponse r, PrintWriter out) {
    int violations = 0;
    for (ArchResult a : r.getResultsList()) {
      var p = a.getProvenance();
      out.printf("%s %s, %s, %s, %d cores: %s, %,d iterations%n", p.getArch(), p.getMode().isEmpty() ? "(no run)" : p.getMode(),
          p.getCpuModel(), p.getGoVersion(), p.getCores(), a.getState(), a.getIterations());
      for (ClassifiedCount c : a.getCountsList()) {
        out.printf("  %,15d\t%-9s\t%s%n", c.getCount(), c.getOutcomeClass(), c.getOutcome());
        if (c.getOutcomeClass().equals("FORBIDDEN")) {
          violations++;
        }
      }
    }
    out.println("violations: " + violations);
    return violations > 0 ? ExitStatus.VIOLATION : ExitStatus.OK;
  }

  private RuntimeException refused(StatusRuntimeException e) {
    Status s = e.getStatus();
    String why = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
    if (s.getCode() == Status.Code.INVALID_ARGUMENT && why.matches("(?s)\\d+:\\d+: .*")) {
      return new InvalidProgramException(
          why.lines().map(l -> {
            String[] parts = l.split(":", 3);
            return Diagnostic.error(file.toString(), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2].strip());
          }).toList());
    }
    return CoordinatorRefusal.of(coordinator.coordinator, e);
  }
}
