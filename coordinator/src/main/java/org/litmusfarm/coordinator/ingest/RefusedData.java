package org.litmusfarm.coordinator.ingest;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells database errors caused by a row's content (retrying cannot help) from outages and other
 * transient failures (retrying will). PostgreSQL SQLSTATE classes 22 (data exception), 23
 * (integrity constraint violation) and 54 (program limit exceeded, e.g. an index row too large) are
 * the row's fault; anything else, such as a lost connection, a deadlock or a missing table, is not.
 */
final class RefusedData {
  private static final Set<String> DATA_CLASSES = Set.of("22", "23", "54");

  private RefusedData() {}

  static boolean isCause(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      if (state != null && state.length() == 5 && DATA_CLASSES.contains(state.substring(0, 2))) {
        return true;
      }
    }
    return false;
  }
}
