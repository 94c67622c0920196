package org.litmusfarm.emit;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the emitted harness starts the test goroutines together at the beginning of each round. */
public enum SyncMode {
  /**
   * An atomic spin barrier between rounds (spinning briefly, then yielding); a released goroutine
   * starts at once, so the one that releases the barrier usually runs ahead.
   */
  SPIN("spin"),
  /**
   * The spin barrier, then every goroutine waits until a start time the coordinator set on the
   * monotonic clock (as litmus7's {@code -barrier timebase}), so all start the round together.
   */
  TIMEBASE("timebase"),
  /**
   * A blocking barrier through channels: slow, but it never spins, for hosts with far more test
   * goroutines than CPUs.
   */
  PARK("park");

  private final String tag;

  SyncMode(String tag) {
    this.tag = tag;
  }

  /** The lower-case name used on command lines and in result JSON. */
  public String tag() {
    return tag;
  }

  /** The mode whose {@link #tag()} is {@code text}; throws IllegalArgumentException otherwise. */
  public static SyncMode parse(String text) {
    for (SyncMode m : values()) {
      if (m.tag.equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown sync mode '" + text + "': use one of "
            + Arrays.stream(values()).map(SyncMode::tag).collect(Collectors.joining(", ")));
  }
}
