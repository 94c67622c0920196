package org.litmusfarm.model;

import java.util.Objects;

/** Something an outcome records: a goroutine's register or a shared variable's final value. */
public sealed interface Location extends Comparable<Location> {

  /** {@code Pn:rk}. */
  record RegLoc(int goroutine, Reg reg) implements Location {
    public RegLoc {
      if (goroutine < 0 || goroutine >= Limits.MAX_GOROUTINES) {
        throw new IllegalArgumentException("goroutine index out of range: " + goroutine);
      }
      Objects.requireNonNull(reg);
    }

    @Override
    public String toString() {
      return "P" + goroutine + ":" + reg;
    }
  }

  /** The final value of shared variable {@code name}. */
  record VarLoc(String name) implements Location {
    public VarLoc {
      Names.requireIdentifier(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Registers first, by goroutine then register; then variables by name. Outcome printing uses
   * declaration order for variables, see {@link Program#outcomeLocations()}.
   */
  @Override
  default int compareTo(Location other) {
    if (this instanceof RegLoc a && other instanceof RegLoc b) {
      int byGoroutine = Integer.compare(a.goroutine(), b.goroutine());
      return byGoroutine != 0 ? byGoroutine : Integer.compare(a.reg().index(), b.reg().index());
    }
    if (this instanceof VarLoc a && other instanceof VarLoc b) {
      return a.name().compareTo(b.name());
    }
    return this instanceof RegLoc ? -1 : 1;
  }
}
