package org.litmusfarm.coordinator.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs one read-only report query with bound string parameters and hands each row to a reader. */
final class Rows {
  /** Reads one row. */
  interface Reader {
    void accept(ResultSet rs) throws SQLException;
  }

  private final DataSource db;

  Rows(DataSource db) {
    this.db = db;
  }

  void query(String sql, Reader reader, String... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the campaign report: " + e.getMessage(), e);
    }
  }
}
