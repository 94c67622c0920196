package org.litmusfarm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.campaign.CampaignSpec;
import org.litmusfarm.coordinator.campaign.Campaigns;
import org.litmusfarm.coordinator.campaign.SpecLibrary;
import picocli.CommandLine.Option;

/**
 * Which campaign {@code farm up} runs: a spec by name ({@code campaigns/NAME.json} here, else
 * built in) or file, narrowed to the architectures the local farm serves; {@code --seconds}, when
 * given (and always for the smoke spec), sets the time per program.
 */
final class UpCampaign {
  @Option(names = "--campaign", paramLabel = "SPEC", defaultValue = SmokeCampaign.NAME,
      description = "the campaign to run: a spec name (campaigns/NAME.json) or file (default ${DEFAULT-VALUE})")
  String specArg;

  /** Reads the spec, fits it to {@code served}, and starts it. */
  Campaigns.Progress start(Campaigns campaigns, List<String> served, double seconds, boolean secondsGiven, PrintWriter err) {
    CampaignSpec spec = read();
    List<String> archs = spec.archs().stream().filter(served::contains).toList();
    if (archs.isEmpty()) {
      throw new UserInputException("campaign " + spec.name() + " runs on " + spec.archs() + ", and this farm serves only " + served);
    }
    if (archs.size() < spec.archs().size()) {
      err.println("farm up: note: campaign " + spec.name() + " also names " + spec.archs().stream().filter(a -> !served.contains(a)).toList()
          + ", which no worker here serves; running on " + archs);
    }
    CampaignSpec fitted = spec.withArchs(archs);
    if (secondsGiven || spec.name().equals(SmokeCampaign.NAME)) {
      fitted = fitted.withSeconds(seconds);
    }
    Campaigns.Progress started = campaigns.start(fitted);
    err.printf("farm up: campaign %s: %s v%d, %d programs x %d architectures = %d jobs%s%n", started.id(), spec.name(),
        spec.version(), spec.programs().size(), archs.size(), started.jobsTotal(),
        spec.fuzz().map(f -> ", then fuzzing " + f.mutants() + " mutants").orElse(""));
    err.flush();
    return started;
  }

  private CampaignSpec read() {
    boolean looksLikeFile = specArg.contains("/") || specArg.endsWith(".json");
    try {
      if (looksLikeFile) {
        Path file = Path.of(specArg);
        if (!Files.isRegularFile(file)) {
          throw new UserInputException("no campaign spec file " + file);
        }
        return CampaignSpec.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), Catalog.load());
      }
      SpecLibrary.Found found = new SpecLibrary(Optional.of(Path.of("campaigns"))).find(specArg)
          .orElseThrow(() -> new UserInputException("no campaign spec named '" + specArg + "' (campaigns/" + specArg + ".json)"));
      CampaignSpec spec = CampaignSpec.parse(found.origin(), found.text(), Catalog.load());
      if (!spec.name().equals(specArg)) {
        throw new UserInputException(found.origin() + ": name: is '" + spec.name() + "' but the file is named " + specArg + ".json");
      }
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + specArg + ": " + e.getMessage(), e);
    } catch (UserInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
