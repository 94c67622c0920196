package org.litmusfarm.coordinator.campaign;

import java.time.Duration;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.SyncMode;

/**
 * One harness parameter set of a campaign; every catalog program runs once per set. Zero and empty
 * mean the harness default for the program.
 *
 * @param instances test instances per round (0: default)
 * @param stride bytes between shared variables (0: default)
 * @param affinity pin litmus goroutines to CPUs
 * @param stress stress goroutines beside the test
 * @param sync synchronisation between rounds ({@code spin}, {@code timebase}, {@code park}; empty: default)
 */
public record HarnessSet(int instances, int stride, boolean affinity, int stress, String sync) {
  /** The harness defaults. */
  public static final HarnessSet DEFAULT = new HarnessSet(0, 0, false, 0, "");

  /** The wire parameters for a run of {@code seconds} (or {@code iterations}) with {@code seed}. */
  public org.litmusfarm.schema.v1.HarnessParams toWire(double seconds, long iterations, long seed) {
    return org.litmusfarm.schema.v1.HarnessParams.newBuilder()
        .setSeconds(iterations > 0 ? 0 : seconds)
        .setIterations(iterations)
        .setInstances(instances)
        .setStride(stride)
        .setAffinity(affinity)
        .setStress(stress)
        .setSyncMode(sync)
        .setSeed(seed)
        .build();
  }

  /** Reads one set, checking each value against the harness's own limits. */
  static HarnessSet read(SpecFields f) {
    int instances = (int) (long) f.integer("instances", 0, HarnessParams.MAX_INSTANCES).orElse(0L);
    int stride = (int) (long) f.integer("stride", 0, 4096).orElse(0L);
    int stress = (int) (long) f.integer("stress", 0, 16).orElse(0L);
    String sync = f.string("sync").orElse("");
    HarnessParams check = HarnessParams.defaults().withTimeBudget(Duration.ofSeconds(1));
    try {
      check = stride == 0 ? check : check.withStrideBytes(stride);
    } catch (IllegalArgumentException e) {
      throw f.invalid(f.field("stride"), e.getMessage());
    }
    if (!sync.isEmpty()) {
      try {
        SyncMode.parse(sync);
      } catch (IllegalArgumentException e) {
        throw f.invalid(f.field("sync"), "must be spin, timebase or park, not '" + sync + "'");
      }
    }
    return new HarnessSet(instances, stride, f.bool("affinity").orElse(false), stress, sync);
  }
}
