package org.litmusfarm.coordinator.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;

/**
 * The oracle's stored classes of each program's allowed outcomes; any other outcome is FORBIDDEN.
 * A program is decided once, at submission, so its classes are cached (least recently used
 * programs are dropped beyond a bound). Used by the ingest thread only.
 */
final class ProgramClasses {
  private static final int MAX_PROGRAMS = 10_000;

  private final Map<String, Map<String, OutcomeClass>> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, OutcomeClass>> eldest) {
          return size() > MAX_PROGRAMS;
        }
      };

  /** The class of canonical {@code outcome} in {@code programId}; call {@link #load} first. */
  OutcomeClass classify(String programId, String outcome) {
    Map<String, OutcomeClass> allowed = cache.get(programId);
    if (allowed == null) {
      throw new IllegalStateException("classes of program " + programId + " not loaded");
    }
    return allowed.getOrDefault(outcome, OutcomeClass.FORBIDDEN);
  }

  /** Reads the classes of every program in {@code programIds} that is not cached yet. */
  void load(Connection c, Collection<String> programIds) throws SQLException {
    List<String> missing = programIds.stream().distinct().filter(id -> !cache.containsKey(id)).toList();
    if (missing.isEmpty()) {
      return;
    }
    Map<String, Map<String, OutcomeClass>> loaded = new HashMap<>();
    missing.forEach(id -> loaded.put(id, new HashMap<>()));
    String sql = "SELECT program_id, outcome, class FROM program_outcomes WHERE program_id = ANY (?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", missing.toArray(new String[0])));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          loaded
              .get(rs.getString(1))
              .put(canonical(rs.getString(2)), OutcomeClass.valueOf(rs.getString(3)));
        }
      }
    }
    cache.putAll(loaded);
  }

  private static String canonical(String stored) {
    try {
      return Outcome.parse(stored).toString();
    } catch (IllegalArgumentException e) {
      return stored;
    }
  }
}
