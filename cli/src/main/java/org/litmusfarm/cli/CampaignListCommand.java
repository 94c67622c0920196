package org.litmusfarm.cli;

import io.grpc.ManagedChannel;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.litmusfarm.schema.v1.Campaign;
import org.litmusfarm.schema.v1.FarmServiceGrpc;
import org.litmusfarm.schema.v1.ListCampaignsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm campaign list}: the newest campaigns and their progress. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List campaigns, newest first.")
final class CampaignListCommand implements Callable<Integer> {
  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N campaigns (default ${DEFAULT-VALUE})")
  int limit;

  @Mixin CoordinatorOptions coordinator;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000) {
      throw new UserInputException("--limit must be between 1 and 1000");
    }
    ManagedChannel channel = coordinator.open();
    try {
      var stub = FarmServiceGrpc.newBlockingStub(channel);
      var list = CampaignCalls.call(coordinator.toString(),
          () -> stub.withDeadlineAfter(30, TimeUnit.SECONDS).listCampaigns(ListCampaignsRequest.newBuilder().setLimit(limit).build()));
      var out = spec.commandLine().getOut();
      out.printf("%-16s %-16s %4s %-8s %13s  %s%n", "campaign", "spec", "ver", "state", "jobs done", "started");
      for (Campaign c : list.getCampaignsList()) {
        out.printf("%-16s %-16s %4d %-8s %13s  %s%n", c.getCampaignId(), c.getSpecName(), c.getSpecVersion(), c.getState(),
            c.getJobsDone() + "/" + c.getJobsTotal() + (c.getJobsFailed() > 0 ? " (" + c.getJobsFailed() + "!)" : ""),
            Instant.ofEpochMilli(c.getStartedUnixMs()));
      }
      out.flush();
      return ExitStatus.OK;
    } finally {
      channel.shutdownNow();
    }
  }
}
