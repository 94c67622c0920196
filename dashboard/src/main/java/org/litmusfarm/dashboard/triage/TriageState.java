package org.litmusfarm.dashboard.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where people are with an observed outcome: not looked at yet, expected (e.g. a known emulator
 * bug), interesting (worth a closer look), or reported upstream.
 */
public enum TriageState {
  NEW, EXPECTED, INTERESTING, REPORTED;

  /** The lower-case name used in forms, URLs, JSON and the database. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state tagged {@code tag}; IllegalArgumentException naming the choices otherwise. */
  public static TriageState parse(String tag) {
    for (TriageState s : values()) {
      if (s.tag().equals(tag)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "triage state must be one of " + Arrays.stream(values()).map(TriageState::tag).collect(Collectors.joining(", ")));
  }
}
