package org.litmusfarm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code farm campaign}: start, list and show campaigns on a running coordinator. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description = {
      "Start, list and show campaigns on a running coordinator.",
      "A campaign runs a named, versioned spec (campaigns/NAME.json): catalog tests on",
      "architectures and modes, per toolchain and harness set, then outcome-guided fuzzing."
    },
    subcommands = {CampaignStartCommand.class, CampaignListCommand.class, CampaignShowCommand.class})
final class CampaignCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: start, list or show");
  }
}
