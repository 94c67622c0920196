package org.litmusfarm.dashboard.read;

import org.litmusfarm.catalog.Catalog;

/** Every reader of the dashboard over one database. */
public record Reads(
    OverviewReader overview, ViolationReader violations, WeakReader weak, ProgramReader programs,
    CampaignReader campaigns, FleetReader fleet, Shapes shapes, Rollup rollup) {
  /** The readers of {@code sql}, with shapes from the catalog. */
  public static Reads over(Sql sql, Rollup rollup) {
    CampaignReader campaigns = new CampaignReader(sql);
    Shapes shapes = new Shapes(Catalog.load());
    return new Reads(
        new OverviewReader(sql, campaigns), new ViolationReader(sql), new WeakReader(sql, shapes, rollup),
        new ProgramReader(sql), campaigns, new FleetReader(sql), shapes, rollup);
  }
}
