package org.litmusfarm.coordinator.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When the coordinator starts a campaign by itself: a cron expression read in a time zone, and the
 * spec to start. The default is {@value #DEFAULT_CRON} (02:00 every night, UTC) with the spec
 * {@value #DEFAULT_SPEC}.
 */
public record ScheduleSettings(CronExpression cron, String specName, ZoneId zone) {
  public static final String DEFAULT_CRON = "0 2 * * *";
  public static final String DEFAULT_SPEC = "nightly";

  public ScheduleSettings {
    Objects.requireNonNull(cron);
    Objects.requireNonNull(specName);
    Objects.requireNonNull(zone);
  }

  /** The nightly default. */
  public static ScheduleSettings nightly() {
    return new ScheduleSettings(CronExpression.parse(DEFAULT_CRON), DEFAULT_SPEC, ZoneOffset.UTC);
  }
}
