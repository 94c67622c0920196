package org.litmusfarm.cli;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.campaign.CampaignSpec;
import org.litmusfarm.schema.v1.Campaign;
import org.litmusfarm.schema.v1.FarmServiceGrpc;
import org.litmusfarm.schema.v1.StartCampaignRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm campaign start}: starts a spec, given as a file or by name. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Start a campaign on a running coordinator.",
      "SPEC is a spec file, or a name: campaigns/NAME.json here if it exists (checked and sent),",
      "else the coordinator's own spec of that name."
    })
final class CampaignStartCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SPEC", description = "a spec file (e.g. campaigns/nightly.json) or a spec name (e.g. nightly)")
  String specArg;

  @Option(names = "--wait", description = "then follow the campaign until it finishes and print its report")
  boolean waitForReport;

  @Mixin CoordinatorOptions coordinator;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    StartCampaignRequest request = request();
    ManagedChannel channel = coordinator.open();
    try {
      var stub = FarmServiceGrpc.newBlockingStub(channel);
      Campaign c = CampaignCalls.call(coordinator.toString(), () -> stub.withDeadlineAfter(120, TimeUnit.SECONDS).startCampaign(request));
      var out = spec.commandLine().getOut();
      out.printf("started campaign %s: %s v%d, %d jobs%n", c.getCampaignId(), c.getSpecName(), c.getSpecVersion(), c.getJobsTotal());
      out.flush();
      if (!waitForReport) {
        return ExitStatus.OK;
      }
      return CampaignShowCommand.followAndPrint(stub, coordinator.toString(), c.getCampaignId(), false, out, spec.commandLine().getErr());
    } finally {
      channel.shutdownNow();
    }
  }

  private StartCampaignRequest request() {
    Path file = Path.of(specArg);
    boolean looksLikeFile = specArg.contains("/") || specArg.endsWith(".json");
    if (!looksLikeFile) {
      Path local = Path.of("campaigns", specArg + ".json");
      if (!Files.isRegularFile(local)) {
        return StartCampaignRequest.newBuilder().setSpecName(specArg).build();
      }
      file = local;
    }
    if (!Files.isRegularFile(file)) {
      throw new UserInputException("no campaign spec file " + file);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    CampaignSpec parsed;
    try {
      parsed = CampaignSpec.parse(file.toString(), text, Catalog.load());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    return StartCampaignRequest.newBuilder().setSpecName(parsed.name()).setSpecText(text).build();
  }
}
