package org.litmusfarm.coordinator.fleet;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.litmusfarm.coordinator.lease.DatabaseFailure;
import org.litmusfarm.coordinator.lease.WorkerProfile;

/**
 * The registered workers, kept in PostgreSQL ({@code workers}): registration hands out an id,
 * heartbeats refresh {@code last_heartbeat}, and the queue learns from a worker's profile what it
 * may lease. Thread-safe.
 */
public final class Fleet {
  private static final Gson GSON = new Gson();
  private static final Type LABELS = new TypeToken<Map<String, String>>() {}.getType();
  private static final String COLUMNS =
      "id, name, arch, mode, cpu_model, cores, go_versions, labels::text, farm_version,"
          + " last_heartbeat, jobs_done";

  /** Bound of the profile cache; past it the cache starts afresh. */
  private static final int MAX_CACHED_PROFILES = 100_000;

  private final DataSource db;
  private final Duration heartbeatResolution;
  private final SecureRandom random = new SecureRandom();
  /**
   * Profiles read so far. A registration never changes (a restarted worker registers anew), so
   * this cache holds no state that matters: it only spares a query on every call of a worker.
   */
  private final Map<String, WorkerProfile> profiles = new ConcurrentHashMap<>();
  /** When this coordinator last wrote each worker's heartbeat ({@link System#nanoTime()}). */
  private final Map<String, Long> touched = new ConcurrentHashMap<>();

  /** A fleet recording heartbeats to the second. */
  public Fleet(DataSource db) {
    this(db, Duration.ofSeconds(1));
  }

  /**
   * A fleet over {@code db} that records a worker's heartbeat at most once per {@code
   * heartbeatResolution}: a thousand workers polling every second would otherwise write a
   * thousand rows a second for a timestamp people read to the second.
   */
  public Fleet(DataSource db, Duration heartbeatResolution) {
    this.db = Objects.requireNonNull(db);
    this.heartbeatResolution = Objects.requireNonNull(heartbeatResolution);
  }

  /** Stores a new worker and returns its id, {@code w-} and 12 hex digits. */
  public String register(WorkerRegistration r) {
    String id = "w-" + HexFormat.of().formatHex(bytes(6));
    String sql =
        "INSERT INTO workers (id, name, arch, mode, cpu_model, cores, go_versions, labels, farm_version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      ps.setString(2, r.name());
      ps.setString(3, r.arch());
      ps.setString(4, r.mode());
      ps.setString(5, r.cpuModel());
      ps.setInt(6, r.cores());
      ps.setArray(7, c.createArrayOf("text", r.goVersions().toArray()));
      ps.setString(8, GSON.toJson(r.labels()));
      ps.setString(9, r.farmVersion());
      ps.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw DatabaseFailure.of("register a worker", e);
    }
  }

  /** What the queue needs to lease {@code workerId} a job, if it is registered. */
  public Optional<WorkerProfile> profile(String workerId) {
    WorkerProfile cached = profiles.get(workerId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<WorkerProfile> read =
        row(workerId)
            .map(w -> new WorkerProfile(w.id(), w.registration().arch(), w.registration().mode(),
                w.registration().goVersions()));
    read.ifPresent(p -> {
      if (profiles.size() >= MAX_CACHED_PROFILES) {
        profiles.clear();
      }
      profiles.put(workerId, p);
    });
    return read;
  }

  /** The stored worker {@code workerId}, if registered. */
  public Optional<WorkerRow> row(String workerId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM workers WHERE id = ?")) {
      ps.setString(1, workerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("read worker " + workerId, e);
    }
  }

  /**
   * Records a heartbeat of {@code workerId} now (database time), unless one was recorded within the
   * heartbeat resolution; within it this coordinator does not even ask the database again. Returns
   * whether a row was written; an unknown worker writes nothing (check {@link #profile} first).
   */
  public boolean touch(String workerId) {
    long now = System.nanoTime();
    Long last = touched.get(workerId);
    if (last != null && now - last < heartbeatResolution.toNanos()) {
      return false;
    }
    if (touched.size() >= MAX_CACHED_PROFILES) {
      touched.clear();
    }
    touched.put(workerId, now);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE workers SET last_heartbeat = now()"
                + " WHERE id = ? AND last_heartbeat <= now() - make_interval(secs => ?)")) {
      ps.setString(1, workerId);
      ps.setDouble(2, heartbeatResolution.toNanos() / 1e9);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw DatabaseFailure.of("record a heartbeat of worker " + workerId, e);
    }
  }

  /** Every registered worker, oldest registration first. */
  public List<WorkerRow> list() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM workers ORDER BY registered_at, id");
        ResultSet rs = ps.executeQuery()) {
      List<WorkerRow> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(read(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw DatabaseFailure.of("list workers", e);
    }
  }

  private static WorkerRow read(ResultSet rs) throws SQLException {
    Array versions = rs.getArray(7);
    List<String> goVersions = List.of((String[]) versions.getArray());
    Map<String, String> labels = GSON.fromJson(rs.getString(8), LABELS);
    WorkerRegistration registration =
        new WorkerRegistration(
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getInt(6),
            goVersions,
            labels,
            rs.getString(9));
    return new WorkerRow(rs.getString(1), registration, rs.getTimestamp(10).toInstant(), rs.getLong(11));
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
