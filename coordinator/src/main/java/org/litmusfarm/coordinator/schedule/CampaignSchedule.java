package org.litmusfarm.coordinator.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.litmusfarm.coordinator.lease.DatabaseFailure;

/**
 * Starts a campaign at every slot of a cron schedule, once per slot however many coordinators
 * share the database: each coordinator ticks, and only the one whose conditional update moves
 * {@code last_fired_at} to the slot starts the campaign. A schedule first seen now fires from the
 * next slot on; a slot missed while every coordinator was down fires once when one is back (only
 * the latest missed slot). Time is the database's clock.
 */
public final class CampaignSchedule {
  /** Slots walked when catching up, at most. */
  private static final int MAX_SLOTS = 200_000;

  private final DataSource db;
  private final ScheduleSettings settings;
  private final Function<String, String> startCampaign;

  /**
   * A schedule over {@code db}; {@code startCampaign} starts the named spec and returns the new
   * campaign's id.
   */
  public CampaignSchedule(DataSource db, ScheduleSettings settings, Function<String, String> startCampaign) {
    this.db = db;
    this.settings = settings;
    this.startCampaign = startCampaign;
  }

  /** The schedule's row name: one schedule per spec. */
  String rowName() {
    return settings.specName();
  }

  /** Fires the schedule if a slot is due by the database's clock; returns the campaign started, if any. */
  public Optional<String> tick() {
    return tick(Optional.empty());
  }

  /** As {@link #tick()}, at {@code now} instead of the database's clock (for tests). */
  Optional<String> tickAt(Instant now) {
    return tick(Optional.of(now));
  }

  private Optional<String> tick(Optional<Instant> clock) {
    Instant lastFired;
    Instant now;
    try (Connection c = db.getConnection()) {
      Instant dbNow = clock.orElseGet(() -> databaseNow(c));
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO campaign_schedules (name, cron, spec_name, last_fired_at) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (name) DO UPDATE SET cron = EXCLUDED.cron"
              + " RETURNING last_fired_at")) {
        ps.setString(1, rowName());
        ps.setString(2, settings.cron().toString());
        ps.setString(3, settings.specName());
        ps.setTimestamp(4, Timestamp.from(dbNow));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          lastFired = rs.getTimestamp(1).toInstant();
        }
      }
      now = dbNow;
    } catch (SQLException e) {
      throw DatabaseFailure.of("read the campaign schedule", e);
    }
    Optional<Instant> slot = latestSlot(lastFired, now);
    if (slot.isEmpty()) {
      return Optional.empty();
    }
    if (!claim(slot.get())) {
      return Optional.empty();
    }
    String campaignId = startCampaign.apply(settings.specName());
    record(campaignId);
    return Optional.of(campaignId);
  }

  /** The latest slot after {@code lastFired} and at or before {@code now}, if any. */
  Optional<Instant> latestSlot(Instant lastFired, Instant now) {
    ZonedDateTime last = lastFired.atZone(settings.zone());
    Optional<ZonedDateTime> next = settings.cron().next(last);
    if (next.isEmpty() || next.get().toInstant().isAfter(now)) {
      return Optional.empty();
    }
    ZonedDateTime due = next.get();
    for (int i = 0; i < MAX_SLOTS; i++) {
      Optional<ZonedDateTime> after = settings.cron().next(due);
      if (after.isEmpty() || after.get().toInstant().isAfter(now)) {
        break;
      }
      due = after.get();
    }
    return Optional.of(due.toInstant());
  }

  private boolean claim(Instant slot) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE campaign_schedules SET last_fired_at = ? WHERE name = ? AND last_fired_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(slot));
      ps.setString(2, rowName());
      ps.setTimestamp(3, Timestamp.from(slot));
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw DatabaseFailure.of("claim a campaign schedule slot", e);
    }
  }

  private void record(String campaignId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE campaign_schedules SET last_campaign = ? WHERE name = ?")) {
      ps.setString(1, campaignId);
      ps.setString(2, rowName());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw DatabaseFailure.of("record the scheduled campaign", e);
    }
  }

  private static Instant databaseNow(Connection c) {
    try (PreparedStatement ps = c.prepareStatement("SELECT now()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    } catch (SQLException e) {
      throw DatabaseFailure.of("read the database clock", e);
    }
  }
}
