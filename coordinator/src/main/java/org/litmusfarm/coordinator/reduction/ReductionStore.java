package org.litmusfarm.coordinator.reduction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.litmusfarm.coordinator.lease.DatabaseFailure;

/**
 * Reductions in PostgreSQL: one per program, architecture and mode with a violation, claimed by
 * one coordinator at a time (a claim whose heartbeat is older than {@link #CLAIM_SECONDS} can be
 * taken over), with the smallest reproducing program kept as it is found so that a restarted
 * reduction resumes from there. Thread-safe.
 */
final class ReductionStore {
  /** A claim not renewed for this long is abandoned; another coordinator may take it. */
  static final int CLAIM_SECONDS = 60;

  /**
   * One reduction per violating program, architecture and mode, for the outcome seen most; not
   * for programs that are themselves candidates of a reduction.
   */
  private static final String DISCOVER =
      "INSERT INTO reductions (program_id, arch, mode, go_version, outcome, state, current_program_id, current_outcome)"
          + " SELECT DISTINCT ON (v.program_id, v.arch, v.mode) v.program_id, v.arch, v.mode, v.go_version,"
          + " v.outcome, 'queued', v.program_id, v.outcome FROM violations v"
          + " WHERE NOT EXISTS (SELECT 1 FROM reduction_tries t WHERE t.program_id = v.program_id)"
          + " ORDER BY v.program_id, v.arch, v.mode, v.count DESC, v.id"
          + " ON CONFLICT (program_id, arch, mode) DO NOTHING";

  private static final String CLAIM =
      "WITH next AS (SELECT id FROM reductions WHERE state = 'queued'"
          + " OR (state = 'running' AND heartbeat_at < now() - make_interval(secs => " + CLAIM_SECONDS + "))"
          + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
          + " UPDATE reductions r SET state = 'running', owner = ?, heartbeat_at = now() FROM next"
          + " WHERE r.id = next.id RETURNING r.id, r.arch, r.mode, r.go_version,"
          + " (SELECT litmus FROM programs p WHERE p.id = r.current_program_id), r.current_outcome,"
          + " r.attempts, r.accepted";

  private static final String MINE = " WHERE id = ? AND owner = ? AND state = 'running'";

  private final DataSource db;
  private final String owner;

  ReductionStore(DataSource db, String owner) {
    this.db = Objects.requireNonNull(db);
    this.owner = Objects.requireNonNull(owner);
  }

  /** Adds a queued reduction for every violation that has none; returns how many. */
  int discover() {
    return execute(DISCOVER, "discover violations to reduce");
  }

  /** Claims the oldest queued or abandoned reduction, if any. */
  Optional<Claimed> claim() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(CLAIM)) {
      ps.setString(1, owner);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)));
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("claim a reduction", e);
    }
  }

  /** Renews the claim; false if it was lost (taken over after a stall). */
  boolean beat(long id) {
    return updateMine(id, "heartbeat_at = now()", "renew reduction " + id) == 1;
  }

  /** Records that candidate number {@code attempt}, submitted as {@code submissionId}, ran. */
  void tried(long id, int attempt, String programId, String submissionId, boolean reproduced) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement t = c.prepareStatement(
              "INSERT INTO reduction_tries (reduction_id, attempt, program_id, submission_id, reproduced)"
                  + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
          PreparedStatement r = c.prepareStatement(
              "UPDATE reductions SET attempts = GREATEST(attempts, ?), heartbeat_at = now()" + MINE)) {
        t.setLong(1, id);
        t.setInt(2, attempt);
        t.setString(3, programId);
        t.setString(4, submissionId);
        t.setBoolean(5, reproduced);
        t.executeUpdate();
        r.setInt(1, attempt);
        r.setLong(2, id);
        r.setString(3, owner);
        r.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseFailure.of("record a try of reduction " + id, e);
    }
  }

  /** Makes {@code programId}, which reproduced {@code outcome}, the smallest program so far. */
  void accepted(long id, String programId, String outcome, String size) {
    updateMine(id, "current_program_id = ?, current_outcome = ?, reduced_size = ?, accepted = accepted + 1,"
        + " heartbeat_at = now()", "store a step of reduction " + id, programId, outcome, size);
  }

  /** Records the size of the program the reduction started from, and its narrowed outcome. */
  void started(long id, String outcome, String size) {
    updateMine(id, "current_outcome = ?, original_size = CASE WHEN original_size = '' THEN ? ELSE original_size END,"
        + " reduced_size = CASE WHEN reduced_size = '' THEN ? ELSE reduced_size END", "start reduction " + id,
        outcome, size, size);
  }

  /** Ends the reduction: {@code done} with why it stopped, or {@code failed} with the reason. */
  void finish(long id, boolean done, String stopOrError) {
    updateMine(id, "state = ?, stop = ?, error = ?, finished_at = now(), owner = NULL", "finish reduction " + id,
        done ? "done" : "failed", done ? stopOrError : null, done ? null : cut(stopOrError));
  }

  private static String cut(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  /** Sets {@code assignments} (bound to {@code args}) on reduction {@code id} while this coordinator holds it. */
  private int updateMine(long id, String assignments, String what, Object... args) {
    Object[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = id;
    all[args.length + 1] = owner;
    return execute("UPDATE reductions SET " + assignments + MINE, what, all);
  }

  private int execute(String sql, String what, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw DatabaseFailure.of(what, e);
    }
  }
}
