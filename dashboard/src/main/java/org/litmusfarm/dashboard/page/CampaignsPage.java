package org.litmusfarm.dashboard.page;

import java.util.List;
import org.litmusfarm.dashboard.read.CampaignRow;

/** The model of {@code /campaigns}. */
public record CampaignsPage(PageContext page, List<CampaignRow> campaigns) {}
