package org.litmusfarm.coordinator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.coordinator.campaign.CampaignFarm;

/** The campaign schedule against a real PostgreSQL, with two coordinators sharing it. */
class CampaignScheduleTest {
  private static final ScheduleSettings NIGHTLY =
      new ScheduleSettings(CronExpression.parse("0 2 * * *"), "tiny", ZoneOffset.UTC);
  @TempDir Path specs;
  private CampaignFarm one;
  private CampaignFarm two;

  @BeforeEach
  void twoCoordinatorsOnOneDatabase() {
    one = CampaignFarm.create(specs);
    one.writeSpec("tiny", "{\"name\": \"tiny\", \"version\": 1, \"select\": {\"names\": [\"SB+plain\"]},"
        + " \"archs\": [\"amd64\"], \"seconds\": 1}");
    two = one.restarted();
  }

  @AfterEach
  void close() {
    one.close();
    two.close();
  }

  private CampaignSchedule schedule(CampaignFarm farm) {
    return new CampaignSchedule(farm.pool, NIGHTLY, name -> farm.campaigns.startNamed(name).id());
  }

  private List<String> campaigns() {
    return one.strings("SELECT id FROM campaigns ORDER BY started_at");
  }

  @Test
  void eachSlotStartsOneCampaignAcrossTwoCoordinatorsTickingTogether() throws Exception {
    CampaignSchedule a = schedule(one);
    CampaignSchedule b = schedule(two);
    assertEquals(Optional.empty(), a.tickAt(Instant.parse("2026-03-05T01:00:00Z")));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String day : List.of("2026-03-05", "2026-03-06")) {
        Instant after = Instant.parse(day + "T02:00:03Z");
        CountDownLatch go = new CountDownLatch(1);
        Future<Optional<String>> fa = pool.submit(() -> {
          go.await();
          return a.tickAt(after);
        });
        Future<Optional<String>> fb = pool.submit(() -> {
          go.await();
          return b.tickAt(after);
        });
        go.countDown();
        int fired = (fa.get().isPresent() ? 1 : 0) + (fb.get().isPresent() ? 1 : 0);
        assertEquals(1, fired, day);
        assertEquals(Optional.empty(), a.tickAt(after.plusSeconds(60)));
        assertEquals(Optional.empty(), b.tickAt(after.plusSeconds(120)));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, campaigns().size());
    assertEquals(List.of("tiny", "tiny"), one.strings("SELECT spec_name FROM campaigns"));
    assertEquals(List.of(campaigns().get(1)), one.strings("SELECT last_campaign FROM campaign_schedules WHERE name = 'tiny'"));
  }

  @Test
  void aScheduleFirstSeenWaitsForItsNextSlot() {
    CampaignSchedule a = schedule(one);
    assertEquals(Optional.empty(), a.tickAt(Instant.parse("2026-03-05T10:00:00Z")));
    assertEquals(Optional.empty(), a.tickAt(Instant.parse("2026-03-06T01:59:00Z")));
    assertTrue(a.tickAt(Instant.parse("2026-03-06T02:00:00Z")).isPresent());
  }

  @Test
  void slotsMissedWhileEveryCoordinatorWasDownFireOnceWhenOneIsBack() {
    CampaignSchedule a = schedule(one);
    a.tickAt(Instant.parse("2026-03-01T10:00:00Z"));
    assertTrue(schedule(two).tickAt(Instant.parse("2026-03-05T09:00:00Z")).isPresent());
    assertEquals(Optional.empty(), a.tickAt(Instant.parse("2026-03-05T09:01:00Z")));
    assertEquals(1, campaigns().size());
    assertEquals(List.of("2026-03-05 02:00:00+00"),
        one.strings("SELECT to_char(last_fired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM campaign_schedules"));
  }

  @Test
  void theDatabaseClockDrivesTheRealTick() {
    CampaignSchedule every = new CampaignSchedule(one.pool,
        new ScheduleSettings(CronExpression.parse("* * * * *"), "tiny", ZoneOffset.UTC), name -> one.campaigns.startNamed(name).id());
    assertEquals(Optional.empty(), every.tick());
    one.execute("UPDATE campaign_schedules SET last_fired_at = now() - interval '5 minutes'");
    assertTrue(every.tick().isPresent());
    assertEquals(Optional.empty(), every.tick());
  }
}
