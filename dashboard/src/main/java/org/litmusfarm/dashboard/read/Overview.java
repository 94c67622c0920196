package org.litmusfarm.dashboard.read;

import java.util.List;

/**
 * The overview: for each architecture and execution mode, what the newest campaign that ran there
 * found; the open violations (native and emulated counted apart); the newest campaigns; the fleet.
 */
public record Overview(
    List<ArchSummary> latest, int openNative, int openEmulated, List<CampaignRow> recent, int workers, int workersAlive) {
  public boolean anyOpen() {
    return openNative + openEmulated > 0;
  }
}
