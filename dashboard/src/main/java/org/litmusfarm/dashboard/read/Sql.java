package org.litmusfarm.dashboard.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs one statement with bound parameters and maps its rows. A {@code String[]} argument is bound
 * as a PostgreSQL text array; everything else with {@code setObject}.
 */
public final class Sql {
  /** Maps the current row. */
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private final DataSource db;

  public Sql(DataSource db) {
    this.db = db;
  }

  /** Every row of {@code sql}. */
  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new ReadFailure(e);
    }
  }

  /** The first row of {@code sql}, if any. */
  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
    return list(sql, mapper, args).stream().findFirst();
  }

  /** Runs an update; returns the rows changed. */
  public int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(c, ps, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new ReadFailure(e);
    }
  }

  private static void bind(Connection c, PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof String[] strings) {
        Array array = c.createArrayOf("text", strings);
        ps.setArray(i + 1, array);
      } else if (a instanceof Instant t) {
        ps.setTimestamp(i + 1, Timestamp.from(t));
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }

  /** The instant in column {@code i}, or null. */
  public static Instant instant(ResultSet rs, int i) throws SQLException {
    Timestamp t = rs.getTimestamp(i);
    return t == null ? null : t.toInstant();
  }
}
