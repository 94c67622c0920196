package org.litmusfarm.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.litmusfarm.schema.v1.CampaignReport;
import org.litmusfarm.schema.v1.FarmServiceGrpc;
import org.litmusfarm.schema.v1.GetCampaignRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm campaign show}: a campaign's report. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print a campaign's report: per architecture and mode, the conformance table, WEAK outcomes",
      "new since the previous campaign of the same spec, violations, and what the fuzzer found.",
      "Exit status 3 when the campaign observed a FORBIDDEN outcome (emulated ones included)."
    })
final class CampaignShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ID", description = "the campaign id, e.g. c-0123456789ab")
  String id;

  @Option(names = "--json", description = "print the report as one JSON object on stdout")
  boolean json;

  @Option(names = "--wait", description = "follow the campaign (progress on stderr) until it finishes, then print")
  boolean waitForIt;

  @Mixin CoordinatorOptions coordinator;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    ManagedChannel channel = coordinator.open();
    try {
      var stub = FarmServiceGrpc.newBlockingStub(channel);
      PrintWriter out = spec.commandLine().getOut();
      if (waitForIt) {
        return followAndPrint(stub, coordinator.toString(), id, json, out, spec.commandLine().getErr());
      }
      return print(get(stub, coordinator.toString(), id), json, out);
    } finally {
      channel.shutdownNow();
    }
  }

  static CampaignReport get(FarmServiceGrpc.FarmServiceBlockingStub stub, String coordinator, String id) {
    return CampaignCalls.call(coordinator,
        () -> stub.withDeadlineAfter(60, TimeUnit.SECONDS).getCampaign(GetCampaignRequest.newBuilder().setCampaignId(id).build()));
  }

  /** How long without progress before following a campaign says so. */
  static final Duration STALL_NOTICE = Duration.ofMinutes(5);

  /** Polls until the campaign finished and its batches are ingested, then prints the report. */
  static int followAndPrint(
      FarmServiceGrpc.FarmServiceBlockingStub stub, String coordinator, String id, boolean json, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    String last = "";
    long changedAt = System.nanoTime();
    long stallNotice = STALL_NOTICE.toNanos();
    while (true) {
      CampaignReport r = get(stub, coordinator, id);
      var c = r.getCampaign();
      String line = String.format("farm: campaign %s %s: %d/%d jobs done%s%s", c.getCampaignId(), c.getState(),
          c.getJobsDone(), c.getJobsTotal(), c.getJobsFailed() > 0 ? " (" + c.getJobsFailed() + " failed)" : "",
          r.hasFuzz() ? ", fuzzer " + r.getFuzz().getEvaluated() + "/" + r.getFuzz().getBudget() + " mutants" : "");
      if (!line.equals(last)) {
        err.println(line);
        err.flush();
        last = line;
        changedAt = System.nanoTime();
      } else if (System.nanoTime() - changedAt > stallNotice) {
        err.println("farm: no progress for " + STALL_NOTICE.toMinutes() + " min; are workers of every architecture, mode"
            + " and toolchain the campaign needs connected? (farm campaign show " + id + " lists where jobs wait)");
        err.flush();
        changedAt = System.nanoTime();
      }
      if (!c.getState().equals("running") && r.getIngested()) {
        return print(r, json, out);
      }
      Thread.sleep(2000);
    }
  }

  static int print(CampaignReport r, boolean json, PrintWriter out) {
    if (json) {
      try {
        out.println(JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace().print(r));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("cannot print the report as JSON: " + e.getMessage(), e);
      }
    } else {
      new CampaignReportText(out).print(r);
    }
    out.flush();
    return r.getViolationsCount() > 0 ? ExitStatus.VIOLATION : ExitStatus.OK;
  }
}
