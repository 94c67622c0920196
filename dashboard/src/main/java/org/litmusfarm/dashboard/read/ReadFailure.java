package org.litmusfarm.dashboard.read;

import java.sql.SQLException;

/** The database failed to answer; pages show a short message and the log has the cause. */
public final class ReadFailure extends RuntimeException {
  ReadFailure(SQLException cause) {
    super("database error: " + cause.getMessage(), cause);
  }
}
