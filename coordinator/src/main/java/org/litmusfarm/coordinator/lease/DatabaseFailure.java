package org.litmusfarm.coordinator.lease;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed database call into an {@link IllegalStateException} that says what was being
 * done and the server's primary message, never the statement or the values bound to it (the
 * server's detail line, which quotes key values, is left to the attached cause).
 */
public final class DatabaseFailure {
  private DatabaseFailure() {}

  /** {@code cannot <what>: <reason> (SQLSTATE <state>)}, with {@code e} as the cause. */
  public static IllegalStateException of(String what, SQLException e) {
    return new IllegalStateException("cannot " + what + ": " + reason(e) + " (SQLSTATE " + e.getSQLState() + ")", e);
  }

  /** Whether {@code e} is a foreign-key violation (a referenced row does not exist). */
  public static boolean isForeignKeyViolation(SQLException e) {
    return "23503".equals(e.getSQLState());
  }

  private static String reason(SQLException e) {
    if (e instanceof PSQLException p) {
      ServerErrorMessage server = p.getServerErrorMessage();
      if (server != null && server.getMessage() != null) {
        return server.getMessage();
      }
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}
