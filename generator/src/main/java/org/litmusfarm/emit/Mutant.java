package org.litmusfarm.emit;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A deliberately broken lowering of one class of operations. The emitted harness runs the broken
 * code while the oracle still judges the original program, so a farm that works reports
 * violations for programs that exercise the broken class on an architecture that can expose it.
 */
public enum Mutant {
  /** Every atomic store becomes a plain store. */
  ATOMIC_STORE_PLAIN(
      "atomic-store-plain",
      "every atomic.Store is emitted as a plain store; loses the store-load fence (amd64 XCHG) and"
          + " the release (arm64 STLR); SB+atomic shows the forbidden outcome on amd64",
      List.of("amd64", "386", "arm64", "riscv64", "ppc64le"),
      EnumSet.of(Guarantee.STORE_LOAD_ORDER, Guarantee.RELEASE)),
  /** Every atomic load becomes a plain load. */
  ATOMIC_LOAD_PLAIN(
      "atomic-load-plain",
      "every atomic.Load is emitted as a plain load; loses acquire (arm64 LDAR, riscv64 aq,"
          + " ppc64 SYNC/ISYNC); amd64 atomic loads are plain MOVs already, so only compiler"
          + " reordering of plain loads can expose it there; MP+atomic exposes it on weak hardware",
      List.of("arm64", "riscv64", "ppc64le"),
      EnumSet.of(Guarantee.ACQUIRE)),
  /** Add, Swap and CompareAndSwap become a plain read followed by a plain write. */
  RMW_PLAIN(
      "rmw-plain",
      "atomic.Add, Swap and CompareAndSwap are emitted as a plain read then a plain write; loses"
          + " atomicity (two racing Adds lose an update) and ordering; atomicity loss shows on"
          + " every multi-core architecture",
      List.of("amd64", "386", "arm64", "riscv64", "ppc64le"),
      EnumSet.allOf(Guarantee.class)),
  /** Mutex Lock/Unlock become a spin lock on a plain flag. */
  MUTEX_NO_ORDER(
      "mutex-no-order",
      "m.Lock and m.Unlock are emitted as a spin lock on a plain flag: no mutual exclusion (test"
          + " then set is not atomic) and no acquire/release; MP+mutex shows interleaved critical"
          + " sections on every multi-core architecture and reordering on weak hardware",
      List.of("amd64", "386", "arm64", "riscv64", "ppc64le"),
      EnumSet.allOf(Guarantee.class));

  private final String tag;
  private final String description;
  private final List<String> exposingArchitectures;
  private final Set<Guarantee> lost;

  Mutant(String tag, String description, List<String> exposingArchitectures, Set<Guarantee> lost) {
    this.tag = tag;
    this.description = description;
    this.exposingArchitectures = exposingArchitectures;
    this.lost = Collections.unmodifiableSet(EnumSet.copyOf(lost));
  }

  /** The name used with {@code --mutant}. */
  public String tag() {
    return tag;
  }

  /** What the mutant breaks and how it can be seen. */
  public String description() {
    return description;
  }

  /** GOARCH values whose hardware can expose the broken lowering. */
  public List<String> exposingArchitectures() {
    return exposingArchitectures;
  }

  /**
   * The guarantees the broken lowering takes away: whether a CPU can expose the mutant follows
   * from which of them its memory model lets go (gomm.md 7.1, 7.2, 7.5).
   */
  public Set<Guarantee> lost() {
    return lost;
  }

  /** The mutant whose {@link #tag()} is {@code text}; throws IllegalArgumentException otherwise. */
  public static Mutant parse(String text) {
    for (Mutant m : values()) {
      if (m.tag.equals(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown mutant '" + text + "': use one of "
            + Arrays.stream(values()).map(Mutant::tag).collect(Collectors.joining(", ")));
  }
}
