package org.litmusfarm.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One outcome: the observed value of each location, in canonical order. Written as
 * {@code P0:r0=1; P1:r0=0; x=2}; the same type serves the oracle (allowed outcomes) and the
 * harness (observed outcomes).
 */
public record Outcome(Map<Location, Long> values) implements Comparable<Outcome> {
  public Outcome {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Builds an outcome from locations and values given in the same order. */
  public static Outcome of(List<Location> locations, long[] vals) {
    if (locations.size() != vals.length) {
      throw new IllegalArgumentException("locations and values differ in length");
    }
    Map<Location, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < vals.length; i++) {
      m.put(locations.get(i), vals[i]);
    }
    return new Outcome(m);
  }

  /**
   * Parses the canonical form, e.g. {@code P0:r0=1; P1:r0=0; x=2}. Throws IllegalArgumentException
   * with a message on malformed text.
   */
  public static Outcome parse(String text) {
    Map<Location, Long> m = new LinkedHashMap<>();
    if (text.isBlank()) {
      return new Outcome(m);
    }
    for (String part : text.split(";")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("malformed outcome entry '" + p + "'");
      }
      String loc = p.substring(0, eq).trim();
      long value;
      try {
        value = Long.parseLong(p.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("malformed value in outcome entry '" + p + "'");
      }
      m.put(parseLocation(loc), value);
    }
    return new Outcome(m);
  }

  /** Parses {@code Pn:rk} or a variable name. */
  public static Location parseLocation(String loc) {
    int colon = loc.indexOf(':');
    if (colon < 0) {
      return new Location.VarLoc(loc);
    }
    String g = loc.substring(0, colon);
    if (!g.matches("P[0-9]")) {
      throw new IllegalArgumentException("malformed goroutine in '" + loc + "'");
    }
    return new Location.RegLoc(Integer.parseInt(g.substring(1)), Reg.of(loc.substring(colon + 1)));
  }

  /** The value at {@code loc}. */
  public long get(Location loc) {
    Long v = values.get(loc);
    if (v == null) {
      throw new IllegalArgumentException("outcome has no value for " + loc);
    }
    return v;
  }

  /** Whether the outcome satisfies {@code prop}. */
  public boolean satisfies(Prop prop) {
    return prop.eval(values);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join("; ", parts);
  }

  @Override
  public int compareTo(Outcome o) {
    return toString().compareTo(o.toString());
  }
}
