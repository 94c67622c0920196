package org.litmusfarm.dashboard.page;

import java.util.List;
import org.litmusfarm.dashboard.read.ArchSummary;
import org.litmusfarm.dashboard.read.CampaignRow;
import org.litmusfarm.dashboard.read.Conformance;

/** The model of {@code /campaigns/{id}}. */
public record CampaignPage(
    PageContext page, CampaignRow campaign, String spec, List<ArchSummary> architectures, Conformance conformance) {
  public boolean running() {
    return campaign.state().equals("running");
  }
}
