package org.litmusfarm.detect;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.litmusfarm.emit.Guarantee;
import org.litmusfarm.emit.Mutant;

/**
 * Whether the farm must kill a mutant on a target, and why: a native run on a CPU whose memory
 * model lets go of some guarantee the mutant takes away must show it. x86-TSO (amd64, 386, and
 * s390x, which is TSO-like) only lets a load overtake an earlier store and, like any multi-core
 * machine, interleaves the halves of a non-atomic read-modify-write; ARMv8, RVWMO and POWER let
 * go of every guarantee in {@link Guarantee} (gomm.md 7.2, 7.5). Emulated runs are never required:
 * the emulator, not a CPU, decides what they show.
 *
 * @param expected whether a survival means the farm failed to detect the mutant
 * @param reason one sentence saying why
 */
public record Exposure(boolean expected, String reason) {
  private static final Set<String> TSO = Set.of("amd64", "386", "s390x");
  private static final Set<Guarantee> TSO_LOSES = EnumSet.of(Guarantee.ATOMICITY, Guarantee.STORE_LOAD_ORDER);

  /** The exposure of {@code mutant} on {@code goarch} run in {@code mode} on {@code cpus} CPUs. */
  public static Exposure of(Mutant mutant, String goarch, String mode, int cpus) {
    if (!mode.equals("native")) {
      return new Exposure(
          false,
          "not required: " + mode + " is an emulator, which decides what the run shows; neither a kill"
              + " nor a survival is evidence about " + goarch + " hardware");
    }
    if (cpus < 2) {
      return new Exposure(false, "not required: with one CPU no two goroutines run at the same time");
    }
    boolean tso = TSO.contains(goarch);
    Set<Guarantee> visible = tso ? TSO_LOSES : EnumSet.allOf(Guarantee.class);
    Set<Guarantee> shown = EnumSet.noneOf(Guarantee.class);
    shown.addAll(mutant.lost());
    shown.retainAll(visible);
    String cpu = tso ? goarch + " (x86-TSO)" : goarch + " (weakly ordered)";
    if (!shown.isEmpty()) {
      return new Exposure(true, "yes: " + cpu + " can show the loss of " + labels(shown));
    }
    return new Exposure(
        false,
        "no: "
            + cpu
            + " keeps load-load, load-store and store-store order, so losing only "
            + labels(mutant.lost())
            + " is invisible to the CPU (Go's lowering there is already a plain instruction, e.g. an"
            + " amd64 atomic load is a MOV); only the compiler reordering or merging the now-plain"
            + " accesses could expose it");
  }

  private static String labels(Set<Guarantee> gs) {
    return gs.stream().map(Guarantee::label).collect(Collectors.joining(" and "));
  }
}
