package org.litmusfarm.schema.convert;

import java.time.Duration;
import org.litmusfarm.emit.HarnessParams;
import org.litmusfarm.emit.Mutant;
import org.litmusfarm.emit.SyncMode;
import org.litmusfarm.model.Program;

/**
 * Converts harness parameters between the wire ({@code litmusfarm.v1.HarnessParams}, where a zero
 * or empty field means "the default") and the emitter's {@link HarnessParams}. The coordinator
 * validates submissions with it and the worker builds with it, so both read a job the same way.
 */
public final class Params {
  private Params() {}

  /**
   * The emitter's parameters for {@code program}: its defaults ({@link
   * HarnessParams#defaultsFor}) overridden by every field {@code wire} sets.
   *
   * @throws IllegalArgumentException with a reason when a field is out of range or unknown
   */
  public static HarnessParams toHarness(Program program, org.litmusfarm.schema.v1.HarnessParams wire) {
    HarnessParams p = HarnessParams.defaultsFor(program);
    if (wire.getIterations() < 0 || wire.getSeconds() < 0) {
      throw new IllegalArgumentException("iterations and seconds must not be negative");
    }
    if (wire.getIterations() > 0 && wire.getSeconds() > 0) {
      throw new IllegalArgumentException("set iterations or seconds, not both");
    }
    if (wire.getIterations() > 0) {
      p = p.withIterations(wire.getIterations());
    } else if (wire.getSeconds() > 0) {
      if (wire.getSeconds() > HarnessParams.MAX_TIME.toSeconds()) {
        throw new IllegalArgumentException("seconds must be at most " + HarnessParams.MAX_TIME.toSeconds());
      }
      p = p.withTimeBudget(Duration.ofNanos((long) (wire.getSeconds() * 1e9)));
    }
    if (wire.getInstances() != 0) {
      p = p.withInstances(wire.getInstances());
    }
    if (wire.getStride() != 0) {
      p = p.withStrideBytes(wire.getStride());
    }
    if (!wire.getSyncMode().isEmpty()) {
      p = p.withSyncMode(SyncMode.parse(wire.getSyncMode()));
    }
    if (wire.getSeed() != 0) {
      p = p.withSeed(wire.getSeed());
    }
    if (!wire.getMutant().isEmpty()) {
      p = p.withMutant(Mutant.parse(wire.getMutant()));
    }
    return p.withAffinity(wire.getAffinity()).withStressGoroutines(wire.getStress());
  }

  /** The wire form of {@code p}, every field set explicitly. */
  public static org.litmusfarm.schema.v1.HarnessParams toWire(HarnessParams p) {
    return org.litmusfarm.schema.v1.HarnessParams.newBuilder()
        .setIterations(p.iterations())
        .setSeconds(p.timeBudget().toNanos() / 1e9)
        .setInstances(p.instances())
        .setStride(p.strideBytes())
        .setAffinity(p.affinity())
        .setStress(p.stressGoroutines())
        .setSyncMode(p.syncMode().tag())
        .setSeed(p.seed())
        .setMutant(p.mutant().map(Mutant::tag).orElse(""))
        .build();
  }
}
