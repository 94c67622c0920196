package org.litmusfarm.coordinator;

import java.util.Optional;
import org.litmusfarm.coordinator.campaign.Campaigns;
import org.litmusfarm.coordinator.fuzz.Fuzzer;
import org.litmusfarm.coordinator.schedule.CampaignSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's periodic campaign work: fire the schedule when a slot is due, step the fuzzers
 * of running campaigns, and mark finished campaigns done. Every piece is safe to run on several
 * coordinators at once; a failure is logged and retried on the next round.
 */
final class CampaignWork implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignWork.class);

  private final Campaigns campaigns;
  private final Fuzzer fuzzer;
  private final Optional<CampaignSchedule> schedule;

  CampaignWork(Campaigns campaigns, Fuzzer fuzzer, Optional<CampaignSchedule> schedule) {
    this.campaigns = campaigns;
    this.fuzzer = fuzzer;
    this.schedule = schedule;
  }

  @Override
  public void run() {
    try {
      schedule.flatMap(CampaignSchedule::tick).ifPresent(id -> LOG.info("schedule started campaign {}", id));
    } catch (RuntimeException e) {
      LOG.warn("campaign schedule failed: {}", e.getMessage());
    }
    try {
      fuzzer.stepAll();
    } catch (RuntimeException e) {
      LOG.warn("fuzzing step failed: {}", e.getMessage());
    }
    try {
      campaigns.finishDone().forEach(id -> LOG.info("campaign {} done", id));
    } catch (RuntimeException e) {
      LOG.warn("finishing campaigns failed: {}", e.getMessage());
    }
  }
}
