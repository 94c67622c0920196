package org.litmusfarm.reduce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import org.litmusfarm.model.Location;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.Program;

/**
 * How an outcome of a program carries over to a candidate derived from it. A projection is a
 * partial map of locations plus a map of values:
 *
 * <ul>
 *   <li>removing goroutine {@code Pg} drops its registers and renumbers {@code Pk:r} to {@code
 *       P(k-1):r} for every {@code k > g}; other goroutines keep their numbers;
 *   <li>removing a shared variable drops its final value;
 *   <li>renaming the constant {@code v} to a fresh {@code w} maps every observed value {@code v}
 *       to {@code w}, everything else unchanged;
 *   <li>other edits keep every location and value.
 * </ul>
 *
 * {@link #apply} maps each location of the parent's violation (see {@link Violation}) that
 * survives, with its value mapped, and keeps those the candidate still records in {@link
 * Program#outcomeLocations()}, in its canonical order. A register the candidate no longer
 * assigns (its statement was removed or became a store) is thereby dropped. If no location is
 * left, there is nothing to compare and the candidate has no projection.
 */
final class Projection {
  private static final Projection IDENTITY = new Projection(Optional::of, v -> v);

  private final Function<Location, Optional<Location>> locations;
  private final LongUnaryOperator values;

  private Projection(Function<Location, Optional<Location>> locations, LongUnaryOperator values) {
    this.locations = locations;
    this.values = values;
  }

  /** Keeps every location and value. */
  static Projection identity() {
    return IDENTITY;
  }

  /** Drops goroutine {@code g}'s registers and renumbers the goroutines after it. */
  static Projection withoutGoroutine(int g) {
    return new Projection(
        l -> {
          if (l instanceof Location.RegLoc r && r.goroutine() == g) {
            return Optional.empty();
          }
          if (l instanceof Location.RegLoc r && r.goroutine() > g) {
            return Optional.of(new Location.RegLoc(r.goroutine() - 1, r.reg()));
          }
          return Optional.of(l);
        },
        v -> v);
  }

  /** Drops the final value of shared variable {@code name}. */
  static Projection withoutVariable(String name) {
    Location gone = new Location.VarLoc(name);
    return new Projection(l -> l.equals(gone) ? Optional.empty() : Optional.of(l), v -> v);
  }

  /** Maps the value {@code from} to {@code to}. */
  static Projection renamingValue(long from, long to) {
    return new Projection(Optional::of, v -> v == from ? to : v);
  }

  /** This projection, then {@code next}. */
  Projection andThen(Projection next) {
    return new Projection(
        l -> locations.apply(l).flatMap(next.locations),
        v -> next.values.applyAsLong(values.applyAsLong(v)));
  }

  /** Where {@code loc} goes, if it survives. */
  Optional<Location> location(Location loc) {
    return locations.apply(loc);
  }

  /** {@code parent} carried over to {@code candidate}, or empty if no location is left. */
  Optional<Outcome> apply(Outcome parent, Program candidate) {
    Map<Location, Long> mapped = new LinkedHashMap<>();
    parent.values().forEach((loc, v) -> locations.apply(loc).ifPresent(l -> mapped.put(l, values.applyAsLong(v))));
    Map<Location, Long> kept = new LinkedHashMap<>();
    for (Location l : candidate.outcomeLocations()) {
      if (mapped.containsKey(l)) {
        kept.put(l, mapped.get(l));
      }
    }
    return kept.isEmpty() ? Optional.empty() : Optional.of(new Outcome(kept));
  }
}
