package org.litmusfarm.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.coordinator.schedule.CronExpression;
import org.litmusfarm.coordinator.schedule.ScheduleSettings;
import picocli.CommandLine.Option;

/** Where a coordinator finds campaign specs, and when it starts one by itself. */
final class ScheduleOptions {
  @Option(names = "--campaigns-dir", paramLabel = "DIR", defaultValue = "${env:FARM_CAMPAIGNS_DIR:-campaigns}",
      description = "campaign specs by name (NAME.json), before the built-in ones (default $FARM_CAMPAIGNS_DIR, else ${DEFAULT-VALUE})")
  Path campaignsDir;

  @Option(names = "--schedule", paramLabel = "CRON", defaultValue = "${env:FARM_SCHEDULE:-" + ScheduleSettings.DEFAULT_CRON + "}",
      description = "start the --schedule-spec campaign at every slot of this 5-field cron expression, or 'off'"
          + " (default $FARM_SCHEDULE, else '${DEFAULT-VALUE}': 02:00 nightly)")
  String cron;

  @Option(names = "--schedule-spec", paramLabel = "NAME", defaultValue = "${env:FARM_SCHEDULE_SPEC:-" + ScheduleSettings.DEFAULT_SPEC + "}",
      description = "the campaign spec the schedule starts (default $FARM_SCHEDULE_SPEC, else ${DEFAULT-VALUE})")
  String specName;

  @Option(names = "--schedule-zone", paramLabel = "ZONE", defaultValue = "${env:FARM_SCHEDULE_ZONE:-UTC}",
      description = "time zone the cron expression is read in (default $FARM_SCHEDULE_ZONE, else ${DEFAULT-VALUE})")
  String zone;

  /** {@code config} with these options; throws a user error for a bad expression or zone. */
  CoordinatorConfig apply(CoordinatorConfig config) {
    CoordinatorConfig withSpecs = config.withSpecDirectory(Optional.of(campaignsDir));
    if (cron.strip().equalsIgnoreCase("off")) {
      return withSpecs.withSchedule(Optional.empty());
    }
    try {
      return withSpecs.withSchedule(Optional.of(new ScheduleSettings(CronExpression.parse(cron), specName, ZoneId.of(zone))));
    } catch (DateTimeException e) {
      throw new UserInputException("--schedule-zone: unknown time zone '" + zone + "'");
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--schedule: " + e.getMessage());
    }
  }
}
