package org.litmusfarm.cli;

import java.util.List;
import java.util.Optional;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.coordinator.campaign.CampaignSpec;
import org.litmusfarm.coordinator.campaign.SpecLibrary;

/**
 * The campaign {@code farm up} runs by default: the spec {@code campaigns/smoke.json} (store
 * buffering, message passing and load buffering with plain and atomic variables, and channel and
 * mutex idioms), on every architecture the local farm serves.
 */
final class SmokeCampaign {
  static final String NAME = "smoke";
  static final List<String> PROGRAMS = spec().programs();

  private SmokeCampaign() {}

  /** The built-in smoke spec. */
  static CampaignSpec spec() {
    SpecLibrary.Found found = new SpecLibrary(Optional.empty()).find(NAME)
        .orElseThrow(() -> new IllegalStateException("the built-in campaign spec " + NAME + " is missing"));
    return CampaignSpec.parse(found.origin(), found.text(), Catalog.load());
  }
}
