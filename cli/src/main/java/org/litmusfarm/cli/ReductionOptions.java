package org.litmusfarm.cli;

import java.util.Locale;
import org.litmusfarm.coordinator.CoordinatorConfig;
import org.litmusfarm.coordinator.reduction.ReductionSettings;
import picocli.CommandLine.Option;

/** Whether and how a coordinator reduces the violations it records. */
final class ReductionOptions {
  @Option(names = "--reduce", paramLabel = "on|off", defaultValue = "${env:FARM_REDUCE:-on}",
      description = "reduce every violation to a small reproducer by re-running candidates on the farm"
          + " (default $FARM_REDUCE, else ${DEFAULT-VALUE})")
  String reduce;

  @Option(names = "--reduce-seconds-per-try", paramLabel = "S", defaultValue = "${env:FARM_REDUCE_SECONDS:-2}",
      description = "hammer each reduction candidate this long (default $FARM_REDUCE_SECONDS, else ${DEFAULT-VALUE})")
  double secondsPerTry;

  @Option(names = "--reduce-max-tries", paramLabel = "N", defaultValue = "60",
      description = "run at most N candidates per violation (default ${DEFAULT-VALUE})")
  int maxTries;

  /** {@code config} with these options; throws a user error for bad values. */
  CoordinatorConfig apply(CoordinatorConfig config) {
    boolean on = switch (reduce.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new UserInputException("--reduce must be on or off, not '" + reduce + "'");
    };
    try {
      ReductionSettings d = ReductionSettings.defaults();
      return config.withReduction(new ReductionSettings(on, secondsPerTry, maxTries, d.maxTime(), d.tryTimeout()));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--reduce-*: " + e.getMessage());
    }
  }

  /** Whether violations are reduced. */
  boolean enabled() {
    return reduce.strip().equalsIgnoreCase("on");
  }
}
